namespace YtOAuth.Engine.YouTube
{
    /// <summary>A new playlist, or changes to one; what is left null stays as it is (a new playlist needs a title).</summary>
    public sealed class PlaylistChange
    {
        /// <summary>Title.</summary>
        public string? Title { get; set; }
        /// <summary>Description.</summary>
        public string? Description { get; set; }
        /// <summary>private, unlisted or public (a new playlist is private unless told).</summary>
        public string? Privacy { get; set; }
    }
}
