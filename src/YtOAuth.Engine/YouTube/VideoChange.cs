using System;
using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Changes to a video's metadata; what is left null stays as it is.</summary>
    public sealed class VideoChange
    {
        /// <summary>The video.</summary>
        public string Id { get; set; } = string.Empty;
        /// <summary>New title.</summary>
        public string? Title { get; set; }
        /// <summary>New description.</summary>
        public string? Description { get; set; }
        /// <summary>New tags (an empty list removes them all).</summary>
        public IReadOnlyList<string>? Tags { get; set; }
        /// <summary>New category id.</summary>
        public string? CategoryId { get; set; }
        /// <summary>private, unlisted or public.</summary>
        public string? Privacy { get; set; }
        /// <summary>When a private video turns public by itself.</summary>
        public DateTimeOffset? PublishAt { get; set; }
        /// <summary>Whether the video is made for kids.</summary>
        public bool? MadeForKids { get; set; }
    }
}
