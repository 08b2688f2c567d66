using System.Collections.Concurrent;

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

    /// <summary>
    /// How long an uploaded video stays "uploaded" / "processing" (videos.list status and processingDetails) before it
    /// is "processed" / "succeeded", on the emulator's clock (<see cref="GoogleEmulator.AdvanceClock"/> moves it too).
    /// </summary>
    public TimeSpan ProcessingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before every upload chunk is taken in (a slow link on Google's side); zero: none.</summary>
    public TimeSpan UploadChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a resumable upload session lives after it starts; after it, its URI answers 404 and the upload starts
    /// again. Google's upload guides give one week; the YouTube page does not say, so the emulator takes the same.
    /// </summary>
    public TimeSpan UploadSessionLifetime { get; set; } = TimeSpan.FromDays(7);
}
