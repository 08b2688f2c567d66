using System;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>Tokens as issued by the token endpoint, with expiry computed from our own receive time.</summary>
    internal sealed class TokenGrant
    {
        internal TokenGrant(string accessToken, DateTime expiresUtc, string? refreshToken, string[] scopes, DateTime? refreshTokenExpiresUtc = null)
        {
            AccessToken = accessToken;
            ExpiresUtc = expiresUtc;
            RefreshToken = refreshToken;
            Scopes = scopes;
            RefreshTokenExpiresUtc = refreshTokenExpiresUtc;
        }

        /// <summary>The access token.</summary>
        public string AccessToken { get; }

        /// <summary>When it expires (UTC).</summary>
        public DateTime ExpiresUtc { get; }

        /// <summary>A refresh token when issued (code exchange, device flow, rotation).</summary>
        public string? RefreshToken { get; }

        /// <summary>Granted scopes from the response's scope field (empty when absent).</summary>
        public string[] Scopes { get; }

        /// <summary>
        /// When the grant ends, as Google states it with refresh_token_expires_in (7 days for apps whose consent screen is
        /// in Testing, and other time-limited grants); null when Google stated no end.
        /// </summary>
        public DateTime? RefreshTokenExpiresUtc { get; }

        /// <inheritdoc />
        public override string ToString() => "TokenGrant (expires " + ExpiresUtc.ToString("u") + ")";
    }
}
