namespace YtOAuth.Emulator;

/// <summary>
/// One resumable upload: what videos.insert asked for, where its bytes go (a file of its own, never memory), how
/// many are committed. One request at a time works on it (<see cref="Gate"/>): a status query waits for a chunk still
/// being taken in, so it reports what was kept of a connection that broke.
/// </summary>
internal sealed class UploadSession
{
    public required string Id { get; init; }
    public required string ChannelId { get; init; }
    public required string Part { get; init; }
    public required VideoMetadata Metadata { get; init; }
    public required long Total { get; init; }
    public required string ContentType { get; init; }
    public required string FilePath { get; init; }
    public required DateTime ExpiresUtc { get; init; }
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Bytes committed, always a multiple of 256 KiB until the last chunk (only under <see cref="Gate"/>).</summary>
    public long Committed { get; set; }

    /// <summary>The video made when the last byte arrived; null while the upload is open.</summary>
    public EmulatedVideo? Video { get; set; }

    /// <summary>Forgotten (a lost-session fault, or the control to lose every session): its URI answers 404.</summary>
    public bool Lost { get; set; }
}
