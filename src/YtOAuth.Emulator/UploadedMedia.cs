namespace YtOAuth.Emulator;

/// <summary>What remains of an uploaded video file: its length and SHA-256 (the bytes themselves are not kept).</summary>
public sealed record UploadedMedia(long ByteLength, string Sha256, string ContentType, DateTime CompletedUtc);
