using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// The one place endpoints are decided, the same for the module and the CLI. For each endpoint, the first that
    /// names it wins: an explicit endpoint; the endpoint base (-EndpointBaseUri, --endpoint-base, YTOAUTH_ENDPOINT_BASE);
    /// the client registration (auth_uri, token_uri, revoke_uri); the authorization server's metadata (RFC 8414, else
    /// OpenID discovery, at the issuer of the registered endpoints when that is not Google, fetched once per
    /// process); Google's defaults. The result is stored with the grant, so every later call of that profile, in any
    /// process, uses the same endpoints.
    /// </summary>
    internal sealed class EndpointResolver
    {
        private static readonly ConcurrentDictionary<string, Lazy<Task<JObject?>>> Metadata = new ConcurrentDictionary<string, Lazy<Task<JObject?>>>(StringComparer.Ordinal);
        private readonly GoogleHttp http;

        public EndpointResolver(GoogleHttp http) => this.http = http;

        /// <summary>Without the server's metadata: what the choices and the registration say, then Google.</summary>
        public static GoogleEndpoints Combine(EndpointChoices choices, ClientRegistration registration, JObject? metadata = null)
        {
            var under = choices.Base == null ? null : GoogleEndpoints.ForBaseUri(choices.Base);
            var google = GoogleEndpoints.Google;
            Uri Pick(Uri? chosen, Uri? fromBase, Uri? registered, string metadataField, Uri fallback) =>
                chosen ?? fromBase ?? registered ?? MetadataUri(metadata, metadataField) ?? fallback;
            var authorization = Pick(choices.Authorization, under?.Authorization, registration.Authorization, "authorization_endpoint", google.Authorization);
            // The issuer that authorization responses must name (RFC 9207): the metadata's, or Google's for Google.
            var issuer = metadata != null && choices.Base == null && choices.Authorization == null ? Json.Text(metadata, "issuer")
                : GoogleEndpoints.IsGoogle(authorization) ? GoogleEndpoints.GoogleIssuer : null;
            return new GoogleEndpoints(
                authorization,
                Pick(choices.Token, under?.Token, registration.Token, "token_endpoint", google.Token),
                Pick(choices.Revocation, under?.Revocation, registration.Revocation, "revocation_endpoint", google.Revocation),
                Pick(choices.DeviceAuthorization, under?.DeviceAuthorization, null, "device_authorization_endpoint", google.DeviceAuthorization),
                choices.YouTubeData ?? under?.YouTubeData ?? google.YouTubeData,
                choices.Analytics ?? under?.Analytics ?? google.Analytics)
            {
                Issuer = issuer,
                IssuerInResponses = metadata?["authorization_response_iss_parameter_supported"]?.Type == JTokenType.Boolean &&
                                    (bool)metadata["authorization_response_iss_parameter_supported"]!,
            };
        }

        /// <summary>The client with its endpoints decided, the server's metadata fetched when the registration names a server that is not Google.</summary>
        public async Task<OAuthClient> ResolveAsync(OAuthClient client, CancellationToken cancellationToken)
        {
            var registered = client.Registration.Authorization ?? client.Registration.Token;
            if (client.Choices.Base != null || registered == null || GoogleEndpoints.IsGoogle(registered))
            {
                return client;
            }

            var issuer = registered.GetLeftPart(UriPartial.Authority);
            var metadata = await Metadata.GetOrAdd(issuer, key => new Lazy<Task<JObject?>>(() => DiscoverAsync(key))).Value.ConfigureAwait(false);
            return client.WithEndpoints(Combine(client.Choices, client.Registration, metadata));
        }

        private async Task<JObject?> DiscoverAsync(string issuer)
        {
            foreach (var path in new[] { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
            {
                var uri = new Uri(issuer + path);
                try
                {
                    using (var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), r => Task.FromResult(RetryPolicy.IsTransient(r.StatusCode)),
                               true, CancellationToken.None).ConfigureAwait(false))
                    {
                        if (!response.IsSuccessStatusCode)
                        {
                            continue;
                        }

                        var metadata = await GoogleHttp.ReadJsonAsync(response, uri).ConfigureAwait(false);
                        // RFC 8414 3.3: the issuer in the metadata must be the one it was fetched for.
                        if (Json.Text(metadata, "issuer")?.TrimEnd('/') == issuer)
                        {
                            EngineLog.Verbose("Read the authorization server's metadata at " + uri + ".");
                            return metadata;
                        }

                        EngineLog.Warning("The metadata at " + uri + " names another issuer (" + Json.Text(metadata, "issuer") + ") and was not used.");
                    }
                }
                catch (YtOAuthException e)
                {
                    EngineLog.Verbose("No usable metadata at " + uri + ": " + e.Message);
                }
            }

            EngineLog.Verbose("The authorization server " + issuer + " publishes no metadata; endpoints it does not name come from the registration or Google's defaults.");
            return null;
        }

        private static Uri? MetadataUri(JObject? metadata, string field) =>
            Json.Text(metadata, field) is string value && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback) ? uri : null;
    }
}
