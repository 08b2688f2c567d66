namespace YtOAuth.Emulator;

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
