using Spectre.Console;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth demo: the main job end to end against the built-in emulator, for machines without PowerShell; it says what really happens at each step.</summary>
internal sealed class DemoCommand : VerbCommand
{
    private readonly Option<bool> autoApproveFlag = new("--auto-approve") { Description = "The emulator approves consent by itself (the default without a terminal or under CI)." };
    private readonly Option<bool> noBrowserFlag = new("--no-browser") { Description = "Print the consent URL instead of opening a browser." };

    public DemoCommand()
        : base("demo", "The whole flow against a built-in Google emulator: consent, channel, playlists, analytics, a silent refresh, revocation. Example:" + Environment.NewLine + "  ytoauth demo --no-browser")
    {
        Add(autoApproveFlag, noBrowserFlag);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var (autoApprove, noBrowser) = (parse.GetValue(autoApproveFlag), parse.GetValue(noBrowserFlag));
        // Nobody can press Allow without a terminal or under CI: the emulator approves by itself, and the demo says so.
        var unattended = Interaction.WhyUnattended(new InteractionFacts { InputRedirected = Console.IsInputRedirected, OutputRedirected = Console.IsOutputRedirected }) != null;
        autoApprove |= unattended;
        await using var google = await GoogleEmulator.StartAsync(new EmulatorSettings { AutoApprove = autoApprove });
        var folder = Path.Combine(Path.GetTempPath(), "ytoauth-demo-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var secretFile = Path.Combine(folder, "client_secret.json");
            await File.WriteAllTextAsync(secretFile, google.ClientSecretJson(), cancellationToken);
            Say($"1. The Google emulator runs at {google.BaseUri}; grants go to {folder} (removed at the end).");
            IBrowserLauncher browser = autoApprove ? new RedirectFollowingBrowser() : new SystemBrowserLauncher();
            using var engine = new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(Path.Combine(folder, "tokens")), Browser = browser });
            var client = ClientSecretFile.Load(secretFile, new EndpointChoices { Base = google.BaseUri });
            Say(autoApprove
                ? "2. Signing in. " + (unattended ? "No terminal here (or a CI run), so " : "With --auto-approve, ") +
                  "the emulator approves the consent by itself and a small HTTP client plays the browser, following the redirect to the loopback listener."
                : "2. Signing in: " + (noBrowser ? "open the URL below" : "a browser opens (if none does, open the URL below)") + ", tick the scopes and press Allow.");
            var result = await engine.ConnectAsync(client, new ConnectOptions { OpenBrowser = !noBrowser || autoApprove, Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
            ConnectCommand.Report(result);
            Say($"   The code was exchanged (PKCE S256, state checked); the channel is '{result.Profile!.AccountLabel}' ({result.Profile.ChannelId}).");

            Say("3. Your playlists, page by page:");
            var rows = ResourceColumns.Playlists.Only("Title", "Privacy", "Items", "Id").Rows(false);
            Task ListAsync(Action<int>? progress)
            {
                var count = 0;
                return engine.YouTube(ProfileName.Default).ListPlaylistsAsync(new PlaylistQuery { Mine = true }, new ListingSink<Playlist>(p =>
                {
                    rows.Add(p);
                    progress?.Invoke(++count);
                }), cancellationToken);
            }

            if (Console.IsOutputRedirected)
            {
                await ListAsync(null);
            }
            else
            {
                await AnsiConsole.Status().StartAsync("Listing playlists...", context => ListAsync(n => context.Status($"Listing playlists: {n} so far")));
            }

            rows.End();
            Say("4. Views and likes per day, last 7 days:");
            var report = await engine.Analytics(ProfileName.Default).QueryAsync(new AnalyticsQuery
            {
                StartDate = DateTime.UtcNow.Date.AddDays(-7), EndDate = DateTime.UtcNow.Date, Metrics = new[] { "views", "likes" }, Dimensions = new[] { "day" },
            }, cancellationToken);
            var table = Output.Rows(false, report.Columns.Select(c => c.Name).ToArray());
            foreach (var row in report.Rows)
            {
                table.Add(row);
            }

            table.End();
            if (!Console.IsOutputRedirected)
            {
                var chart = new BarChart().Label("views per day").Width(60);
                foreach (var row in report.Rows)
                {
                    chart.AddItem(Format.Date((DateTime)row[0]!), Convert.ToDouble(row[1]), Color.Aqua);
                }

                AnsiConsole.Write(chart);
            }

            Say("5. A silent refresh: the emulator now refuses the access token, as Google does once one expires.");
            var refused = (await engine.GetAccessTokenAsync(ProfileName.Default, cancellationToken: cancellationToken)).Token;
            google.ExpireAccessTokens();
            await engine.YouTube(ProfileName.Default).ListPlaylistsAsync(new PlaylistQuery { Mine = true, Limit = 1 }, new ListingSink<Playlist>(_ => { }), cancellationToken);
            var renewed = await engine.GetAccessTokenAsync(ProfileName.Default, cancellationToken: cancellationToken);
            Say($"   The listing still worked: YtOAuth met the refusal, refreshed ({google.Counters["token:refresh_token"]} refresh at the emulator) and retried; " +
                $"the new token {(renewed.Token != refused ? "replaced the refused one" : "is the SAME as the refused one")} and is valid until {renewed.ExpiresUtc:HH:mm:ss} UTC.");

            await engine.RevokeAsync(ProfileName.Default, cancellationToken);
            var gone = await engine.GetProfileAsync(ProfileName.Default, cancellationToken) == null;
            Say($"6. Revoked: {google.Counters["revoke"]} call to the revocation endpoint, {google.LiveGrantCount} live grants left at the emulator, and the grant is {(gone ? "gone" : "STILL")} from the store.");
            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Say(string text)
    {
        Console.WriteLine(text);
        Console.Out.Flush();
    }
}
