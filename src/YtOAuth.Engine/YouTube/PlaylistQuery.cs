using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Which playlists to list: exactly one of mine, a channel, or ids.</summary>
    public sealed class PlaylistQuery
    {
        /// <summary>The connected channel's playlists (the default).</summary>
        public bool Mine { get; set; }
        /// <summary>A channel's playlists (public ones unless it is the connected channel).</summary>
        public string? ChannelId { get; set; }
        /// <summary>Playlists by id, batched 50 a call.</summary>
        public IReadOnlyList<string>? Ids { get; set; }
        /// <summary>Stop after this many items (saves calls and quota).</summary>
        public int? Limit { get; set; }
    }
}
