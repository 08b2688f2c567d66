namespace YtOAuth.Emulator;

/// <summary>A finished upload: the video it made, its title then, and the length and SHA-256 (lowercase hex) of the bytes received.</summary>
public sealed record UploadedVideo(string Id, string Title, long ByteLength, string Sha256, string ChannelId, DateTime CompletedUtc);
