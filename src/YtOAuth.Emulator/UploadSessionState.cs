namespace YtOAuth.Emulator;

/// <summary>An upload session still open: the bytes Google has committed of those it was told to expect.</summary>
public sealed record UploadSessionState(string UploadId, long Committed, long Total);
