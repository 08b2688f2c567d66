namespace YtOAuth.Emulator;

/// <summary>The emulator could not start as asked: a seed file it cannot use, a port it cannot bind, a client_secret.json it cannot write. The message says what to change.</summary>
public sealed class EmulatorLaunchException(string message, string? path = null) : Exception(message)
{
    /// <summary>The file concerned, if any.</summary>
    public string? Path { get; } = path;
}
