using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Google.Apis.Requests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Google's error answers read into errors that say what to do (quota, scopes, rate limits, not found, a disabled
    /// API), apart from the sending and retrying in ApiClient.cs.
    /// </summary>
    internal sealed partial class ApiClient
    {
        /// <summary>Google's error body (Google.Apis' own shape), or null when the body has none or it is malformed.</summary>
        private static RequestError? ErrorOf(JObject? body)
        {
            try
            {
                return body?["error"] is JObject error ? error.ToObject<RequestError>() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static JObject? TryParse(string text)
        {
            try
            {
                return GoogleHttp.ParseObject(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Reason(RequestError? error) => error?.Errors?.FirstOrDefault()?.Reason;

        /// <summary>The error an answer that is not a success means (for requests sent outside <see cref="SendAsync"/>: an upload's chunks).</summary>
        public async Task<YtOAuthException> ErrorAsync(HttpResponseMessage response, string target, Uri uri, IReadOnlyList<string> granted)
        {
            var errorBody = TryParse(response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false)) ?? new JObject();
            var error = ErrorOf(errorBody);
            var failure = ErrorFor(response, error, errorBody["error"] as JObject, target, uri, null, granted);
            failure.GoogleReason = Reason(error);
            return failure;
        }

        private YtOAuthException ErrorFor(HttpResponseMessage response, RequestError? error, JObject? raw, string target, Uri uri, GoogleEndpoints? endpoints,
            IReadOnlyList<string> granted)
        {
            var status = (int)response.StatusCode;
            var reason = Reason(error) ?? string.Empty;
            var message = StripHtml(error?.Message ?? ("HTTP " + status));
            var said = message + " (" + (reason.Length > 0 ? reason : "HTTP " + status) + ")";
            if (ServiceDisabled.Matches(reason, raw))
            {
                return ServiceDisabled.Error(raw, message, uri, endpoints, profile, target);
            }

            switch (reason)
            {
                case "quotaExceeded":
                case "dailyLimitExceeded":
                    var reset = PacificTime.NextMidnightUtc(http.Clock.UtcNow);
                    var left = reset - http.Clock.UtcNow;
                    return new YtOAuthException(ErrorCode.QuotaExceeded,
                        "The YouTube Data API daily quota of this Google Cloud project is used up. It resets at midnight Pacific time, " +
                        reset.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC (in " + (int)left.TotalHours + " h " + left.Minutes +
                        " min). Retrying before then cannot succeed; to raise the quota, apply in Google Cloud Console (APIs & Services > YouTube Data API v3 > Quotas).", target)
                    {
                        RetryAfter = new DateTimeOffset(DateTime.SpecifyKind(reset, DateTimeKind.Utc)),
                    };
                case "insufficientPermissions":
                    // Name what the grant lacks; when it seems to have everything, Google wants more than we know of: name every group.
                    var missing = MissingScopes(granted);
                    return ScopeError(missing.Length > 0 ? missing : neededScopes.Select(group => group[0]).ToArray());
                case "rateLimitExceeded":
                case "userRateLimitExceeded":
                    return http.TryLater(response, "YouTube", said, target) ?? new YtOAuthException(ErrorCode.RateLimited,
                        "YouTube answered " + said + ", and retrying did not help. Wait a minute and try again.", target);
                case "playlistNotFound":
                case "channelNotFound":
                case "videoNotFound":
                case "playlistItemNotFound":
                    return new YtOAuthException(ErrorCode.NotFound, "YouTube has no " + NotFoundWhat(reason) + " '" + target + "' visible to this account: " + said + ". Check the id.", target);
            }

            if (status == 401)
            {
                return profile == null
                    ? new YtOAuthException(ErrorCode.AuthenticationFailed,
                        "YouTube refused the request without sign-in: " + said + ". This call needs an OAuth grant; connect and use a profile instead of an API key.", target)
                    : new YtOAuthException(ErrorCode.AuthenticationFailed,
                        "YouTube refused the access token of profile '" + profile + "' even after a refresh: " + said + ". Sign in again.", target)
                    {
                        Remedy = new Remedy(RemedyKind.Connect, profile, force: true),
                    };
            }

            var later = http.TryLater(response, "YouTube", said, target);
            if (later != null)
            {
                return later;
            }

            switch (status)
            {
                case 403:
                    return new YtOAuthException(ErrorCode.Forbidden, "YouTube refused access to '" + target + "': " + said +
                        ". The connected account may not read it: check the id, or connect with the account that owns it.", target);
                case 404 when error == null:
                    return new YtOAuthException(ErrorCode.NotFound, "YouTube has nothing at '" + response.RequestMessage?.RequestUri?.AbsolutePath + "' (HTTP 404 without an API error): " +
                        "the path names no resource of the API. Check its spelling (videos, channels, playlists, playlistItems, search...; reports for Analytics).", target);
                case 404:
                    return new YtOAuthException(ErrorCode.NotFound, "YouTube found nothing for '" + target + "': " + said + ". Check the id.", target);
                default:
                    return new YtOAuthException(ErrorCode.BadRequest, "YouTube refused the request for '" + target + "': " + said + ". Check the parameters.", target);
            }
        }

        private YtOAuthException ScopeError(string[] scopes)
        {
            var names = scopes.Select(Scopes.ShortName).ToArray();
            return new YtOAuthException(ErrorCode.InsufficientScope,
                "The grant of profile '" + profile + "' lacks " + (names.Length == 1 ? "the scope" : "scopes") + " this call needs (" + string.Join(" and ", names) +
                (names.Length == 1 ? ")" : ": Google wants all of them)") + ". Connect again asking for " + (names.Length == 1 ? "it" : "them") +
                ": the grant keeps the scopes it has and adds " + (names.Length == 1 ? "this one" : "these") + ".", profile)
            {
                MissingScopes = scopes,
                Remedy = new Remedy(RemedyKind.Connect, profile!, force: false, names),
            };
        }

        private static string NotFoundWhat(string reason) =>
            reason == "channelNotFound" ? "channel" : reason == "videoNotFound" ? "video" : reason == "playlistItemNotFound" ? "playlist item" : "playlist";

        private static string StripHtml(string text) => System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", string.Empty);
    }
}
