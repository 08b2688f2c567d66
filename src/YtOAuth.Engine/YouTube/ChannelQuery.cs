using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Which channels to list: the connected one (neither ids nor a handle), by ids, or by handle.</summary>
    public sealed class ChannelQuery
    {
        /// <summary>Channels by id, batched 50 a call.</summary>
        public IReadOnlyList<string>? Ids { get; set; }
        /// <summary>A channel by handle, with or without @.</summary>
        public string? Handle { get; set; }
    }
}
