namespace YtOAuth.Emulator;

/// <summary>Which endpoint an injected fault hits.</summary>
public enum FaultTarget { Token, Revoke, DeviceCode, YouTube, Analytics }
