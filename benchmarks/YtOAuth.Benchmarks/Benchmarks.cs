using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/YtOAuth.Benchmarks -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>Plays the browser for an auto-approving emulator: follows the redirect to the loopback listener.</summary>
internal sealed class RedirectFollower : IBrowserLauncher
{
    private static readonly HttpClient Http = new();

    public bool TryOpen(Uri url)
    {
        _ = Task.Run(async () => (await Http.GetAsync(url)).Dispose());
        return true;
    }
}

internal static class Connected
{
    public static async Task<(GoogleEmulator Google, AuthEngine Engine)> StartAsync(int playlists)
    {
        var google = await GoogleEmulator.StartAsync(new EmulatorSettings { AutoApprove = true, DailyQuota = long.MaxValue }, new YouTubeDataOptions { PlaylistCount = playlists });
        var engine = new AuthEngine(new AuthEngineOptions { Browser = new RedirectFollower() });
        var client = ClientSecretFile.Parse(google.ClientSecretJson(), "emulator", new EndpointChoices { Base = google.BaseUri });
        await engine.ConnectAsync(client, new ConnectOptions(), CancellationToken.None);
        return (google, engine);
    }
}

/// <summary>A valid access token from memory: YtOAuth's engine against Google.Apis.Auth's UserCredential.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TokenHotPath
{
    private GoogleEmulator google = null!;
    private AuthEngine engine = null!;
    private UserCredential credential = null!;

    [GlobalSetup]
    public void Setup()
    {
        (google, engine) = Connected.StartAsync(1).GetAwaiter().GetResult();
        var flow = new GoogleAuthorizationCodeFlow(new GoogleAuthorizationCodeFlow.Initializer
        {
            ClientSecrets = new ClientSecrets { ClientId = google.DesktopClient.ClientId, ClientSecret = google.DesktopClient.ClientSecret },
        });
        credential = new UserCredential(flow, "user", new TokenResponse
        {
            AccessToken = engine.GetAccessTokenAsync("default").GetAwaiter().GetResult().Token, ExpiresInSeconds = 3600, IssuedUtc = DateTime.UtcNow,
        });
    }

    [Benchmark(Baseline = true, Description = "Google.Apis.Auth UserCredential")]
    public Task<string> GoogleUserCredential() => credential.GetAccessTokenForRequestAsync();

    [Benchmark(Description = "YtOAuth AuthEngine")]
    public async Task<string> YtOAuthEngine() => (await engine.GetAccessTokenAsync("default")).Token;

    [GlobalCleanup]
    public void Cleanup()
    {
        engine.Dispose();
        google.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>
/// Listing 5,000 playlists from the emulator over real HTTP: the engine (partial responses, gzip, typed objects,
/// quota bookkeeping) against a plain HttpClient loop that asks for whole parts and parses with System.Text.Json.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PlaylistListing
{
    private GoogleEmulator google = null!;
    private AuthEngine engine = null!;
    private HttpClient plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        (google, engine) = Connected.StartAsync(5000).GetAwaiter().GetResult();
        plain = new HttpClient();
        plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", engine.GetAccessTokenAsync("default").GetAwaiter().GetResult().Token);

        // Bytes on the wire per listing, which a loopback timing cannot show (printed into the benchmark log).
        foreach (var (name, run) in new (string, Func<Task<int>>)[] { ("plain HttpClient", PlainHttpClient), ("YtOAuth YouTubeClient", YtOAuthClient) })
        {
            google.Counters.Reset();
            var items = run().GetAwaiter().GetResult();
            Console.WriteLine($"// bytes: {name}: {items} playlists, {google.Counters.BytesSent:N0} response bytes");
        }
    }

    [Benchmark(Baseline = true, Description = "plain HttpClient, whole parts")]
    public async Task<int> PlainHttpClient()
    {
        var count = 0;
        string? pageToken = null;
        do
        {
            var url = google.BaseUri + "youtube/v3/playlists?part=snippet,status,contentDetails&mine=true&maxResults=50" + (pageToken == null ? "" : "&pageToken=" + pageToken);
            using var document = JsonDocument.Parse(await plain.GetStringAsync(url));
            count += document.RootElement.GetProperty("items").GetArrayLength();
            pageToken = document.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (pageToken != null);
        return count;
    }

    [Benchmark(Description = "YtOAuth YouTubeClient")]
    public async Task<int> YtOAuthClient()
    {
        var count = 0;
        await foreach (var _ in engine.YouTube("default").ListPlaylistsAsync(new PlaylistQuery { Mine = true }))
        {
            count++;
        }

        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        plain.Dispose();
        engine.Dispose();
        google.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
