using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Util;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Http;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// Talks to the token, device and revocation endpoints: form posts in, answers read field by field with their
    /// types checked (in <see cref="TokenAnswer"/>: a server's odd answer is a clear error, never a crash), retries
    /// for transient answers, and errors that say what to do.
    /// </summary>
    internal sealed class TokenEndpoint
    {
        private readonly GoogleHttp http;
        private readonly IClock clock;

        public TokenEndpoint(GoogleHttp http, IClock clock)
        {
            this.http = http;
            this.clock = clock;
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
            using (var response = await http.SendAsync(() => Form(uri, new Dictionary<string, string>
                   {
                       ["client_id"] = client.ClientId,
                       ["scope"] = string.Join(" ", scopes),
                   }), IsRetryableAsync, true, cancellationToken).ConfigureAwait(false))
            {
                var body = await GoogleHttp.ReadJsonAsync(response, uri).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // Google reports device-code quota as {"error_code": "rate_limit_exceeded"}.
                    if (TokenAnswer.Text(body, "error_code") == "rate_limit_exceeded")
                    {
                        throw new YtOAuthException(ErrorCode.RateLimited, "Google's device-code quota for this client is used up for now. Wait a while, or use the browser flow.", uri.Host);
                    }

                    // Google answers a client of any other type than "TVs and Limited Input devices" (a Desktop app, say)
                    // with invalid_client "Invalid client type."
                    var refused = OAuthErrorException.Read(response.StatusCode, body);
                    if (refused?.Error == "invalid_client" && (refused.Description ?? string.Empty).IndexOf("client type", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        throw new YtOAuthException(ErrorCode.ClientRejected,
                            "Google refused the OAuth client '" + client.ClientId + "' for the device flow: " + refused.Description!.TrimEnd('.') +
                            ". The device flow needs an OAuth client of type 'TVs and Limited Input devices': create one in Google Cloud Console " +
                            "(APIs & Services > Credentials > Create credentials > OAuth client ID > TVs and Limited Input devices) and use its client_secret.json; " +
                            "a 'Desktop app' client (" + client.Source + ") works only with the browser flow.", client.ClientId, refused);
                    }

                    throw ErrorFor(response, body, uri, client);
                }

                var deviceCode = TokenAnswer.Text(body, "device_code");
                var userCode = TokenAnswer.Text(body, "user_code");
                var url = TokenAnswer.Text(body, "verification_url") ?? TokenAnswer.Text(body, "verification_uri");
                if (deviceCode == null || userCode == null || url == null || !Uri.TryCreate(url, UriKind.Absolute, out var verification))
                {
                    throw new YtOAuthException(ErrorCode.ServerError, "The device authorization answer from " + uri.Host + " lacks device_code, user_code or verification_url. Try again later.", uri.Host);
                }

                Diagnostics.Redactor.Register(deviceCode);
                var expires = TokenAnswer.Seconds(body, "expires_in", uri) ?? 1800;
                var interval = TokenAnswer.Seconds(body, "interval", uri) ?? 5;
                return new DeviceAuthorization(deviceCode, userCode, verification, TimeSpan.FromSeconds(Math.Min(expires, 3600)), TimeSpan.FromSeconds(Math.Min(Math.Max(1, interval), 60)));
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
            // Google's revocation takes the token alone: the token names its grant, and no client secret travels. A server
            // that follows RFC 7009 to the letter asks the client to authenticate: only then is the request made again with it.
            var fields = new Dictionary<string, string> { ["token"] = token };
            for (var authenticated = false; ; authenticated = true)
            {
                using (var response = await http.SendAsync(() => Form(client.Endpoints.Revocation, fields), IsRetryableAsync, true, cancellationToken).ConfigureAwait(false))
                {
                    var uri = client.Endpoints.Revocation;
                    if (response.IsSuccessStatusCode)
                    {
                        return true;
                    }

                    var body = await GoogleHttp.ReadJsonAsync(response, uri).ConfigureAwait(false);
                    var error = OAuthErrorException.Read(response.StatusCode, body);
                    if ((int)response.StatusCode == 400 && (error?.Error == "invalid_token" || error?.Error == "invalid_grant"))
                    {
                        return false; // already dead: as good as revoked
                    }

                    if (!authenticated && AsksForClientAuthentication(error))
                    {
                        fields["client_id"] = client.ClientId;
                        fields["client_secret"] = client.ClientSecret;
                        continue;
                    }

                    throw ErrorFor(response, body, uri, client);
                }
            }
        }

        /// <summary>An RFC 7009 server's answer to a revocation without client authentication.</summary>
        private static bool AsksForClientAuthentication(OAuthErrorException? error) =>
            error != null && (error.Error == "invalid_client" ||
                              (error.Error == "invalid_request" && (error.Description ?? string.Empty).IndexOf("client", StringComparison.OrdinalIgnoreCase) >= 0));

        private async Task<TokenGrant> PostTokenAsync(OAuthClient client, Dictionary<string, string> fields, bool retryNetworkErrors,
            CancellationToken cancellationToken, bool rawOAuthErrors = false)
        {
            var uri = client.Endpoints.Token;
            fields["client_id"] = client.ClientId;
            // Desktop clients are still refused without the secret by some deployments; it is sent, never logged.
            fields["client_secret"] = client.ClientSecret;
            using (var response = await http.SendAsync(() => Form(uri, fields), IsRetryableAsync, retryNetworkErrors, cancellationToken).ConfigureAwait(false))
            {
                var received = clock.UtcNow;
                var body = await GoogleHttp.ReadJsonAsync(response, uri).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var error = OAuthErrorException.Read(response.StatusCode, body);
                    if (rawOAuthErrors && error != null && (int)response.StatusCode < 500 && !error.IsTransient)
                    {
                        throw error;
                    }

                    throw ErrorFor(response, body, uri, client);
                }

                var grant = TokenAnswer.Grant(body, received, uri);
                Diagnostics.EngineLog.Debug("Token response from " + uri.Host + ": " + fields["grant_type"] + ", expires " + grant.ExpiresUtc.ToString("u") +
                    ", refresh token " + (grant.RefreshToken == null ? "absent" : "present") + ", scope '" + string.Join(" ", grant.Scopes) + "'.");
                return grant;
            }
        }

        /// <summary>
        /// Retries what may succeed later: 5xx, 408, 429, and OAuth errors that say "not now" whatever the status
        /// (internal_failure, server_error, temporarily_unavailable), as Google's own client libraries do.
        /// </summary>
        private static async Task<bool> IsRetryableAsync(HttpResponseMessage response)
        {
            if (RetryPolicy.IsTransient(response.StatusCode))
            {
                return true;
            }

            if (response.Content == null || !GoogleHttp.IsJson(response))
            {
                return false;
            }

            try
            {
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return GoogleHttp.ParseObject(text) is JObject body && OAuthErrorException.Read(response.StatusCode, body)?.IsTransient == true;
            }
            catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException || e is Newtonsoft.Json.JsonException)
            {
                return false;
            }
        }

        private static HttpRequestMessage Form(Uri uri, Dictionary<string, string> fields) =>
            new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };

        private YtOAuthException ErrorFor(HttpResponseMessage response, JObject body, Uri uri, OAuthClient client)
        {
            var inner = OAuthErrorException.Read(response.StatusCode, body);
            var status = response.StatusCode;
            var said = inner == null ? "HTTP " + (int)status
                : inner.Error + (string.IsNullOrEmpty(inner.Subtype) ? string.Empty : " (" + inner.Subtype + ")") +
                  (string.IsNullOrEmpty(inner.Description) ? string.Empty : " (" + inner.Description + ")");
            var later = http.TryLater(response, uri.Host, said, uri.Host, inner);
            if (later != null)
            {
                return later;
            }

            if (inner?.IsTransient == true)
            {
                return new YtOAuthException(ErrorCode.ServerError, uri.Host + " answered " + said + ", and retrying did not help. Try again later.", uri.Host, inner);
            }

            if (inner?.IsReauthenticationRequired == true)
            {
                return new YtOAuthException(ErrorCode.ReauthenticationRequired,
                    "Google asks the user to sign in again: the account's Google Workspace session policy requires a fresh sign-in (" + said +
                    "). The grant was not revoked; signing in again renews it.", client.ClientId, inner);
            }

            switch (inner?.Error)
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
