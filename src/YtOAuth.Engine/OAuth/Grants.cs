using System;
using System.Net;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>Tokens as issued by the token endpoint, with expiry computed from our own receive time.</summary>
    public sealed class TokenGrant
    {
        internal TokenGrant(string accessToken, DateTime expiresUtc, string? refreshToken, string[] scopes)
        {
            AccessToken = accessToken;
            ExpiresUtc = expiresUtc;
            RefreshToken = refreshToken;
            Scopes = scopes;
        }

        /// <summary>The access token.</summary>
        public string AccessToken { get; }

        /// <summary>When it expires (UTC).</summary>
        public DateTime ExpiresUtc { get; }

        /// <summary>A refresh token when issued (code exchange, device flow, rotation).</summary>
        public string? RefreshToken { get; }

        /// <summary>Granted scopes from the response's scope field (empty when absent).</summary>
        public string[] Scopes { get; }

        /// <inheritdoc />
        public override string ToString() => "TokenGrant (expires " + ExpiresUtc.ToString("u") + ")";
    }

    /// <summary>A started device authorization (RFC 8628 in Google's dialect).</summary>
    public sealed class DeviceAuthorization
    {
        internal DeviceAuthorization(string deviceCode, string userCode, Uri verificationUrl, TimeSpan expiresIn, TimeSpan interval)
        {
            DeviceCode = deviceCode;
            UserCode = userCode;
            VerificationUrl = verificationUrl;
            ExpiresIn = expiresIn;
            Interval = interval;
        }

        internal string DeviceCode { get; }

        /// <summary>The code the user types at <see cref="VerificationUrl"/>.</summary>
        public string UserCode { get; }

        /// <summary>Where the user goes (Google spells the field verification_url).</summary>
        public Uri VerificationUrl { get; }

        /// <summary>How long the codes live.</summary>
        public TimeSpan ExpiresIn { get; }

        /// <summary>Polling interval.</summary>
        public TimeSpan Interval { get; }
    }

    /// <summary>The OAuth error an endpoint answered with; <see cref="YtOAuthException"/> carries it as inner exception.</summary>
    public sealed class OAuthErrorException : Exception
    {
        internal OAuthErrorException(HttpStatusCode status, string error, string? description)
            : base("HTTP " + (int)status + " " + error + (string.IsNullOrEmpty(description) ? string.Empty : ": " + description))
        {
            Status = status;
            Error = error;
            Description = description;
        }

        /// <summary>HTTP status.</summary>
        public HttpStatusCode Status { get; }

        /// <summary>The OAuth error code (invalid_grant, ...).</summary>
        public string Error { get; }

        /// <summary>The server's description, if any.</summary>
        public string? Description { get; }
    }
}
