using System;
using System.Net.Sockets;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>What the browser brought back to the loopback redirect.</summary>
    internal sealed class AuthorizationCallback
    {
        internal AuthorizationCallback(string? code, string? error, string? errorDescription, string? scope, string? issuer)
        {
            Code = code;
            Error = error;
            ErrorDescription = errorDescription;
            Scope = scope;
            Issuer = issuer;
        }

        /// <summary>The authorization code (secret, single use), or null on error.</summary>
        public string? Code { get; }

        /// <summary>An OAuth error such as access_denied.</summary>
        public string? Error { get; }

        /// <summary>Error text, if the server sent any.</summary>
        public string? ErrorDescription { get; }

        /// <summary>Scopes the redirect says were granted.</summary>
        public string? Scope { get; }

        /// <summary>The iss parameter (RFC 9207), when the server sent one.</summary>
        public string? Issuer { get; }

        /// <inheritdoc />
        public override string ToString() => Error == null ? "AuthorizationCallback (code received)" : "AuthorizationCallback (" + Error + ")";
    }
}
