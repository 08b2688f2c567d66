namespace YtOAuth.Engine.OAuth
{
    /// <summary>An OAuth client registered in Google Cloud: its id, its secret and the endpoints it talks to.</summary>
    public sealed class OAuthClient
    {
        /// <summary>Creates a client.</summary>
        public OAuthClient(string clientId, string clientSecret, GoogleEndpoints? endpoints = null, string source = "parameters")
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new YtOAuthException(ErrorCode.ClientSecretInvalid,
                    "The client id is empty. Pass the client_id of an OAuth client of type 'Desktop app' from Google Cloud Console (APIs & Services > Credentials).",
                    source);
            }

            Diagnostics.Redactor.Register(clientSecret);
            ClientId = clientId.Trim();
            ClientSecret = clientSecret ?? string.Empty;
            Endpoints = endpoints ?? GoogleEndpoints.Google;
            Source = source;
        }

        /// <summary>The client id (public).</summary>
        public string ClientId { get; }

        /// <summary>The client secret (for desktop apps not truly secret, still never logged).</summary>
        public string ClientSecret { get; }

        /// <summary>Endpoints for this client.</summary>
        public GoogleEndpoints Endpoints { get; }

        /// <summary>Where the configuration came from (a file path or "parameters"), for messages.</summary>
        public string Source { get; }

        /// <inheritdoc />
        public override string ToString() => "OAuthClient " + ClientId + " (" + Source + ")";
    }
}
