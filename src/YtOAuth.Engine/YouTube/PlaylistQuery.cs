using System;
using System.Collections.Generic;
using YtOAuth.Engine.Diagnostics;

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
        /// <summary>Told Google's total once the first page arrives.</summary>
        public Action<int>? OnTotal { get; set; }
        /// <summary>
        /// Told each id in <see cref="Ids"/> that YouTube does not know, so that the listing goes on with the others;
        /// null: an unknown id ends the listing with <see cref="ErrorCode.NotFound"/>.
        /// </summary>
        public Action<YtOAuthException>? OnNotFound { get; set; }
    }
}
