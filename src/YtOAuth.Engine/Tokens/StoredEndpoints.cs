using System;
using System.Linq;
using Newtonsoft.Json;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>Endpoint addresses as stored with a record.</summary>
    public sealed class StoredEndpoints
    {
        /// <summary>Authorization endpoint.</summary>
        [JsonProperty("authorization")] public string Authorization { get; set; } = string.Empty;
        /// <summary>Token endpoint.</summary>
        [JsonProperty("token")] public string Token { get; set; } = string.Empty;
        /// <summary>Revocation endpoint.</summary>
        [JsonProperty("revocation")] public string Revocation { get; set; } = string.Empty;
        /// <summary>Device authorization endpoint.</summary>
        [JsonProperty("device")] public string Device { get; set; } = string.Empty;
        /// <summary>YouTube Data API base.</summary>
        [JsonProperty("youtube")] public string YouTubeData { get; set; } = string.Empty;
        /// <summary>YouTube Analytics API base.</summary>
        [JsonProperty("analytics")] public string Analytics { get; set; } = string.Empty;

        /// <summary>Captures a set of endpoints.</summary>
        public static StoredEndpoints From(GoogleEndpoints e) => new StoredEndpoints
        {
            Authorization = e.Authorization.AbsoluteUri,
            Token = e.Token.AbsoluteUri,
            Revocation = e.Revocation.AbsoluteUri,
            Device = e.DeviceAuthorization.AbsoluteUri,
            YouTubeData = e.YouTubeData.AbsoluteUri,
            Analytics = e.Analytics.AbsoluteUri,
        };

        /// <summary>Whether every address is an absolute http or https URL.</summary>
        public bool IsValid() => new[] { Authorization, Token, Revocation, Device, YouTubeData, Analytics }.All(a =>
            Uri.TryCreate(a, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

        /// <summary>Back to endpoints.</summary>
        public GoogleEndpoints ToEndpoints() => new GoogleEndpoints(new Uri(Authorization), new Uri(Token), new Uri(Revocation),
            new Uri(Device), new Uri(YouTubeData), new Uri(Analytics));
    }
}
