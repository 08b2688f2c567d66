using System.Collections.Concurrent;

namespace YtOAuth.Emulator;

/// <summary>Request counts per endpoint (and grant type), and bytes sent, for assertions and benchmarks.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private long bytesSent;

    /// <summary>Counts one request under <paramref name="key"/>.</summary>
    public void Add(string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    /// <summary>How many requests were counted under <paramref name="key"/> (e.g. "token:refresh_token", "revoke", "youtube:playlists").</summary>
    public int this[string key] => counts.TryGetValue(key, out var n) ? n : 0;

    /// <summary>Response bytes of the YouTube endpoints.</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);

    internal void AddBytes(long n) => Interlocked.Add(ref bytesSent, n);

    /// <summary>Every count so far, by key.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    /// <summary>Forgets every count.</summary>
    public void Reset()
    {
        counts.Clear();
        Interlocked.Exchange(ref bytesSent, 0);
    }
}
