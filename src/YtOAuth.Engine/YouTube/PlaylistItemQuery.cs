namespace YtOAuth.Engine.YouTube
{
    /// <summary>Which playlist's items to list, in order.</summary>
    public sealed class PlaylistItemQuery
    {
        /// <summary>The playlist (a channel's uploads playlist too).</summary>
        public string PlaylistId { get; set; } = string.Empty;
        /// <summary>Stop after this many items (saves calls and quota).</summary>
        public int? Limit { get; set; }
    }
}
