namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// An OAuth client: its id and secret, what its registration says (redirect path, endpoints), the endpoints the
    /// user chose, and the endpoints decided from those (see <see cref="EndpointResolver"/>).
    /// </summary>
    public sealed class OAuthClient
    {
        /// <summary>Creates a client; endpoints not chosen or registered are Google's (the engine completes them from the server's metadata when it connects).</summary>
        public OAuthClient(string clientId, string clientSecret, EndpointChoices? choices = null, ClientRegistration? registration = null, string source = "parameters")
            : this(clientId, clientSecret, choices ?? new EndpointChoices(), registration ?? new ClientRegistration(), null, source)
        {
        }

        private OAuthClient(string clientId, string clientSecret, EndpointChoices choices, ClientRegistration registration, GoogleEndpoints? endpoints, string source)
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
            Choices = choices;
            Registration = registration;
            Endpoints = endpoints ?? EndpointResolver.Combine(choices, registration);
            Source = source;
        }

        /// <summary>The client id (public).</summary>
        public string ClientId { get; }

        /// <summary>The client secret (for desktop apps not truly secret, still never logged).</summary>
        public string ClientSecret { get; }

        /// <summary>Endpoints the user named.</summary>
        public EndpointChoices Choices { get; }

        /// <summary>What the registration (client_secret.json) says.</summary>
        public ClientRegistration Registration { get; }

        /// <summary>The endpoints this client talks to.</summary>
        public GoogleEndpoints Endpoints { get; }

        /// <summary>Where the configuration came from (a file path or "parameters"), for messages.</summary>
        public string Source { get; }

        /// <summary>A client bound to endpoints already decided (a stored grant's).</summary>
        public static OAuthClient ForGrant(string clientId, string clientSecret, GoogleEndpoints endpoints, string source) =>
            new OAuthClient(clientId, clientSecret, new EndpointChoices(), new ClientRegistration(), endpoints, source);

        internal OAuthClient WithEndpoints(GoogleEndpoints endpoints) => new OAuthClient(ClientId, ClientSecret, Choices, Registration, endpoints, Source);

        /// <inheritdoc />
        public override string ToString() => "OAuthClient " + ClientId + " (" + Source + ")";
    }
}
