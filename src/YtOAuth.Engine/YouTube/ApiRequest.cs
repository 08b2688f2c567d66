using System;
using System.Collections.Generic;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Any call to the YouTube APIs with a profile's grant.</summary>
    public sealed class ApiRequest
    {
        /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
        public string Method { get; set; } = "GET";
        /// <summary>The API whose base <see cref="Path"/> is under.</summary>
        public YouTubeApi Api { get; set; } = YouTubeApi.Data;
        /// <summary>A path under the API's base (videos, channels, reports...); or use <see cref="Uri"/>.</summary>
        public string? Path { get; set; }
        /// <summary>A full address; it must be under one of the profile's API bases (the token goes nowhere else).</summary>
        public Uri? Uri { get; set; }
        /// <summary>Query parameters (values are escaped).</summary>
        public IReadOnlyDictionary<string, string>? Query { get; set; }
        /// <summary>A JSON body.</summary>
        public string? JsonBody { get; set; }
        /// <summary>Follow nextPageToken and hand out the items of every page (without it, the first page's items).</summary>
        public bool All { get; set; }
        /// <summary>Hand out at most this many items, paging as needed.</summary>
        public int? First { get; set; }
        /// <summary>Hand out each answer's JSON whole (the envelope: nextPageToken, pageInfo), instead of a list answer's items.</summary>
        public bool Raw { get; set; }
    }
}
