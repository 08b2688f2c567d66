using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli;

/// <summary>The main job end to end against the built-in emulator: consent in a browser, token, playlists, analytics, revoke.</summary>
internal static class Demo
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        await using var google = await GoogleEmulator.StartAsync(new EmulatorSettings { AutoApprove = options.Has("auto-approve") });
        var folder = Path.Combine(Path.GetTempPath(), "ytoauth-demo-" + Environment.ProcessId);
        Console.WriteLine($"1. Google emulator running at {google.BaseUri}; grants go to {folder} (removed at the end).");
        var secretFile = Path.Combine(folder, "client_secret.json");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(secretFile, google.ClientSecretJson(), cancellationToken);
        try
        {
            var store = new FileTokenStore(Path.Combine(folder, "tokens"));
            // With --auto-approve the emulator skips its consent page, so a plain HTTP client can play the browser
            // (follow the redirect to the loopback listener) and the demo runs with nobody at the keyboard.
            IBrowserLauncher browser = options.Has("auto-approve") ? new RedirectFollowingBrowser() : new SystemBrowserLauncher();
            using var engine = new AuthEngine(new AuthEngineOptions
            {
                Store = store, Browser = browser,
            });
            var client = ClientSecretFile.Load(secretFile, new EndpointChoices { Base = google.BaseUri });
            Console.WriteLine("2. Signing in: open the URL below, tick the scopes and press Allow (the emulator's consent page stands in for Google's).");
            var result = await engine.ConnectAsync(client, new ConnectOptions
            {
                OpenBrowser = !options.Has("no-browser"),
                Timeout = TimeSpan.FromMinutes(5),
            }, cancellationToken);
            if (Program.Report(result) != 0)
            {
                return 1;
            }

            var token = await engine.GetAccessTokenAsync(ProfileName.Default, cancellationToken: cancellationToken);
            Console.WriteLine($"3. Access token ready (valid until {token.ExpiresUtc:u}); the token itself stays hidden.");
            Console.WriteLine("4. Your playlists:");
            await foreach (var p in engine.YouTube(ProfileName.Default).ListPlaylistsAsync(new PlaylistQuery { Mine = true, Limit = 5 }, cancellationToken))
            {
                Console.WriteLine($"   {p.Title,-16} {p.Privacy,-9} {p.ItemCount,3} items  {p.Id}");
            }

            if (token.Scopes.Contains(Scopes.AnalyticsReadOnly))
            {
                Console.WriteLine("5. Views by day, last 7 days:");
                var report = await engine.Analytics(ProfileName.Default).QueryAsync(new AnalyticsQuery
                {
                    StartDate = DateTime.UtcNow.Date.AddDays(-7), EndDate = DateTime.UtcNow.Date, Metrics = new[] { "views", "likes" }, Dimensions = new[] { "day" },
                }, cancellationToken);
                Program.PrintReport(report);
            }

            await engine.RevokeAsync(ProfileName.Default, cancellationToken);
            Console.WriteLine($"6. Revoked at the emulator ({google.LiveGrantCount} live grants left) and forgot the stored grant.");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Plays the browser for an auto-approving consent page: GET the URL and follow redirects to the loopback listener.</summary>
internal sealed class RedirectFollowingBrowser : IBrowserLauncher
{
    private static readonly System.Net.Http.HttpClient Http = new();

    public bool TryOpen(Uri url)
    {
        _ = Task.Run(async () => (await Http.GetAsync(url)).Dispose());
        return true;
    }
}
