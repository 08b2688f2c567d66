using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Util;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.Http
{
    /// <summary>
    /// The one HTTP layer of the engine, for the token endpoints and the YouTube APIs alike: one client (traced,
    /// gzip), bounded retries with Retry-After, JSON bodies read with a clear error when they are not JSON, and one
    /// mapping of "try again later" answers (429, 5xx) to error codes that say when.
    /// </summary>
    internal sealed class GoogleHttp : IDisposable
    {
        private readonly HttpClient client;
        private readonly HttpClient uploads;

        public GoogleHttp(HttpMessageHandler? handler, TimeSpan timeout, RetryPolicy retry, IClock clock)
        {
            var inner = handler ?? new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
            client = new HttpClient(new HttpTraceHandler(inner)) { Timeout = timeout };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("YtOAuth/" + typeof(GoogleHttp).Assembly.GetName().Version + " (gzip)");
            // Uploads send for as long as the file takes; a stalled one is caught by the sender's own watch, not a whole-request timeout.
            uploads = new HttpClient(new HttpTraceHandler(inner), disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            uploads.DefaultRequestHeaders.UserAgent.ParseAdd("YtOAuth/" + typeof(GoogleHttp).Assembly.GetName().Version);
            Retry = retry;
            Clock = clock;
            Timeout = timeout;
        }

        /// <summary>How long a request may wait for an answer, and a streamed body for its next bytes.</summary>
        public TimeSpan Timeout { get; }

        public RetryPolicy Retry { get; }

        public IClock Clock { get; }

        /// <summary>Sends with retries; see <see cref="RetryPolicy"/>.</summary>
        public Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, Func<HttpResponseMessage, Task<bool>> isRetryable, bool retryNetworkErrors,
            CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
            Retry.SendAsync(client, create, isRetryable, retryNetworkErrors, completion, cancellationToken);

        /// <summary>
        /// Reads the next bytes of a streamed body. A connection that breaks or goes quiet for <see cref="Timeout"/>
        /// is a network error that says how far the answer had got (<paramref name="progress"/>, asked only then); the caller's
        /// own cancellation stays a cancellation.
        /// </summary>
        public async Task<int> ReadBodyAsync(System.IO.Stream body, byte[] buffer, int offset, int count, Uri uri, Func<string> progress, CancellationToken cancellationToken)
        {
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                quiet.CancelAfter(Timeout);
                try
                {
                    return await body.ReadAsync(buffer, offset, count, quiet.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (RetryPolicy.IsNetworkFailure(e, cancellationToken))
                {
                    var what = e is OperationCanceledException ? "it sent nothing for " + (int)Timeout.TotalSeconds + " s" : e.GetBaseException().Message;
                    throw new YtOAuthException(ErrorCode.NetworkError,
                        "The answer from " + uri.Host + " broke off after " + progress() + " (" + what + "). Check the network connection and any proxy, then run the command again.",
                        uri.GetLeftPart(UriPartial.Path), e);
                }
            }
        }

        /// <summary>A success answer whose body is not JSON: an HTML error page, a proxy's or captive portal's answer.</summary>
        public static YtOAuthException NotJson(HttpResponseMessage response, Uri uri) =>
            new YtOAuthException(ErrorCode.ServerError,
                uri.Host + " answered HTTP " + (int)response.StatusCode + " with " + (response.Content?.Headers.ContentType?.MediaType ?? "no content type") +
                " instead of JSON. Google may be having trouble, or a proxy or captive portal is in the way; try again later.",
                uri.GetLeftPart(UriPartial.Path));

        /// <summary>Whether the answer says its body is JSON.</summary>
        public static bool IsJson(HttpResponseMessage response) =>
            (response.Content?.Headers.ContentType?.MediaType ?? string.Empty).IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Reads a JSON object body; anything else (an HTML error page, a proxy's answer, broken JSON) is a clear server error.</summary>
        public static async Task<JObject> ReadJsonAsync(HttpResponseMessage response, Uri uri)
        {
            var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (text.Length == 0 && response.IsSuccessStatusCode)
            {
                return new JObject();
            }

            try
            {
                if (ParseObject(text) is JObject json)
                {
                    return json;
                }
            }
            catch (JsonReaderException)
            {
                if (IsJson(response))
                {
                    throw new YtOAuthException(ErrorCode.ServerError,
                        uri.Host + " answered HTTP " + (int)response.StatusCode + " with malformed JSON. Google may be having trouble, or something between is cutting answers short; try again later.",
                        uri.GetLeftPart(UriPartial.Path));
                }
            }

            throw NotJson(response, uri);
        }

        /// <summary>
        /// Parses Google's JSON with every value as sent: strings stay strings (a title or timestamp that looks like a
        /// date is not turned into a DateTime and written back in another form), numbers stay as written.
        /// Null when the text is JSON but not an object; throws <see cref="JsonReaderException"/> when it is not JSON.
        /// </summary>
        public static JObject? ParseObject(string text)
        {
            using (var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double })
            {
                var token = JToken.ReadFrom(reader);
                // Anything after the value (a second object, a proxy's trailer) makes the body malformed.
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Additional text after the JSON value.");
                }

                return token as JObject;
            }
        }

        /// <summary>
        /// For an answer that means "not now" and outlasted the retries (429, 5xx): RateLimited or ServerError, saying
        /// when to try again if the server said. Null for any other status.
        /// </summary>
        public YtOAuthException? TryLater(HttpResponseMessage response, string who, string said, string target, Exception? inner = null)
        {
            var status = (int)response.StatusCode;
            if (status != 429 && status < 500)
            {
                return null;
            }

            var wait = RetryPolicy.RetryAfter(response);
            var when = wait.HasValue ? Clock.UtcNow + wait.Value : (DateTime?)null;
            var advice = when.HasValue
                ? " It asks to wait " + Describe(wait!.Value) + ": try again after " + when.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC."
                : " Try again later.";
            return new YtOAuthException(status == 429 ? ErrorCode.RateLimited : ErrorCode.ServerError, who + " answered " + said + ", and retrying did not help." + advice, target, inner)
            {
                RetryAfter = when.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(when.Value, DateTimeKind.Utc)) : (DateTimeOffset?)null,
            };
        }

        private static string Describe(TimeSpan wait) =>
            wait.TotalHours >= 1 ? Math.Round(wait.TotalHours, 1) + " h" : wait.TotalMinutes >= 1 ? Math.Round(wait.TotalMinutes) + " min" : Math.Ceiling(wait.TotalSeconds) + " s";

        /// <summary>The client for media uploads: no overall timeout (see <see cref="Timeout"/> for how a stall is judged), no retries of its own.</summary>
        public HttpClient Uploads => uploads;

        public void Dispose()
        {
            uploads.Dispose();
            client.Dispose();
        }
    }
}
