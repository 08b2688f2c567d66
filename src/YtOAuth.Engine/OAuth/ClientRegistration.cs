using System;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>What the client's registration says (client_secret.json): the loopback redirect path and any endpoints it names.</summary>
    public sealed class ClientRegistration
    {
        /// <summary>The path of the first loopback redirect URI registered ("/" when none is).</summary>
        public string RedirectPath { get; set; } = "/";
        /// <summary>auth_uri.</summary>
        public Uri? Authorization { get; set; }
        /// <summary>token_uri.</summary>
        public Uri? Token { get; set; }
        /// <summary>revoke_uri, when the file has one.</summary>
        public Uri? Revocation { get; set; }
    }
}
