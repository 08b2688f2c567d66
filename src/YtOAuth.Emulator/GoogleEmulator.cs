using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace YtOAuth.Emulator;

/// <summary>
/// Google's OAuth and YouTube endpoints on a real Kestrel server bound to 127.0.0.1. Start it in-process on
/// port 0 from tests, or standalone from the command line; point clients at <see cref="BaseUri"/>.
/// </summary>
public sealed class GoogleEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private TimeSpan clockOffset;

    private GoogleEmulator(WebApplication app, EmulatorSettings settings, YouTubeDataOptions dataOptions)
    {
        this.app = app;
        Settings = settings;
        State = new OAuthState(() => DateTime.UtcNow + clockOffset);
        Data = new YouTubeData(dataOptions);
        DesktopClient = new EmulatedClient("1234567890-emulator.apps.googleusercontent.com", "GOCSPX-emulator-" + OAuthState.NewToken("", 12), false);
        DeviceClient = new EmulatedClient("1234567890-device.apps.googleusercontent.com", "GOCSPX-device-" + OAuthState.NewToken("", 12), true);
        State.Clients[DesktopClient.ClientId] = DesktopClient;
        State.Remember(DesktopClient.ClientSecret);
        State.Remember(DeviceClient.ClientSecret);
        State.Clients[DeviceClient.ClientId] = DeviceClient;
    }

    /// <summary>Where the emulator listens, ending in '/'.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Behaviour switches.</summary>
    public EmulatorSettings Settings { get; }

    /// <summary>Faults queued per endpoint.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>Data API quota spent today.</summary>
    public QuotaLedger Quota { get; } = new();

    /// <summary>Request counts.</summary>
    public RequestCounters Counters { get; } = new();

    /// <summary>Resumable upload sessions started and completed, and every uploaded video's length and SHA-256.</summary>
    public UploadStore Uploads { get; } = new();

    /// <summary>A registered "Desktop app" client.</summary>
    public EmulatedClient DesktopClient { get; }

    /// <summary>A registered "TVs and Limited Input devices" client.</summary>
    public EmulatedClient DeviceClient { get; }

    /// <summary>Registers another Desktop client with these redirect URIs (a registration with a path of its own, say).</summary>
    public EmulatedClient AddDesktopClient(params string[] redirectUris)
    {
        var client = new EmulatedClient("1234567890-" + OAuthState.NewToken("", 6).ToLowerInvariant() + ".apps.googleusercontent.com", "GOCSPX-" + OAuthState.NewToken("", 12), false)
        {
            RedirectUris = redirectUris,
        };
        State.Clients[client.ClientId] = client;
        State.Remember(client.ClientSecret);
        return client;
    }

    /// <summary>Its issuer identifier: its address without the trailing slash.</summary>
    public string Issuer => BaseUri.AbsoluteUri.TrimEnd('/');

    /// <summary>The emulator's idea of now.</summary>
    public DateTime UtcNow => State.Now;

    internal OAuthState State { get; }

    /// <summary>The seeded YouTube data.</summary>
    public YouTubeData Data { get; }

    /// <summary>Starts the emulator on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public static async Task<GoogleEmulator> StartAsync(EmulatorSettings? settings = null, YouTubeDataOptions? data = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        // gzip as Google does when the client asks (the engine always does), from the framework's middleware.
        builder.Services.AddResponseCompression(o => o.Providers.Add<GzipCompressionProvider>());
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Tests stop the emulator with slow answers still pending; do not wait for them.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var emulator = new GoogleEmulator(app, settings ?? new EmulatorSettings(), data ?? new YouTubeDataOptions());
        // Outside the compression, so the YouTube endpoints' bytes are counted as they go over the wire.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/youtube") || context.Request.Path.StartsWithSegments("/v2"))
            {
                context.Response.Body = new CountingStream(context.Response.Body, emulator.Counters.AddBytes);
            }

            return next(context);
        });
        app.UseResponseCompression();
        ConsentEndpoints.Map(app, emulator);
        TokenEndpoints.Map(app, emulator);
        DataApiEndpoints.Map(app, emulator);
        PlaylistWriteEndpoints.Map(app, emulator);
        VideoWriteEndpoints.Map(app, emulator);
        UploadEndpoints.Map(app, emulator);
        ThumbnailEndpoints.Map(app, emulator);
        AnalyticsEndpoints.Map(app, emulator);
        ControlEndpoints.Map(app, emulator);
        app.MapGet("/", () => Results.Content(ConsentEndpoints.Page("YtOAuth Google emulator",
            "<p>OAuth: /o/oauth2/v2/auth, /token, /revoke, /device/code. YouTube: /youtube/v3/, uploads: /upload/youtube/v3/, Analytics: /v2/reports.</p>"), "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Moves the emulator's clock forward (token and grant expiry).</summary>
    public void AdvanceClock(TimeSpan by) => clockOffset += by;

    /// <summary>Makes every issued access token expire now (the next API call meets 401).</summary>
    public void ExpireAccessTokens()
    {
        foreach (var key in State.AccessTokens.Keys.ToList())
        {
            State.AccessTokens[key] = State.AccessTokens[key] with { ExpiresUtc = State.Now.AddSeconds(-1) };
        }
    }

    /// <summary>Every video uploaded so far, in the order the uploads completed (id, title, byte length, SHA-256).</summary>
    public IReadOnlyList<UploadedVideo> UploadedVideos => Uploads.Videos;

    /// <summary>Forgets every upload session, as if Google had lost them: their URIs answer 404 and uploads start again.</summary>
    public int LoseUploadSessions() => Uploads.LoseSessions();

    /// <summary>Revokes every grant, as a user would at myaccount.google.com/permissions.</summary>
    public void RevokeAllGrants()
    {
        foreach (var grant in State.LiveGrants.ToList())
        {
            State.Revoke(grant);
        }
    }

    /// <summary>Every secret the emulator issued or received so far: codes, PKCE verifiers, tokens, client secrets.</summary>
    public string[] SecretsSeen => State.Secrets.Where(s => s.Length > 0).Distinct().ToArray();

    /// <summary>The number of grants that are still alive.</summary>
    public int LiveGrantCount => State.LiveGrants.Count();

    /// <summary>Approves or denies a pending device code as the user would at the verification page.</summary>
    public bool DecideDevice(string userCode, bool allow)
    {
        var request = State.DeviceCodes.Values.FirstOrDefault(d => d.UserCode == userCode);
        if (request != null)
        {
            request.Decision = allow ? "allow" : "deny";
        }

        return request != null;
    }

    /// <summary>A client_secret.json ("installed" shape) for a client, with auth_uri and token_uri pointing here.</summary>
    public string ClientSecretJson(EmulatedClient? client = null)
    {
        client ??= DesktopClient;
        return JsonSerializer.Serialize(new
        {
            installed = new
            {
                client_id = client.ClientId,
                project_id = "ytoauth-emulator",
                // Google's downloaded file names the v1 authorization endpoint; the emulator serves it as Google does.
                auth_uri = BaseUri + "o/oauth2/auth",
                token_uri = BaseUri + "token",
                auth_provider_x509_cert_url = "https://www.googleapis.com/oauth2/v1/certs",
                client_secret = client.ClientSecret,
                redirect_uris = client.RedirectUris,
            },
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A slow answer that ends early when the client leaves or the emulator stops.</summary>
    internal async Task DelayAsync(TimeSpan delay, HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        await Task.Delay(delay, either.Token);
    }

    /// <summary>Completes when the host is told to stop (SIGTERM, SIGINT, or POST /emulator/stop).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <summary>Asks the host to stop; <see cref="WaitForShutdownAsync"/> then completes.</summary>
    internal void RequestStop() => app.Lifetime.StopApplication();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        await app.StopAsync();
        await app.DisposeAsync();
        Uploads.Dispose();
    }
}
