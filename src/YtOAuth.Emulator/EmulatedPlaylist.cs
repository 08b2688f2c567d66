namespace YtOAuth.Emulator;

/// <summary>A playlist as the emulator stores it.</summary>
public sealed record EmulatedPlaylist(string Id, string ChannelId, string Title, string Privacy, DateTime Published, int ItemCount)
{
    /// <summary>The videos in it, in order, when seeded from a file; null: generated.</summary>
    public IReadOnlyList<string>? VideoIds { get; init; }

    /// <summary>Its entries once written to (then they, not <see cref="VideoIds"/> or generation, are the playlist); null before.</summary>
    public IReadOnlyList<EmulatedPlaylistItem>? Items { get; init; }

    /// <summary>Its description; null: the seeded "Seeded playlist TITLE.".</summary>
    public string? Description { get; init; }

    /// <summary>Its language as written with playlists.insert or update.</summary>
    public string? DefaultLanguage { get; init; }
}
