using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace YtOAuth.Emulator;

/// <summary>Behaviour switches of the emulator; tests change them between calls.</summary>
public sealed class EmulatorSettings
{
    /// <summary>Lifetime of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Refresh tokens die this long after consent (Google's 7-day limit for apps in Testing); null: never. As Google does
    /// for every time-limited grant, token answers then state the seconds left as refresh_token_expires_in.
    /// </summary>
    public TimeSpan? RefreshTokenLifetime { get; set; }

    /// <summary>What Google states for an app whose OAuth consent screen is in Testing: 604,799 seconds.</summary>
    public static readonly TimeSpan TestingAppLifetime = TimeSpan.FromSeconds(604_799);

    /// <summary>The client's app is in Testing: grants end after <see cref="TestingAppLifetime"/>, and token answers say so.</summary>
    public bool TestingApp
    {
        get => RefreshTokenLifetime == TestingAppLifetime;
        set => RefreshTokenLifetime = value ? TestingAppLifetime : null;
    }

    /// <summary>
    /// A Google Workspace session-control policy: refreshes answer invalid_grant with this error_subtype
    /// (invalid_rapt or rapt_required) until the user signs in again; null: no policy.
    /// </summary>
    public string? ReauthenticationSubtype { get; set; }

    /// <summary>APIs not enabled in the Cloud project ("data", "analytics"): their calls answer Google's 403 accessNotConfigured / SERVICE_DISABLED.</summary>
    public ConcurrentDictionary<string, bool> DisabledApis { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Issue a new refresh token on every refresh and kill the old one.</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>Skip the consent page: grant every requested scope and redirect at once.</summary>
    public bool AutoApprove { get; set; }

    /// <summary>Seconds between device polls the emulator asks for.</summary>
    public int DeviceInterval { get; set; } = 5;

    /// <summary>Delay added to every token-endpoint answer (to widen races in concurrency tests).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Send iss in authorization responses (RFC 9207) and say so in the metadata: its own issuer when "self", any
    /// other text as given (a mix-up), none when null.
    /// </summary>
    public string? IssuerInResponses { get; set; }

    /// <summary>Data API units a day before quotaExceeded (Google's default is 10,000).</summary>
    public long DailyQuota { get; set; } = 10_000;
}

/// <summary>Which endpoint an injected fault hits.</summary>
public enum FaultTarget { Token, Revoke, DeviceCode, YouTube, Analytics }

/// <summary>A misbehaviour the next call to an endpoint shows instead of (or before) its normal answer.</summary>
public sealed record Fault(int Status = 0, int? RetryAfterSeconds = null, TimeSpan Delay = default, bool DropConnection = false, bool HtmlBody = false, int AfterCalls = 0,
    string? Reason = null, string? Body = null, string ContentType = "application/json; charset=utf-8")
{
    /// <summary>This exact answer instead of the real one: a broken or hostile server's.</summary>
    public static Fault Raw(int status, string body, string contentType = "application/json; charset=utf-8") => new(status, Body: body, ContentType: contentType);

    /// <summary>HTTP 500.</summary>
    public static Fault ServerError => new(500);
    /// <summary>HTTP 503 with Retry-After.</summary>
    public static Fault Unavailable(int retryAfter = 1) => new(503, retryAfter);
    /// <summary>HTTP 429 with Retry-After.</summary>
    public static Fault TooMany(int retryAfter = 1) => new(429, retryAfter);
    /// <summary>Closes the connection without an answer.</summary>
    public static Fault Drop => new(DropConnection: true);
    /// <summary>An HTML page instead of JSON (a proxy or outage page).</summary>
    public static Fault Html(int status = 502) => new(status, HtmlBody: true);
    /// <summary>A slow answer.</summary>
    public static Fault Slow(TimeSpan delay) => new(Delay: delay);
}

/// <summary>Queued faults per endpoint.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentDictionary<FaultTarget, ConcurrentQueue<Fault>> queues = new();

    /// <summary>The next calls to <paramref name="target"/> meet these faults, one each.</summary>
    public void Add(FaultTarget target, params Fault[] faults)
    {
        var queue = queues.GetOrAdd(target, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Takes the next fault for a target, if any.</summary>
    public Fault? Next(FaultTarget target)
    {
        if (!queues.TryGetValue(target, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            if (!queue.TryPeek(out var fault))
            {
                return null;
            }

            // A fault with AfterCalls lets that many calls through first (e.g. a drop in the middle of paging).
            if (fault.AfterCalls > 0)
            {
                queue.TryDequeue(out _);
                var rest = queue.ToArray();
                queue.Clear();
                queue.Enqueue(fault with { AfterCalls = fault.AfterCalls - 1 });
                foreach (var f in rest)
                {
                    queue.Enqueue(f);
                }

                return null;
            }

            queue.TryDequeue(out _);
            return fault;
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear() => queues.Clear();
}

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

/// <summary>Data API units spent per Pacific day (the project's quota).</summary>
public sealed class QuotaLedger
{
    private string day = "";
    private long used;

    /// <summary>Units spent on the current day.</summary>
    public long Used { get { lock (this) { return used; } } }

    internal bool TrySpend(string today, long budget)
    {
        lock (this)
        {
            if (day != today)
            {
                day = today;
                used = 0;
            }

            if (used >= budget)
            {
                used++; // refused requests cost as well
                return false;
            }

            used++;
            return true;
        }
    }
}
