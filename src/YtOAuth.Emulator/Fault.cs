namespace YtOAuth.Emulator;

/// <summary>
/// A misbehaviour the next call to an endpoint shows instead of (or before) its normal answer. DropAfterBytes and
/// LoseSession are for <see cref="FaultTarget.Upload"/>: the connection is cut after that many bytes of the chunk
/// (what arrived is kept, rounded down to 256 KiB), or the upload session is forgotten (404 from then on).
/// </summary>
public sealed record Fault(int Status = 0, int? RetryAfterSeconds = null, TimeSpan Delay = default, bool DropConnection = false, bool HtmlBody = false, int AfterCalls = 0,
    string? Reason = null, string? Body = null, string ContentType = "application/json; charset=utf-8", long? DropAfterBytes = null, bool LoseSession = false)
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
    /// <summary>HTTP 503 backendError in Google's words, without Retry-After (an upload chunk: nothing of it is kept).</summary>
    public static Fault BackendError => new(503);
    /// <summary>HTTP 401 authError, as for an access token that died.</summary>
    public static Fault Unauthorized => new(401);
    /// <summary>An upload chunk whose connection breaks after <paramref name="bytes"/> of its body have arrived.</summary>
    public static Fault DropAfter(long bytes) => new(DropConnection: true, DropAfterBytes: bytes);
    /// <summary>Google forgets the upload session: this chunk and every later request on it answer 404.</summary>
    public static Fault LoseUploadSession => new(LoseSession: true);
}
