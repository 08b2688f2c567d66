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

        /// <summary>Base of the YouTube Analytics API v2, ending in a slash.</summary>
        public Uri Analytics { get; }

        /// <summary>The environment variable that points every endpoint at another host (an emulator, a test double).</summary>
        public const string BaseVariable = "YTOAUTH_ENDPOINT_BASE";

        /// <summary>
        /// Google's endpoints, or all of them under <paramref name="baseUri"/> when given, else under the
        /// YTOAUTH_ENDPOINT_BASE environment variable when set.
        /// </summary>
        public static GoogleEndpoints Resolve(string? baseUri = null)
        {
            var value = string.IsNullOrWhiteSpace(baseUri) ? Environment.GetEnvironmentVariable(BaseVariable) : baseUri;
            if (string.IsNullOrWhiteSpace(value))
            {
                return Google;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "The endpoint base '" + value + "' is not an https URL (or an http URL on this machine). Fix it, or unset " + BaseVariable + " to use Google.", value);
            }

            return ForBaseUri(uri);
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

        /// <summary>A copy with some endpoints replaced; null keeps the current one.</summary>
        public GoogleEndpoints With(Uri? authorization = null, Uri? token = null, Uri? revocation = null,
            Uri? deviceAuthorization = null, Uri? youTubeData = null, Uri? analytics = null) =>
            new GoogleEndpoints(authorization ?? Authorization, token ?? Token, revocation ?? Revocation,
                deviceAuthorization ?? DeviceAuthorization, youTubeData ?? YouTubeData, analytics ?? Analytics);

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
