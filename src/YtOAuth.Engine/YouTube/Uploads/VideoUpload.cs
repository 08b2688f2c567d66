using System;
using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// A video to publish: the file, its metadata, and what to do once it is up (a custom thumbnail, a playlist to add
    /// it to). The same upload given again (same file, same metadata) continues where the last attempt stopped.
    /// </summary>
    public sealed class VideoUpload
    {
        /// <summary>The bytes YouTube accepts in one non-final chunk must be a multiple of this (256 KiB).</summary>
        public const int ChunkGranularity = 256 * 1024;

        /// <summary>The privacy settings YouTube takes for a video or a playlist; the completions both front ends offer.</summary>
        public static readonly IReadOnlyList<string> PrivacyValues = new[] { "private", "unlisted", "public" };

        /// <summary>The video file.</summary>
        public string Path { get; set; } = string.Empty;
        /// <summary>Title (1 to 100 characters, no angle brackets).</summary>
        public string Title { get; set; } = string.Empty;
        /// <summary>Description (at most 5,000 bytes, no angle brackets).</summary>
        public string? Description { get; set; }
        /// <summary>Tags (500 characters in all).</summary>
        public IReadOnlyList<string>? Tags { get; set; }
        /// <summary>Category id (22 is People &amp; Blogs); YouTube picks one when none is given.</summary>
        public string? CategoryId { get; set; }
        /// <summary>private, unlisted or public; with <see cref="PublishAt"/> it must be private (or left out).</summary>
        public string? Privacy { get; set; }
        /// <summary>When a private video turns public by itself.</summary>
        public DateTimeOffset? PublishAt { get; set; }
        /// <summary>Whether the video is made for kids (COPPA); YouTube asks in Studio when left out.</summary>
        public bool? MadeForKids { get; set; }
        /// <summary>A playlist to add the video to once it is up.</summary>
        public string? PlaylistId { get; set; }
        /// <summary>A JPEG or PNG (at most 2 MiB) to set as the video's thumbnail once it is up.</summary>
        public string? ThumbnailPath { get; set; }
        /// <summary>Bytes per request, a multiple of <see cref="ChunkGranularity"/>; the smaller, the less a failed request repeats.</summary>
        public int ChunkSize { get; set; } = 32 * 1024 * 1024;
    }
}
