using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>One emulator, one engine and one temp folder per test, all torn down after it.</summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(GoogleEmulator google, string folder, ITokenStore store, IBrowserLauncher browser)
    {
        Google = google;
        Folder = folder;
        Store = store;
        Retry = new RetryPolicy
        {
            // Record the waits asked for and wait only a moment, so back-off tests are exact and quick.
            Delay = (wait, token) =>
            {
                lock (Delays)
                {
                    Delays.Add(wait);
                }

                return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(20, wait.TotalMilliseconds)), token);
            },
        };
        Engine = new AuthEngine(new AuthEngineOptions { Store = store, Clock = Clock, Browser = browser, Retry = Retry });
    }

    public GoogleEmulator Google { get; }
    public string Folder { get; }
    public ITokenStore Store { get; }
    public AuthEngine Engine { get; }
    public TestClock Clock { get; } = new();
    public RetryPolicy Retry { get; }
    public RecordingSink Sink { get; } = new();
    public List<TimeSpan> Delays { get; } = new();
    public OAuthClient Client => ClientSecretFile.Parse(Google.ClientSecretJson(), "emulator client_secret.json", new EndpointChoices { Base = Google.BaseUri });

    /// <summary>Routes engine messages of the calling test to <see cref="Sink"/> (AsyncLocal: call it in the test method itself).</summary>
    public IDisposable Listen() => EngineLog.Use(Sink);

    public static async Task<TestEnvironment> StartAsync(EmulatorSettings? settings = null, YouTubeDataOptions? data = null, IBrowserLauncher? browser = null, bool fileStore = false)
    {
        var google = await GoogleEmulator.StartAsync(settings, data);
        var folder = Path.Combine(Path.GetTempPath(), "ytoauth-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ITokenStore store = fileStore ? new FileTokenStore(Path.Combine(folder, "tokens")) : new MemoryTokenStore();
        return new TestEnvironment(google, folder, store, browser ?? new ConsentPageBrowser());
    }

    /// <summary>Connects the default profile through the consent page (auto-approved).</summary>
    public async Task<ConnectResult> ConnectAsync(string profile = ProfileName.Default, params string[] scopes)
    {
        Google.Settings.AutoApprove = true;
        var result = await Engine.ConnectAsync(Client, new ConnectOptions
        {
            Profile = profile, Scopes = Scopes.Resolve(scopes), Timeout = TimeSpan.FromSeconds(20),
        }, CancellationToken.None);
        Google.Settings.AutoApprove = false;
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        await Google.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
