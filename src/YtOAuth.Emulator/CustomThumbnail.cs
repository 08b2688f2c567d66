namespace YtOAuth.Emulator;

/// <summary>A thumbnail set with thumbnails.set: its length, SHA-256 and type (the image itself is not kept).</summary>
public sealed record CustomThumbnail(long ByteLength, string Sha256, string ContentType, DateTime SetUtc);
