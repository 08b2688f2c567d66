namespace YtOAuth.Emulator;

/// <summary>A video as the emulator stores it; the init properties are what uploads and videos.update set.</summary>
public sealed record EmulatedVideo(string Id, string ChannelId, string Title, DateTime Published, long Views, long Likes, long Comments, string Duration, string Privacy)
{
    /// <summary>Its description; null: the seeded "A seeded video.".</summary>
    public string? Description { get; init; }
    /// <summary>Its tags; null: none.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Its category (22, People &amp; Blogs, is YouTube's default).</summary>
    public string CategoryId { get; init; } = "22";
    /// <summary>snippet.defaultLanguage.</summary>
    public string? DefaultLanguage { get; init; }
    /// <summary>snippet.defaultAudioLanguage.</summary>
    public string? DefaultAudioLanguage { get; init; }
    /// <summary>status.publishAt: a private video's scheduled publication.</summary>
    public DateTime? PublishAt { get; init; }
    /// <summary>status.license: youtube or creativeCommon.</summary>
    public string License { get; init; } = "youtube";
    /// <summary>status.embeddable.</summary>
    public bool Embeddable { get; init; } = true;
    /// <summary>status.publicStatsViewable.</summary>
    public bool PublicStatsViewable { get; init; } = true;
    /// <summary>status.selfDeclaredMadeForKids; also status.madeForKids, which YouTube derives from it.</summary>
    public bool? SelfDeclaredMadeForKids { get; init; }
    /// <summary>status.containsSyntheticMedia.</summary>
    public bool? ContainsSyntheticMedia { get; init; }
    /// <summary>The uploaded file's length and hash; null for a seeded or generated video.</summary>
    public UploadedMedia? Media { get; init; }
    /// <summary>The custom thumbnail set with thumbnails.set; null: YouTube's own pictures.</summary>
    public CustomThumbnail? Thumbnail { get; init; }
}
