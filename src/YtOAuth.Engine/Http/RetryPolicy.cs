using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Http
{
    /// <summary>
    /// Bounded retries with exponential back-off and jitter, honouring Retry-After. One policy serves the token
    /// endpoint and the YouTube APIs. Only answers that may succeed later are retried (5xx, 408, 429, and what the
    /// caller marks as rate limiting); a 4xx that cannot succeed is returned at once.
    /// </summary>
    public sealed class RetryPolicy
    {
        private static readonly Random Jitter = new Random();

        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>Delay before the first retry, doubled each time.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Ceiling of the computed back-off.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(16);

        /// <summary>A Retry-After longer than this is not waited for: the call fails and says when to try again.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The wait itself (a seam so tests can record the delays).</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

        /// <summary>Whether a status is worth retrying whatever the body says.</summary>
        public static bool IsTransient(HttpStatusCode status) =>
            (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (int)status == 429;

        /// <summary>
        /// Sends the request made by <paramref name="create"/> until it succeeds, fails for good, or retries run out.
        /// <paramref name="isRetryable"/> judges a non-success answer. Network failures are retried only when
        /// <paramref name="retryNetworkErrors"/> (not for one-shot requests such as a code exchange). With
        /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> the body is left for the caller to stream.
        /// </summary>
        internal async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> create,
            Func<HttpResponseMessage, Task<bool>> isRetryable, bool retryNetworkErrors, HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                HttpResponseMessage response;
                var request = create();
                try
                {
                    response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
                {
                    if (!retryNetworkErrors || attempt >= MaxRetries)
                    {
                        throw NetworkError(request.RequestUri, e);
                    }

                    Diagnostics.EngineLog.Verbose("Network error on " + request.Method + " " + Diagnostics.Redactor.Url(request.RequestUri) + "; retrying.");
                    await Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (response.IsSuccessStatusCode || attempt >= MaxRetries || !await isRetryable(response).ConfigureAwait(false))
                {
                    return response;
                }

                var retryAfter = RetryAfter(response);
                if (retryAfter > MaxRetryAfter)
                {
                    return response; // the caller's error says when to try again
                }

                var wait = retryAfter ?? Backoff(attempt);
                Diagnostics.EngineLog.Verbose("HTTP " + (int)response.StatusCode + " from " + Diagnostics.Redactor.Url(request.RequestUri) +
                    "; retry " + (attempt + 1) + " of " + MaxRetries + " in " + (int)wait.TotalMilliseconds + " ms.");
                response.Dispose();
                await Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The wait a Retry-After header asks for, if any.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta != null)
            {
                return header.Delta.Value;
            }

            if (header?.Date != null)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>Exponential back-off with "equal jitter": half fixed, half random.</summary>
        internal TimeSpan Backoff(int attempt)
        {
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
            double random;
            lock (Jitter)
            {
                random = Jitter.NextDouble();
            }

            return TimeSpan.FromMilliseconds(ceiling / 2 + random * ceiling / 2);
        }

        internal static bool IsNetworkFailure(Exception e, CancellationToken cancellationToken) =>
            e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested) || e is System.IO.IOException;

        internal static YtOAuthException NetworkError(Uri? uri, Exception e)
        {
            var what = e is OperationCanceledException ? "the request timed out" : e.GetBaseException().Message;
            return new YtOAuthException(ErrorCode.NetworkError,
                "Could not reach " + (uri?.Host ?? "the server") + " (" + what + "). Check the network connection and any proxy, then try again.",
                uri?.GetLeftPart(UriPartial.Path), e);
        }
    }
}
