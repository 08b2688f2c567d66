using System;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>A video, with its statistics and content details.</summary>
    public sealed class Video
    {
        internal Video(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            ChannelId = (string?)item["snippet"]?["channelId"];
            ChannelTitle = (string?)item["snippet"]?["channelTitle"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            ViewCount = Json.Count(item["statistics"]?["viewCount"]);
            LikeCount = Json.Count(item["statistics"]?["likeCount"]);
            CommentCount = Json.Count(item["statistics"]?["commentCount"]);
            Duration = Json.Duration(item["contentDetails"]?["duration"]);
            Definition = (string?)item["contentDetails"]?["definition"];
            Privacy = (string?)item["status"]?["privacyStatus"];
        }

        /// <summary>Video id.</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>When it was published.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>Views.</summary>
        public long? ViewCount { get; }
        /// <summary>Likes.</summary>
        public long? LikeCount { get; }
        /// <summary>Comments.</summary>
        public long? CommentCount { get; }
        /// <summary>Length.</summary>
        public TimeSpan? Duration { get; }
        /// <summary>hd or sd.</summary>
        public string? Definition { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }
}
