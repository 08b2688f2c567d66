using System;
using System.Collections.Generic;
using System.Linq;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>A valid access token. ToString never shows the token.</summary>
    public sealed class AccessTokenResult
    {
        internal AccessTokenResult(TokenRecord record)
        {
            Token = record.AccessToken!;
            ExpiresUtc = record.AccessTokenExpiresUtc!.Value;
            Profile = record.Profile;
            Scopes = record.Scopes.ToArray();
            AccountLabel = record.AccountLabel;
            Endpoints = record.Endpoints.ToEndpoints();
        }

        internal OAuth.GoogleEndpoints Endpoints { get; }

        /// <summary>The bearer token.</summary>
        public string Token { get; }
        /// <summary>When it expires.</summary>
        public DateTime ExpiresUtc { get; }
        /// <summary>Profile it belongs to.</summary>
        public string Profile { get; }
        /// <summary>Its scopes.</summary>
        public IReadOnlyList<string> Scopes { get; }
        /// <summary>Account label.</summary>
        public string? AccountLabel { get; }

        /// <inheritdoc />
        public override string ToString() => "Access token for " + Profile + " (expires " + ExpiresUtc.ToString("u") + ")";
    }
}
