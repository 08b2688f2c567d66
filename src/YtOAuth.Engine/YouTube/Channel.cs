using System;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>A channel.</summary>
    public sealed class Channel
    {
        internal Channel(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            CustomUrl = (string?)item["snippet"]?["customUrl"];
            Description = (string?)item["snippet"]?["description"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            UploadsPlaylistId = (string?)item["contentDetails"]?["relatedPlaylists"]?["uploads"];
            SubscriberCount = Json.Count(item["statistics"]?["subscriberCount"]);
            ViewCount = Json.Count(item["statistics"]?["viewCount"]);
            VideoCount = Json.Count(item["statistics"]?["videoCount"]);
        }

        /// <summary>Description.</summary>
        public string? Description { get; }
        /// <summary>When the channel was created.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>Subscribers (rounded by YouTube).</summary>
        public long? SubscriberCount { get; }
        /// <summary>Views of all its videos.</summary>
        public long? ViewCount { get; }
        /// <summary>Public videos.</summary>
        public long? VideoCount { get; }

        /// <summary>Channel id (UC...).</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Handle such as @name.</summary>
        public string? CustomUrl { get; }
        /// <summary>The uploads playlist.</summary>
        public string? UploadsPlaylistId { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }
}
