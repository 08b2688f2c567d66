using System;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// Where the engine sends each kind of request. Google's addresses by default; tests, CI pipelines and the
    /// emulator point all of them at another host with <see cref="ForBaseUri"/>.
    /// </summary>
    public sealed class GoogleEndpoints
    {
        /// <summary>Google's production endpoints.</summary>
        public static readonly GoogleEndpoints Google = new GoogleEndpoints(
            new Uri("https://accounts.google.com/o/oauth2/v2/auth"),
            new Uri("https://oauth2.googleapis.com/token"),
            new Uri("https://oauth2.googleapis.com/revoke"),
            new Uri("https://oauth2.googleapis.com/device/code"),
            new Uri("https://www.googleapis.com/youtube/v3/"),
            new Uri("https://youtubeanalytics.googleapis.com/v2/"));

        /// <summary>Creates a set of endpoints.</summary>
        public GoogleEndpoints(Uri authorization, Uri token, Uri revocation, Uri deviceAuthorization, Uri youTubeData, Uri analytics)
        {
            Authorization = authorization;
            Token = token;
            Revocation = revocation;
            DeviceAuthorization = deviceAuthorization;
            YouTubeData = WithTrailingSlash(youTubeData);
            Analytics = WithTrailingSlash(analytics);
        }

        /// <summary>Browser consent page (auth_uri).</summary>
        public Uri Authorization { get; }

        /// <summary>Token endpoint for code exchange, refresh and device polling (token_uri).</summary>
        public Uri Token { get; }

        /// <summary>Revocation endpoint.</summary>
        public Uri Revocation { get; }

        /// <summary>Device authorization endpoint.</summary>
        public Uri DeviceAuthorization { get; }

        /// <summary>Base of the YouTube Data API v3, ending in a slash.</summary>
        public Uri YouTubeData { get; }

        /// <summary>
        /// Base of the YouTube Data API's media uploads (videos.insert, thumbnails.set), ending in a slash: Google serves
        /// them under /upload/ beside the API's own path (https://www.googleapis.com/upload/youtube/v3/).
        /// </summary>
        public Uri YouTubeUpload
        {
            get
            {
                var path = YouTubeData.AbsolutePath;
                var at = path.LastIndexOf("youtube/v3/", StringComparison.Ordinal);
                return at < 0 ? new Uri(YouTubeData, "upload/") : new Uri(YouTubeData, path.Substring(0, at) + "upload/" + path.Substring(at));
            }
        }

        /// <summary>Base of the YouTube Analytics API v2, ending in a slash.</summary>
        public Uri Analytics { get; }

        /// <summary>The issuer authorization responses must name in iss (RFC 9207), when known; not stored with grants.</summary>
        public string? Issuer { get; internal set; }

        /// <summary>Whether the server promised to send iss in every authorization response.</summary>
        public bool IssuerInResponses { get; internal set; }

        /// <summary>Google's issuer identifier.</summary>
        public const string GoogleIssuer = "https://accounts.google.com";

        /// <summary>Whether an address is one of Google's (no metadata needs fetching for it).</summary>
        public static bool IsGoogle(Uri uri) =>
            uri.Host.Equals("google.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".google.com", StringComparison.OrdinalIgnoreCase) ||
            uri.Host.EndsWith(".googleapis.com", StringComparison.OrdinalIgnoreCase);

        /// <summary>The environment variable that points every endpoint at another host (an emulator, a test double).</summary>
        public const string BaseVariable = "YTOAUTH_ENDPOINT_BASE";

        /// <summary>
        /// Google's endpoints, or all of them under <paramref name="baseUri"/> when given, else under the
        /// YTOAUTH_ENDPOINT_BASE environment variable when set (for calls without a grant, such as an API key's).
        /// </summary>
        public static GoogleEndpoints Resolve(string? baseUri = null)
        {
            var choices = EndpointChoices.FromBase(baseUri);
            return choices.Base == null ? Google : ForBaseUri(choices.Base);
        }

        /// <summary>Every endpoint on one host laid out as Google's paths (what the emulator serves).</summary>
        public static GoogleEndpoints ForBaseUri(Uri baseUri)
        {
            var root = WithTrailingSlash(baseUri);
            return new GoogleEndpoints(
                new Uri(root, "o/oauth2/v2/auth"),
                new Uri(root, "token"),
                new Uri(root, "revoke"),
                new Uri(root, "device/code"),
                new Uri(root, "youtube/v3/"),
                new Uri(root, "v2/"));
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
