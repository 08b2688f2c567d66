using System;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Google's "API not enabled" answer: 403 with reason accessNotConfigured (domain usageLimits) and, in newer
    /// bodies, status PERMISSION_DENIED with a details[] entry of reason SERVICE_DISABLED, its metadata naming the
    /// service and often an activationUrl, a Help link, and a message that says "Enable it by visiting ...". The YouTube
    /// Data API and the Analytics API are enabled separately in the Cloud project, so the error names which one.
    /// Retrying cannot help until someone enables it.
    /// </summary>
    internal static class ServiceDisabled
    {
        private const string DataService = "youtube.googleapis.com";
        private const string AnalyticsService = "youtubeanalytics.googleapis.com";
        private static readonly Regex EnableAddress = new Regex(@"Enable it by visiting (https?://\S+?)(?:\s|$)", RegexOptions.CultureInvariant);

        /// <summary>Whether Google's error (reason, or the raw error object) says the API is not enabled.</summary>
        public static bool Matches(string reason, JObject? error) =>
            reason == "accessNotConfigured" || Details(error).Any(d => Json.Text(d, "reason") == "SERVICE_DISABLED");

        public static YtOAuthException Error(JObject? error, string message, Uri uri, GoogleEndpoints? endpoints, string? profile, string target)
        {
            var service = Details(error).Select(d => Json.Text(d["metadata"] as JObject, "service")).FirstOrDefault(s => s != null)
                ?? (endpoints != null && uri.AbsoluteUri.StartsWith(endpoints.Analytics.AbsoluteUri, StringComparison.OrdinalIgnoreCase) ? AnalyticsService : DataService);
            var analytics = service == AnalyticsService;
            var name = analytics ? "YouTube Analytics API" : "YouTube Data API v3";
            var address = AddressGiven(error, message)
                          // Without an address in the answer (older, short bodies), the API's page in the Library, to pick the project there.
                          ?? "https://console.cloud.google.com/apis/library/" + service;
            var whose = profile == null ? "of this API key" : "of the OAuth client that profile '" + profile + "' was granted to";
            return new YtOAuthException(ErrorCode.ApiNotEnabled,
                "The " + name + " is not enabled in the Google Cloud project " + whose + " (Google answered accessNotConfigured: " + message.TrimEnd('.') +
                "). Enable it at " + address + ", wait a few minutes for the change to reach Google's servers, then run the command again. Retrying before that cannot succeed.",
                target);
        }

        /// <summary>The address Google gave: activationUrl in the ErrorInfo metadata, a Help link, the message's "Enable it by visiting", or extendedHelp.</summary>
        private static string? AddressGiven(JObject? error, string message)
        {
            var details = Details(error).ToList();
            var activation = details.Select(d => Json.Text(d["metadata"] as JObject, "activationUrl")).FirstOrDefault(IsWebAddress);
            var help = details.SelectMany(d => (d["links"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(l => Json.Text(l, "url")).FirstOrDefault(IsWebAddress);
            var match = EnableAddress.Match(message);
            var extended = ((error?["errors"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()).Select(e => Json.Text(e, "extendedHelp")).FirstOrDefault(IsWebAddress);
            return activation ?? help ?? (match.Success ? match.Groups[1].Value : null) ?? extended;
        }

        private static System.Collections.Generic.IEnumerable<JObject> Details(JObject? error) =>
            (error?["details"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();

        private static bool IsWebAddress(string? text) =>
            text != null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
