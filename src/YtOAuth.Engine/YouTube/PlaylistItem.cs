using System;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>An entry of a playlist.</summary>
    public sealed class PlaylistItem
    {
        internal PlaylistItem(JObject item)
        {
            Id = Json.Id(item);
            PlaylistId = (string?)item["snippet"]?["playlistId"] ?? string.Empty;
            Position = (int?)Json.Count(item["snippet"]?["position"]);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            VideoId = (string?)item["contentDetails"]?["videoId"] ?? (string?)item["snippet"]?["resourceId"]?["videoId"];
            VideoPublishedAt = Json.Date(item["contentDetails"]?["videoPublishedAt"]);
            VideoOwnerChannelTitle = (string?)item["snippet"]?["videoOwnerChannelTitle"];
            Privacy = (string?)item["status"]?["privacyStatus"];
        }

        /// <summary>Item id.</summary>
        public string Id { get; }
        /// <summary>Playlist it belongs to.</summary>
        public string PlaylistId { get; }
        /// <summary>0-based position.</summary>
        public int? Position { get; }
        /// <summary>Video title ("Deleted video" for removed ones).</summary>
        public string Title { get; }
        /// <summary>Video id.</summary>
        public string? VideoId { get; }
        /// <summary>When the video was published (absent for deleted or private videos).</summary>
        public DateTimeOffset? VideoPublishedAt { get; }
        /// <summary>Channel that owns the video.</summary>
        public string? VideoOwnerChannelTitle { get; }
        /// <summary>Privacy of the item.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Position + ": " + Title;
    }
}
