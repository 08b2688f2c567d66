using System;
using Newtonsoft.Json;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// An upload under way, kept with the profile's grant so that the same command run again (after a kill, a reboot,
    /// Ctrl+C) continues it: the file it is sending (so a changed file is never continued into the old session),
    /// YouTube's session address, how far YouTube had confirmed, and which steps after the upload are done.
    /// </summary>
    public sealed class PendingUpload
    {
        /// <summary>The file's full path.</summary>
        [JsonProperty("path")] public string Path { get; set; } = string.Empty;
        /// <summary>The file's length when the upload started.</summary>
        [JsonProperty("length")] public long Length { get; set; }
        /// <summary>The file's last write time when the upload started (UTC).</summary>
        [JsonProperty("last_write_utc")] public DateTime LastWriteUtc { get; set; }
        /// <summary>SHA-256 of the file's first and last MiB, hex.</summary>
        [JsonProperty("sample_sha256")] public string SampleSha256 { get; set; } = string.Empty;
        /// <summary>SHA-256 of what was asked (metadata, playlist, thumbnail), hex: other metadata is another upload.</summary>
        [JsonProperty("request_sha256")] public string RequestSha256 { get; set; } = string.Empty;
        /// <summary>YouTube's resumable session address; whoever holds it can send the bytes, so it is kept like a token.</summary>
        [JsonProperty("session_uri", NullValueHandling = NullValueHandling.Ignore)] public string? SessionUri { get; set; }
        /// <summary>Bytes YouTube had confirmed when last asked.</summary>
        [JsonProperty("confirmed_bytes")] public long ConfirmedBytes { get; set; }
        /// <summary>When the session was opened (UTC); YouTube keeps one for about a week.</summary>
        [JsonProperty("started_utc")] public DateTime StartedUtc { get; set; }
        /// <summary>The video, once YouTube confirmed every byte.</summary>
        [JsonProperty("video_id", NullValueHandling = NullValueHandling.Ignore)] public string? VideoId { get; set; }
        /// <summary>Whether the thumbnail was set.</summary>
        [JsonProperty("thumbnail_set")] public bool ThumbnailSet { get; set; }
        /// <summary>The playlist item made for the video, once added.</summary>
        [JsonProperty("playlist_item_id", NullValueHandling = NullValueHandling.Ignore)] public string? PlaylistItemId { get; set; }
    }
}
