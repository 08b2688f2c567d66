namespace YtOAuth.Emulator;

/// <summary>
/// Which endpoint an injected fault hits. Upload: the chunks of a resumable upload (a PUT to a session URI that
/// carries bytes; status queries take none); the upload's first request is a Data API call, YouTube.
/// </summary>
public enum FaultTarget { Token, Revoke, DeviceCode, YouTube, Analytics, Upload }
