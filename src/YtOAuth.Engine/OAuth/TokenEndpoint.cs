using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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

    /// <summary>
    /// Talks to Google's token, device and revocation endpoints: form posts in, Google.Apis.Auth's
    /// <see cref="TokenResponse"/>/<see cref="TokenErrorResponse"/> shapes out, retries for transient answers,
    /// and errors that say what to do.
    /// </summary>
    public sealed class TokenEndpoint
    {
        private readonly HttpClient http;
        private readonly IClock clock;
        private readonly RetryPolicy retry;

        /// <summary>Creates the client.</summary>
        public TokenEndpoint(HttpClient http, IClock clock, RetryPolicy retry)
        {
            this.http = http;
            this.clock = clock;
            this.retry = retry;
        }

        /// <summary>Exchanges an authorization code (with its PKCE verifier and the same redirect_uri).</summary>
        public Task<TokenGrant> ExchangeCodeAsync(OAuthClient client, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
        {
            Diagnostics.Redactor.Register(code);
            return PostTokenAsync(client, new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["code_verifier"] = codeVerifier,
                ["redirect_uri"] = redirectUri.AbsoluteUri,
            }, retryNetworkErrors: false, cancellationToken);
        }

        /// <summary>Gets a new access token from a refresh token.</summary>
        public Task<TokenGrant> RefreshAsync(OAuthClient client, string refreshToken, CancellationToken cancellationToken) =>
            PostTokenAsync(client, new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }, retryNetworkErrors: true, cancellationToken);

        /// <summary>Starts a device authorization.</summary>
        public async Task<DeviceAuthorization> StartDeviceAuthorizationAsync(OAuthClient client, IEnumerable<string> scopes, CancellationToken cancellationToken)
        {
            var uri = client.Endpoints.DeviceAuthorization;
            using (var response = await retry.SendAsync(http, () => Form(uri, new Dictionary<string, string>
                   {
                       ["client_id"] = client.ClientId,
                       ["scope"] = string.Join(" ", scopes),
                   }), r => Task.FromResult(RetryPolicy.IsTransient(r.StatusCode)), true, cancellationToken).ConfigureAwait(false))
            {
                var body = await ReadJsonAsync(response, uri).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // Google reports device-code quota as {"error_code": "rate_limit_exceeded"}.
                    if ((string?)body["error_code"] == "rate_limit_exceeded")
                    {
                        throw new YtOAuthException(ErrorCode.RateLimited, "Google's device-code quota for this client is used up for now. Wait a while, or use the browser flow.", uri.Host);
                    }

                    throw ErrorFor(response.StatusCode, body, uri, client);
                }

                var deviceCode = (string?)body["device_code"];
                var userCode = (string?)body["user_code"];
                var url = (string?)body["verification_url"] ?? (string?)body["verification_uri"];
                if (deviceCode == null || userCode == null || url == null || !Uri.TryCreate(url, UriKind.Absolute, out var verification))
                {
                    throw new YtOAuthException(ErrorCode.ServerError, "The device authorization answer from " + uri.Host + " lacks device_code, user_code or verification_url. Try again later.", uri.Host);
                }

                Diagnostics.Redactor.Register(deviceCode);
                return new DeviceAuthorization(deviceCode, userCode, verification,
                    TimeSpan.FromSeconds((int?)body["expires_in"] ?? 1800), TimeSpan.FromSeconds(Math.Max(1, (int?)body["interval"] ?? 5)));
            }
        }

        /// <summary>One device poll: a grant, or an <see cref="OAuthErrorException"/> (authorization_pending, slow_down, ...) for the caller to act on.</summary>
        public Task<TokenGrant> PollDeviceAsync(OAuthClient client, DeviceAuthorization device, CancellationToken cancellationToken) =>
            PostTokenAsync(client, new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
                ["device_code"] = device.DeviceCode,
            }, retryNetworkErrors: true, cancellationToken, rawOAuthErrors: true);

        /// <summary>
        /// Revokes a token. True when Google revoked it or already considered it dead; throws when the
        /// outcome is unknown (network, server error) so that the caller keeps its record.
        /// </summary>
        public async Task<bool> RevokeAsync(OAuthClient client, string token, CancellationToken cancellationToken)
        {
            var uri = client.Endpoints.Revocation;
            using (var response = await retry.SendAsync(http, () => Form(uri, new Dictionary<string, string>
                   {
                       ["token"] = token,
                       ["client_id"] = client.ClientId,
                       ["client_secret"] = client.ClientSecret,
                   }), r => Task.FromResult(RetryPolicy.IsTransient(r.StatusCode)), true, cancellationToken).ConfigureAwait(false))
            {
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                if ((int)response.StatusCode == 400)
                {
                    var body = await ReadJsonAsync(response, uri).ConfigureAwait(false);
                    var error = (string?)body["error"];
                    if (error == "invalid_token" || error == "invalid_grant")
                    {
                        return false; // already dead: as good as revoked
                    }

                    throw ErrorFor(response.StatusCode, body, uri, client);
                }

                throw new YtOAuthException(ErrorCode.ServerError, uri.Host + " answered HTTP " + (int)response.StatusCode + " to the revocation.", uri.Host);
            }
        }

        private async Task<TokenGrant> PostTokenAsync(OAuthClient client, Dictionary<string, string> fields, bool retryNetworkErrors,
            CancellationToken cancellationToken, bool rawOAuthErrors = false)
        {
            var uri = client.Endpoints.Token;
            fields["client_id"] = client.ClientId;
            // Desktop clients are still refused without the secret by some deployments; it is sent, never logged.
            fields["client_secret"] = client.ClientSecret;
            using (var response = await retry.SendAsync(http, () => Form(uri, fields), r => Task.FromResult(RetryPolicy.IsTransient(r.StatusCode)),
                       retryNetworkErrors, cancellationToken).ConfigureAwait(false))
            {
                var received = clock.UtcNow;
                var body = await ReadJsonAsync(response, uri).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    if (rawOAuthErrors && body["error"] != null && (int)response.StatusCode < 500)
                    {
                        throw new OAuthErrorException(response.StatusCode, (string)body["error"]!, (string?)body["error_description"]);
                    }

                    throw ErrorFor(response.StatusCode, body, uri, client, RetryPolicy.RetryAfter(response));
                }

                var token = body.ToObject<TokenResponse>();
                if (token == null || string.IsNullOrEmpty(token.AccessToken))
                {
                    throw new YtOAuthException(ErrorCode.ServerError, "The token endpoint " + uri.Host + " answered without an access_token. Try again later.", uri.Host);
                }

                Diagnostics.Redactor.Register(token.AccessToken);
                Diagnostics.Redactor.Register(token.RefreshToken);
                Diagnostics.EngineLog.Debug("Token response from " + uri.Host + ": " + fields["grant_type"] + ", expires_in " + (token.ExpiresInSeconds ?? 3600) +
                    " s, refresh token " + (string.IsNullOrEmpty(token.RefreshToken) ? "absent" : "present") + ", scope '" + token.Scope + "'.");
                var expires = received.AddSeconds(token.ExpiresInSeconds ?? 3600);
                return new TokenGrant(token.AccessToken, expires, string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken, Scopes.Parse(token.Scope));
            }
        }

        private static HttpRequestMessage Form(Uri uri, Dictionary<string, string> fields) =>
            new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };

        /// <summary>Reads a JSON object body; anything else (an HTML error page, a proxy's answer) is a clear server error.</summary>
        internal static async Task<JObject> ReadJsonAsync(HttpResponseMessage response, Uri uri)
        {
            var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (text.Length == 0 && response.IsSuccessStatusCode)
            {
                return new JObject();
            }

            try
            {
                if (JToken.Parse(text) is JObject json)
                {
                    return json;
                }
            }
            catch (JsonReaderException)
            {
            }

            var type = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
            throw new YtOAuthException(ErrorCode.ServerError,
                uri.Host + " answered HTTP " + (int)response.StatusCode + " with " + type + " instead of JSON. Google may be having trouble, or a proxy or captive portal is in the way; try again later.",
                uri.GetLeftPart(UriPartial.Path));
        }

        private static YtOAuthException ErrorFor(HttpStatusCode status, JObject body, Uri uri, OAuthClient client, TimeSpan? retryAfter = null)
        {
            var error = body.ToObject<TokenErrorResponse>()?.Error;
            var description = (string?)body["error_description"];
            var inner = error == null ? null : new OAuthErrorException(status, error, description);
            var said = error == null ? "HTTP " + (int)status : error + (string.IsNullOrEmpty(description) ? string.Empty : " (" + description + ")");
            if ((int)status == 429 || (int)status >= 500)
            {
                var code = (int)status == 429 ? ErrorCode.RateLimited : ErrorCode.ServerError;
                return new YtOAuthException(code, uri.Host + " answered " + said + " and retries did not help. Try again later.", uri.Host, inner)
                {
                    RetryAfter = retryAfter.HasValue ? DateTimeOffset.UtcNow + retryAfter.Value : (DateTimeOffset?)null,
                };
            }

            switch (error)
            {
                case "invalid_grant":
                    return new YtOAuthException(ErrorCode.GrantInvalid, "Google refused the grant: " + said + ".", client.ClientId, inner);
                case "invalid_client":
                case "unauthorized_client":
                    return new YtOAuthException(ErrorCode.ClientRejected,
                        "Google refused the OAuth client '" + client.ClientId + "': " + said + ". Check that the client id and secret (" + client.Source +
                        ") belong to an OAuth client of type 'Desktop app' that still exists.", client.ClientId, inner);
                default:
                    return new YtOAuthException(ErrorCode.TokenRequestFailed, uri.Host + " refused the request: " + said +
                        ". Retrying will not change that answer: check the OAuth client in Google Cloud Console (its type, enabled APIs and consent screen), then connect again.", uri.Host, inner);
            }
        }
    }
}
