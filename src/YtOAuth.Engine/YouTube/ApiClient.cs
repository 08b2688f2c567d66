using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Sends GETs to the YouTube APIs with a profile's bearer token (or an API key), and turns Google's error body
    /// into errors that say what to do: 401 refreshes once and retries; 5xx, 429 and rate limits back off and retry
    /// (in <see cref="GoogleHttp"/>); other 4xx are never retried. Counts the Data API units spent. What each error
    /// answer means is read in ApiClient.Errors.cs.
    /// </summary>
    internal sealed partial class ApiClient
    {
        private readonly GoogleHttp http;
        private readonly IAccessTokenSource? tokens;
        private readonly string? profile;
        private readonly string? apiKey;
        private readonly GoogleEndpoints? keyEndpoints;
        private readonly IReadOnlyList<IReadOnlyList<string>> neededScopes;
        private long unitsSpent;

        private ApiClient(GoogleHttp http, IAccessTokenSource? tokens, string? profile, string? apiKey, GoogleEndpoints? keyEndpoints, IReadOnlyList<IReadOnlyList<string>> neededScopes)
        {
            this.http = http;
            this.tokens = tokens;
            this.profile = profile;
            this.apiKey = apiKey;
            this.keyEndpoints = keyEndpoints;
            this.neededScopes = neededScopes;
        }

        /// <summary>Acts for a profile; a call needs any one of <paramref name="neededScopes"/>.</summary>
        public static ApiClient ForProfile(GoogleHttp http, IAccessTokenSource tokens, string profile, params string[] neededScopes) =>
            ForProfile(http, tokens, profile, new IReadOnlyList<string>[] { neededScopes });

        /// <summary>Acts for a profile; a call needs one scope of every group in <paramref name="needed"/> (see <see cref="Scopes.AnalyticsQuery"/>).</summary>
        public static ApiClient ForProfile(GoogleHttp http, IAccessTokenSource tokens, string profile, IReadOnlyList<IReadOnlyList<string>> needed) =>
            new ApiClient(http, tokens, ProfileName.Validate(profile), null, null, needed.Where(g => g.Count > 0).ToArray());

        /// <summary>Reads public data with an API key.</summary>
        public static ApiClient ForApiKey(GoogleHttp http, string apiKey, GoogleEndpoints endpoints)
        {
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The API key is empty. Create one in Google Cloud Console (APIs & Services > Credentials > API key).");
            }

            Diagnostics.Redactor.Register(apiKey);
            return new ApiClient(http, null, null, apiKey, endpoints, new IReadOnlyList<string>[0]);
        }

        public string? Profile => profile;

        public GoogleHttp Http => http;

        public long UnitsSpent => Interlocked.Read(ref unitsSpent);

        /// <summary>Endpoints of the profile's grant, or those given with the API key.</summary>
        public async Task<GoogleEndpoints> EndpointsAsync(CancellationToken cancellationToken) =>
            keyEndpoints ?? (await tokens!.GetAccessTokenAsync(profile!, cancellationToken: cancellationToken).ConfigureAwait(false)).Endpoints;

        /// <summary>GETs <paramref name="relative"/> under <paramref name="baseUri"/>; <paramref name="target"/> names the thing asked for in errors.</summary>
        public Task<JObject> GetAsync(Uri baseUri, string relative, string target, int quotaCost, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, new Uri(baseUri, relative), null, target, quotaCost, cancellationToken);

        /// <summary>
        /// Sends one request to <paramref name="uri"/> (under one of the profile's API bases) with an optional JSON body.
        /// Only GETs are retried: a write that may have happened is not sent twice.
        /// </summary>
        public Task<JObject> SendAsync(HttpMethod method, Uri uri, string? jsonBody, string target, int quotaCost, CancellationToken cancellationToken) =>
            SendAsync(method, uri, jsonBody == null ? (Func<HttpContent?>?)null : () => new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json"),
                null, target, quotaCost, HttpCompletionOption.ResponseContentRead, ReadJsonAsync(uri), cancellationToken);

        /// <summary>
        /// Sends a request whose body <paramref name="content"/> makes afresh for each attempt (a file, an image), with
        /// extra headers from <paramref name="headers"/>, and hands the success answer to <paramref name="readSuccess"/>
        /// (the Location of a resumable session, say); errors, refresh and retries are as for any other call.
        /// </summary>
        public Task<T> SendAsync<T>(HttpMethod method, Uri uri, Func<HttpContent?>? content, Action<HttpRequestMessage>? headers, string target, int quotaCost,
            Func<HttpResponseMessage, Task<T>> readSuccess, CancellationToken cancellationToken) =>
            SendAsync(method, uri, content, headers, target, quotaCost, HttpCompletionOption.ResponseContentRead,
                async response => (await readSuccess(response).ConfigureAwait(false), "ok"), cancellationToken);

        /// <summary>
        /// GETs <paramref name="uri"/> and hands a success answer, body unread, to <paramref name="readBody"/> to stream;
        /// errors, refresh and retries are as for any other call.
        /// </summary>
        public Task<T> StreamAsync<T>(Uri uri, string target, int quotaCost, Func<HttpResponseMessage, Task<T>> readBody, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, uri, null, null, target, quotaCost, HttpCompletionOption.ResponseHeadersRead, async response =>
            {
                if (!GoogleHttp.IsJson(response))
                {
                    throw GoogleHttp.NotJson(response, uri);
                }

                return (await readBody(response).ConfigureAwait(false), "streamed");
            }, cancellationToken);

        /// <summary>
        /// The profile's access token, after checking that its grant has a scope of every group this client needs: a
        /// command that needs several (an upload added to a playlist) says all that is missing before it starts.
        /// </summary>
        public async Task<AccessTokenResult> TokenWithScopesAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            var token = await tokens!.GetAccessTokenAsync(profile!, forceRefresh: forceRefresh, cancellationToken: cancellationToken).ConfigureAwait(false);
            var missing = MissingScopes(token.Scopes);
            if (missing.Length > 0)
            {
                throw ScopeError(missing);
            }

            return token;
        }

        /// <summary>Counts units spent outside <see cref="SendAsync"/> (the chunks of an upload session cost nothing; its start does).</summary>
        public void Spend(int units) => Interlocked.Add(ref unitsSpent, units);

        private static Func<HttpResponseMessage, Task<(JObject, string)>> ReadJsonAsync(Uri uri) => async response =>
        {
            var body = await GoogleHttp.ReadJsonAsync(response, uri).ConfigureAwait(false);
            return (body, body["items"] is JArray items ? items.Count + " item(s)" : "ok");
        };

        private async Task<T> SendAsync<T>(HttpMethod method, Uri uri, Func<HttpContent?>? content, Action<HttpRequestMessage>? headers, string target, int quotaCost,
            HttpCompletionOption completion,
            Func<HttpResponseMessage, Task<(T Result, string Summary)>> readSuccess, CancellationToken cancellationToken)
        {
            if (apiKey != null)
            {
                uri = new Uri(uri.AbsoluteUri + (uri.Query.Length > 0 ? "&" : "?") + "key=" + Uri.EscapeDataString(apiKey));
            }

            var idempotent = method == HttpMethod.Get;
            var refreshed = false;
            while (true)
            {
                string? bearer = null;
                IReadOnlyList<string> granted = new string[0];
                var endpoints = keyEndpoints;
                if (tokens != null)
                {
                    var token = await TokenWithScopesAsync(refreshed, cancellationToken).ConfigureAwait(false);
                    granted = token.Scopes;
                    bearer = token.Token;
                    endpoints = token.Endpoints;
                }

                using (var response = await http.SendAsync(() =>
                       {
                           // Google counts every request, failed and retried ones included: each attempt costs.
                           Interlocked.Add(ref unitsSpent, quotaCost);
                           var request = new HttpRequestMessage(method, uri);
                           request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                           request.Content = content?.Invoke();
                           headers?.Invoke(request);

                           if (bearer != null)
                           {
                               request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                           }

                           return request;
                       }, idempotent ? IsRetryableAsync : NeverRetry, retryNetworkErrors: idempotent, cancellationToken, completion).ConfigureAwait(false))
                {
                    if (response.IsSuccessStatusCode)
                    {
                        var (result, summary) = await readSuccess(response).ConfigureAwait(false);
                        Diagnostics.EngineLog.Debug(uri.Host + " answered " + (int)response.StatusCode + " (" + summary + "); " + quotaCost + " quota unit(s) spent on this call.");
                        return result;
                    }

                    // An error answer without Google's JSON error (an unknown path's bare 404, a proxy's page) is judged by its
                    // status alone: a 404 stays "not found", never "Google is having trouble".
                    var errorBody = TryParse(response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false)) ?? new JObject();
                    var error = ErrorOf(errorBody);
                    Diagnostics.EngineLog.Debug(uri.Host + " answered " + (int)response.StatusCode + " (" + (Reason(error) ?? "no reason given") + "); " + quotaCost + " quota unit(s) spent on this call.");
                    if (response.StatusCode == HttpStatusCode.Unauthorized && tokens != null && !refreshed)
                    {
                        // The token may have been revoked or expired early: one refresh and one retry, no more.
                        Diagnostics.EngineLog.Verbose("HTTP 401 from " + uri.Host + "; refreshing the access token and retrying once.");
                        refreshed = true;
                        continue;
                    }

                    var failure = ErrorFor(response, error, errorBody["error"] as JObject, target, uri, endpoints, granted);
                    failure.GoogleReason = Reason(error);
                    throw failure;
                }
            }
        }

        /// <summary>The first scope of each needed group the grant has none of.</summary>
        private string[] MissingScopes(IReadOnlyList<string> granted) =>
            neededScopes.Where(group => !group.Any(granted.Contains)).Select(group => group[0]).ToArray();

        private static Task<bool> NeverRetry(HttpResponseMessage response) => Task.FromResult(false);

        private static async Task<bool> IsRetryableAsync(HttpResponseMessage response)
        {
            if (RetryPolicy.IsTransient(response.StatusCode))
            {
                return true;
            }

            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                return false;
            }

            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException)
            {
                return false;
            }

            var reason = Reason(ErrorOf(TryParse(text)));
            return reason == "rateLimitExceeded" || reason == "userRateLimitExceeded";
        }
    }
}
