namespace YtOAuth.Emulator;

/// <summary>Size and shape of the seeded YouTube data.</summary>
public sealed class YouTubeDataOptions
{
    /// <summary>Playlists of the connected channel.</summary>
    public int PlaylistCount { get; set; } = 12;
    /// <summary>Most items in one playlist (each playlist has a deterministic count up to this).</summary>
    public int MaxItemsPerPlaylist { get; set; } = 8;
    /// <summary>Public playlists of the other (public) channel.</summary>
    public int OtherChannelPlaylistCount { get; set; } = 7;
    /// <summary>Days of analytics data, ending yesterday.</summary>
    public int AnalyticsDays { get; set; } = 30;
    /// <summary>Videos in analytics.</summary>
    public int AnalyticsVideos { get; set; } = 5;
    /// <summary>Countries in analytics.</summary>
    public int AnalyticsCountries { get; set; } = 4;
    /// <summary>Seed of every generated value.</summary>
    public int Seed { get; set; } = 42;
    /// <summary>A JSON file with the channel, playlists, their videos and the videos themselves (see docs/testing-your-scripts.md); null: generated data.</summary>
    public string? SeedFile { get; set; }
}
