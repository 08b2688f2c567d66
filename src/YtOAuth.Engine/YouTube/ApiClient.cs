using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Sends GETs to the YouTube APIs with a bearer token (or an API key), and turns Google's error JSON into
    /// errors that say what to do: 401 refreshes once and retries; 5xx, 429 and rate limits back off and retry;
    /// other 4xx are never retried. Counts the Data API units spent.
    /// </summary>
    internal sealed class ApiClient
    {
        private readonly AuthEngine engine;
        private readonly string? profile;
        private readonly string? apiKey;
        private readonly GoogleEndpoints? keyEndpoints;
        private readonly string[] neededScopes;
        private long unitsSpent;

        private ApiClient(AuthEngine engine, string? profile, string? apiKey, GoogleEndpoints? keyEndpoints, string[] neededScopes)
        {
            this.engine = engine;
            this.profile = profile;
            this.apiKey = apiKey;
            this.keyEndpoints = keyEndpoints;
            this.neededScopes = neededScopes;
        }

        public static ApiClient ForProfile(AuthEngine engine, string profile, params string[] neededScopes) =>
            new ApiClient(engine, Tokens.ProfileName.Validate(profile), null, null, neededScopes);

        public static ApiClient ForApiKey(AuthEngine engine, string apiKey, GoogleEndpoints endpoints)
        {
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The API key is empty. Create one in Google Cloud Console (APIs & Services > Credentials > API key).");
            }

            Diagnostics.Redactor.Register(apiKey);
            return new ApiClient(engine, null, apiKey, endpoints, new string[0]);
        }

        public string? Profile => profile;

        public long UnitsSpent => Interlocked.Read(ref unitsSpent);

        /// <summary>Endpoints of the profile's grant, or those given with the API key.</summary>
        public async Task<GoogleEndpoints> EndpointsAsync(CancellationToken cancellationToken) =>
            keyEndpoints ?? (await engine.GetAccessTokenAsync(profile!, cancellationToken: cancellationToken).ConfigureAwait(false)).Endpoints;

        /// <summary>GETs <paramref name="relative"/> under <paramref name="baseUri"/>; <paramref name="target"/> names the thing asked for in errors.</summary>
        public async Task<JObject> GetAsync(Uri baseUri, string relative, string target, int quotaCost, CancellationToken cancellationToken)
        {
            var uri = new Uri(baseUri, apiKey == null ? relative : relative + (relative.Contains("?") ? "&" : "?") + "key=" + Uri.EscapeDataString(apiKey));
            var refreshed = false;
            while (true)
            {
                string? bearer = null;
                if (profile != null)
                {
                    var token = await engine.GetAccessTokenAsync(profile, forceRefresh: refreshed, cancellationToken: cancellationToken).ConfigureAwait(false);
                    RequireScopes(token);
                    bearer = token.Token;
                }

                using (var response = await engine.Retry.SendAsync(engine.Http, () =>
                       {
                           var request = new HttpRequestMessage(HttpMethod.Get, uri);
                           request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                           if (bearer != null)
                           {
                               request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                           }

                           return request;
                       }, IsRetryableAsync, retryNetworkErrors: true, cancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Add(ref unitsSpent, quotaCost);
                    var body = await TokenEndpoint.ReadJsonAsync(response, uri).ConfigureAwait(false);
                    Diagnostics.EngineLog.Debug(uri.Host + " answered " + (int)response.StatusCode + " (" + ReasonOrSize(body) + "); " + quotaCost + " quota unit(s) spent on this call.");
                    if (response.IsSuccessStatusCode)
                    {
                        return body;
                    }

                    if (response.StatusCode == HttpStatusCode.Unauthorized && profile != null && !refreshed)
                    {
                        // The token may have been revoked or expired early: one refresh and one retry, no more.
                        Diagnostics.EngineLog.Verbose("HTTP 401 from " + uri.Host + "; refreshing the access token and retrying once.");
                        refreshed = true;
                        continue;
                    }

                    throw ErrorFor(response, body, target);
                }
            }
        }

        private void RequireScopes(AccessTokenResult token)
        {
            if (neededScopes.Length == 0 || neededScopes.Any(token.Scopes.Contains))
            {
                return;
            }

            throw ScopeError(neededScopes.Take(1).ToArray());
        }

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

            var reason = Reason(await SafeJsonAsync(response).ConfigureAwait(false));
            return reason == "rateLimitExceeded" || reason == "userRateLimitExceeded";
        }

        private YtOAuthException ErrorFor(HttpResponseMessage response, JObject body, string target)
        {
            var status = (int)response.StatusCode;
            var reason = Reason(body) ?? string.Empty;
            var message = StripHtml((string?)body["error"]?["message"] ?? ("HTTP " + status));
            var said = message + " (" + (reason.Length > 0 ? reason : "HTTP " + status) + ")";
            switch (reason)
            {
                case "quotaExceeded":
                case "dailyLimitExceeded":
                    var reset = PacificTime.NextMidnightUtc(DateTime.UtcNow);
                    return new YtOAuthException(ErrorCode.QuotaExceeded,
                        "The YouTube Data API daily quota of this Google Cloud project is used up. It resets at midnight Pacific time, " +
                        reset.ToLocalTime().ToString("yyyy-MM-dd HH:mm") + " local time (in " + Until(reset) + "). Retrying before then cannot succeed; " +
                        "to raise the quota, apply in Google Cloud Console (APIs & Services > YouTube Data API v3 > Quotas).", target)
                    {
                        RetryAfter = new DateTimeOffset(reset),
                    };
                case "insufficientPermissions":
                    return ScopeError(neededScopes);
                case "rateLimitExceeded":
                case "userRateLimitExceeded":
                    return new YtOAuthException(ErrorCode.RateLimited, "Google kept answering " + said + " after " + engine.Retry.MaxRetries + " retries. Wait a minute and try again.", target)
                    {
                        RetryAfter = RetryAfterOf(response),
                    };
                case "playlistNotFound":
                case "channelNotFound":
                case "videoNotFound":
                case "playlistItemNotFound":
                    return new YtOAuthException(ErrorCode.NotFound, "YouTube has no " + NotFoundWhat(reason) + " '" + target + "' visible to this account: " + said + ". Check the id.", target);
            }

            if (status == 401)
            {
                return new YtOAuthException(ErrorCode.AuthenticationFailed,
                    profile == null
                        ? "YouTube refused the request without sign-in: " + said + ". This call needs an OAuth grant; connect and use a profile instead of an API key."
                        : "YouTube refused the access token of profile '" + profile + "' even after a refresh: " + said + ". Sign in again: " +
                          engine.Reconnect(profile, force: true), target);
            }

            if (status == 429)
            {
                return new YtOAuthException(ErrorCode.RateLimited, "Google kept answering " + said + ". Wait and try again.", target) { RetryAfter = RetryAfterOf(response) };
            }

            if (status >= 500)
            {
                return new YtOAuthException(ErrorCode.ServerError, "YouTube answered " + said + " and retries did not help. Try again later.", target) { RetryAfter = RetryAfterOf(response) };
            }

            if (status == 403)
            {
                return new YtOAuthException(ErrorCode.Forbidden, "YouTube refused access to '" + target + "': " + said +
                    ". The connected account may not read it: check the id, or connect with the account that owns it.", target);
            }

            if (status == 404)
            {
                return new YtOAuthException(ErrorCode.NotFound, "YouTube found nothing for '" + target + "': " + said + ".", target);
            }

            return new YtOAuthException(ErrorCode.BadRequest, "YouTube refused the request for '" + target + "': " + said + ". Check the parameters.", target);
        }

        private YtOAuthException ScopeError(string[] scopes)
        {
            var names = scopes.Select(Scopes.ShortName).ToArray();
            return new YtOAuthException(ErrorCode.InsufficientScope,
                "The grant of profile '" + profile + "' lacks the scope this call needs (" + string.Join(" or ", names) + "). Connect again with it: " +
                engine.Reconnect(profile!, force: true, Scopes.Default.Select(Scopes.ShortName).Concat(names).Distinct().ToList()), profile)
            {
                MissingScopes = scopes,
            };
        }

        private static string NotFoundWhat(string reason) =>
            reason == "channelNotFound" ? "channel" : reason == "videoNotFound" ? "video" : reason == "playlistItemNotFound" ? "playlist item" : "playlist";

        private static DateTimeOffset? RetryAfterOf(HttpResponseMessage response)
        {
            var wait = RetryPolicy.RetryAfter(response);
            return wait.HasValue ? DateTimeOffset.UtcNow + wait.Value : (DateTimeOffset?)null;
        }

        private static string ReasonOrSize(JObject body) => Reason(body) ?? (body["items"] is JArray items ? items.Count + " item(s)" : "ok");

        private static string? Reason(JObject? body) =>
            (string?)(body?["error"]?["errors"] as JArray)?.FirstOrDefault()?["reason"] ?? (string?)body?["error"]?["status"];

        private static async Task<JObject?> SafeJsonAsync(HttpResponseMessage response)
        {
            try
            {
                return JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        private static string StripHtml(string text) => System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", string.Empty);

        private static string Until(DateTime utc)
        {
            var left = utc - DateTime.UtcNow;
            return (int)left.TotalHours + " h " + left.Minutes + " min";
        }
    }

    /// <summary>Google's quota day runs midnight to midnight Pacific time.</summary>
    public static class PacificTime
    {
        private static readonly TimeZoneInfo? Zone = Find("America/Los_Angeles") ?? Find("Pacific Standard Time");

        /// <summary>The Pacific calendar day of an instant, as yyyy-MM-dd.</summary>
        public static string Day(DateTime utc) => ToPacific(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The next Pacific midnight after an instant, in UTC.</summary>
        public static DateTime NextMidnightUtc(DateTime utc)
        {
            var midnight = ToPacific(utc).Date.AddDays(1);
            return Zone == null ? midnight.AddHours(8) : TimeZoneInfo.ConvertTimeToUtc(midnight, Zone);
        }

        private static DateTime ToPacific(DateTime utc) =>
            Zone == null ? utc.AddHours(-8) : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

        private static TimeZoneInfo? Find(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException || e is InvalidTimeZoneException)
            {
                return null;
            }
        }
    }
}
