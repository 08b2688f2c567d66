using System;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>A playlist.</summary>
    public sealed class Playlist
    {
        internal Playlist(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            Description = (string?)item["snippet"]?["description"] ?? string.Empty;
            ChannelId = (string?)item["snippet"]?["channelId"];
            ChannelTitle = (string?)item["snippet"]?["channelTitle"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            Privacy = (string?)item["status"]?["privacyStatus"];
            ItemCount = (int?)Json.Count(item["contentDetails"]?["itemCount"]);
            ThumbnailUrl = (string?)item["snippet"]?["thumbnails"]?["default"]?["url"];
        }

        /// <summary>Playlist id.</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Description.</summary>
        public string Description { get; }
        /// <summary>Owning channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Owning channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>When it was created.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }
        /// <summary>Number of items.</summary>
        public int? ItemCount { get; }
        /// <summary>Default thumbnail.</summary>
        public string? ThumbnailUrl { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }
}
