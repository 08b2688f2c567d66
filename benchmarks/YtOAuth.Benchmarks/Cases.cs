using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Benchmarks;

/// <summary>A contender of a case: how to run it once, and how many runs make a round (null: the run's setting).</summary>
internal sealed record Contender(string Name, Func<Task<Sample>> Run, bool Baseline = false, int? Runs = null);

internal static class Cases
{
    private const int WarmupRounds = 3;

    public static readonly (string Title, Func<BenchContext, Task<CaseResult>> Run)[] All =
    {
        ("warm token", WarmTokenAsync), ("playlists", PlaylistsAsync), ("report", ReportAsync), ("report process", ReportProcessAsync),
        ("cold start", ColdStartAsync), ("memory", MemoryAsync), ("upload", Uploads.ThroughputAsync), ("upload memory", Uploads.MemoryAsync),
    };

    public static async Task<CaseResult> WarmTokenAsync(BenchContext context)
    {
        const int calls = 100_000;
        var grant = await context.Emulator.NewGrantAsync();
        using var engine = new AuthEngine(new AuthEngineOptions());
        var client = ClientSecretFile.Parse(await File.ReadAllTextAsync(context.Emulator.ClientSecretPath), "emulator", new EndpointChoices { Base = context.Emulator.BaseUri });
        await engine.ConnectWithRefreshTokenAsync(client, grant.RefreshToken, new ConnectOptions(), CancellationToken.None);
        var flow = new GoogleAuthorizationCodeFlow(new GoogleAuthorizationCodeFlow.Initializer
        {
            ClientSecrets = new ClientSecrets { ClientId = grant.ClientId, ClientSecret = grant.ClientSecret },
        });
        var credential = new UserCredential(flow, "user", new TokenResponse
        {
            AccessToken = (await engine.GetAccessTokenAsync("default")).Token, ExpiresInSeconds = 3600, IssuedUtc = DateTime.UtcNow,
        });

        async Task<Sample> Time(Func<Task> get)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await get();
            }

            return new Sample(watch.Elapsed.TotalMilliseconds * 1e6 / calls, 1); // nanoseconds a call
        }

        var series = await AlternateAsync(context, context.Rounds * 2, null,
            new Contender("Google.Apis.Auth `UserCredential.GetAccessTokenForRequestAsync`", () => Time(() => credential.GetAccessTokenForRequestAsync()), Baseline: true),
            new Contender("YtOAuth `AuthEngine.GetAccessTokenAsync`", () => Time(() => engine.GetAccessTokenAsync("default"))));
        return new CaseResult("Warm token", "A valid access token from memory, in process (.NET); each round is the mean of " + calls.ToString("N0") + " calls.",
            "ns", series, new[] { BarFor(series, 1, 0, 0.6) });
    }

    public static async Task<CaseResult> PlaylistsAsync(BenchContext context)
    {
        var floor = await FloorClientAsync(context);
        var playlistsUri = context.Emulator.BaseUri + "youtube/v3/playlists?part=snippet,status,contentDetails&mine=true&maxResults=50";

        async Task<Sample> Floor(bool fields)
        {
            var watch = Stopwatch.StartNew();
            var count = 0L;
            string? pageToken = null;
            do
            {
                var uri = playlistsUri + (fields ? "&fields=" + Uri.EscapeDataString(BenchContext.PlaylistFields) : "") + (pageToken == null ? "" : "&pageToken=" + pageToken);
                await using var body = await floor.GetStreamAsync(uri);
                using var page = await JsonDocument.ParseAsync(body);
                count += page.RootElement.GetProperty("items").GetArrayLength();
                pageToken = page.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            }
            while (pageToken != null);
            return new Sample(watch.Elapsed.TotalMilliseconds, count);
        }

        // What `fields` saves on the wire, measured once each way with the floor (time on loopback cannot show it).
        var withFields = await BytesSentAsync(context, () => Floor(fields: true));
        var wholeParts = await BytesSentAsync(context, () => Floor(fields: false));

        var series = await AlternateAsync(context, context.Rounds, EmulatorProcess.Playlists,
            new Contender("fetch() loop (Node.js)", () => context.Node.RunAsync("playlists fetch"), Baseline: true, Runs: context.Inner * 2),
            new Contender("raw HTTP floor (.NET `HttpClient` + `JsonDocument`)", () => Floor(fields: true), Runs: context.Inner * 2),
            new Contender("googleapis `youtube.playlists.list` (Node.js)", () => context.Node.RunAsync("playlists googleapis"), Runs: context.Inner * 2),
            new Contender("`Invoke-RestMethod` loop (pwsh)", () => context.PowerShell.RunAsync("playlists irm")),
            new Contender("YtOAuth `Get-YouTubePlaylist` (pwsh)", () => context.PowerShell.RunAsync("playlists module"), Runs: context.Inner * 2));
        return new CaseResult("5,000 playlists", "100 pages of 50, every contender asking for the same parts and `fields`, times inside each process.", "ms", series,
            new[] { BarFor(series, 4, 0, 1.05), BarFor(series, 4, 1, double.NaN) },
            $"Bytes on the wire for the 5,000 playlists: {withFields:N0} with YtOAuth's `fields`, {wholeParts:N0} for the whole parts ({(double)withFields / wholeParts:P0}).");
    }

    public static async Task<CaseResult> ReportAsync(BenchContext context)
    {
        var floor = await FloorClientAsync(context);
        var reportUri = context.Emulator.BaseUri + "v2/reports?ids=channel%3D%3DMINE&startDate=" + EmulatorProcess.FirstDay.ToString("yyyy-MM-dd") + "&endDate=" +
                        EmulatorProcess.LastDay.ToString("yyyy-MM-dd") + "&metrics=" + Uri.EscapeDataString(BenchContext.Metrics) + "&dimensions=" + Uri.EscapeDataString(BenchContext.Dimensions);

        async Task<Sample> Floor()
        {
            var watch = Stopwatch.StartNew();
            await using var body = await floor.GetStreamAsync(reportUri);
            using var report = await JsonDocument.ParseAsync(body);
            return new Sample(watch.Elapsed.TotalMilliseconds, report.RootElement.GetProperty("rows").GetArrayLength());
        }

        var series = await AlternateAsync(context, context.Rounds, EmulatorProcess.ReportRows,
            new Contender("googleapis `youtubeAnalytics.reports.query` (Node.js)", () => context.Node.RunAsync("report googleapis"), Baseline: true, Runs: context.Inner * 2),
            new Contender("fetch() + `json()` (Node.js)", () => context.Node.RunAsync("report fetch"), Runs: context.Inner * 2),
            new Contender("raw HTTP floor (.NET `HttpClient` + `JsonDocument`)", Floor, Runs: context.Inner * 2),
            new Contender("`Invoke-RestMethod` + `[pscustomobject]` per row (pwsh)", () => context.PowerShell.RunAsync("report irm"), Runs: 3),
            new Contender("YtOAuth `Get-YouTubeAnalytics` (pwsh)", () => context.PowerShell.RunAsync("report module"), Runs: context.Inner * 2));
        return new CaseResult("100,000-row report", "One reports.query answer (day × device type × operating system; views, estimatedMinutesWatched), the same columns for all; the rows are kept, as by `$rows = ...`.",
            "ms", series, new[] { BarFor(series, 4, 0, 1.5), BarFor(series, 4, 3, 1.0) });
    }

    public static async Task<CaseResult> ReportProcessAsync(BenchContext context)
    {
        var series = await AlternateAsync(context, context.Rounds, null,
            new Contender("`node peers.mjs report-tsv` (fetch, tab-separated out)", () => Processes.TimeAsync("node",
                new[] { Repo.Path("benchmarks", "node", "peers.mjs"), "report-tsv" }, context.NodeEnvironment, context.Work), Baseline: true),
            new Contender("`ytoauth analytics` (tab-separated out)", () => Processes.TimeAsync(context.Cli, CliReport(context, null), new Dictionary<string, string>(), context.Work)));
        return new CaseResult("100,000-row report, whole process", "Start to exit, output piped and thrown away, as a scheduled job's.", "ms", series, new[] { BarFor(series, 1, 0, 1.2) });
    }

    public static async Task<CaseResult> ColdStartAsync(BenchContext context)
    {
        Task<Sample> Pwsh(string command) => Processes.TimeAsync("pwsh", new[] { "-NoProfile", "-NonInteractive", "-Command", command }, context.ColdEnvironment, context.Work);
        var vault = context.ColdVault;
        var series = await AlternateAsync(context, context.Rounds, null,
            new Contender("`pwsh -c $null`", () => Pwsh("$null"), Baseline: true),
            new Contender($"`pwsh -c Get-Secret` ({vault}, one secret)", () => Pwsh("$null = Get-Secret -Name bench-probe -AsPlainText")),
            new Contender($"`pwsh -c` `Import-Module YtOAuth; Get-YouTubeToken` (from {vault})", () => Pwsh("Import-Module '" + context.ModuleManifest + "'; $null = Get-YouTubeToken -Profile cold")));
        return new CaseResult("Scheduled script, cold start", $"A new `pwsh -NoProfile -NonInteractive` process each time, with {vault} (no password) as its default vault.",
            "ms", series, new[] { BarFor(series, 2, 0, double.NaN), BarFor(series, 2, 1, double.NaN) });
    }

    /// <summary>Peak resident memory of a whole process against the number of rows; not-kept rows should not grow it.</summary>
    public static async Task<CaseResult> MemoryAsync(BenchContext context)
    {
        var sizes = new[] { 10_000, 25_000, 50_000, 100_000 };
        var pwshGrant = await context.Emulator.NewGrantAsync();
        var pwshEnvironment = context.Environment(pwshGrant);
        var connect = BenchContext.ImportAndConnect("mem", "Process") +
                      "$report = @{ StartDate = $env:YTOAUTH_BENCH_START; EndDate = $env:YTOAUTH_BENCH_END; Metrics = $env:YTOAUTH_BENCH_METRICS -split ','; Dimensions = $env:YTOAUTH_BENCH_DIMENSIONS -split ',' }; ";
        // pwsh prints what the managed heap still holds after a full collection: the rows kept, or nothing.
        Task<Sample> Pwsh(string statement) => Processes.TimeAsync("pwsh", new[]
        {
            "-NoProfile", "-NonInteractive", "-Command", connect + statement + "; [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::GetTotalMemory($true) / 1MB",
        }, pwshEnvironment, context.Work, keepLastLine: true);
        var contenders = new (string Name, Func<int, Task<Sample>> Run, bool Retained)[]
        {
            ("`node peers.mjs report-tsv` (fetch)", n => Processes.TimeAsync("node", new[] { Repo.Path("benchmarks", "node", "peers.mjs"), "report-tsv" },
                new Dictionary<string, string>(context.NodeEnvironment) { ["YTOAUTH_BENCH_MAX_RESULTS"] = n.ToString() }, context.Work), false),
            ("`ytoauth analytics --max N`", n => Processes.TimeAsync(context.Cli, CliReport(context, n), new Dictionary<string, string>(), context.Work), false),
            ("pwsh: `$null = Get-YouTubeAnalytics -MaxResults N` (rows not kept)", n => Pwsh($"$null = Get-YouTubeAnalytics -Profile mem @report -MaxResults {n}"), true),
            ("pwsh: `$rows = Get-YouTubeAnalytics -MaxResults N` (rows kept)", n => Pwsh($"$rows = Get-YouTubeAnalytics -Profile mem @report -MaxResults {n}"), true),
        };
        const int repeats = 3;
        var table = new List<Series>();
        foreach (var (name, run, retained) in contenders)
        {
            var peak = new Series(name + ", peak", table.Count == 0);
            var held = new Series(name + ", managed heap after", false);
            foreach (var n in sizes)
            {
                var samples = new List<Sample>();
                for (var i = 0; i < repeats; i++)
                {
                    samples.Add(await run(n));
                }

                peak.Values.Add(Statistics.Median(samples.Select(s => s.PeakMiB).ToList()));
                held.Values.Add(retained ? Statistics.Median(samples.Select(s => double.Parse(s.LastLine!, CultureInfo.InvariantCulture)).ToList()) : double.NaN);
            }

            table.Add(peak);
            if (retained)
            {
                table.Add(held);
            }

            Console.Error.WriteLine($"  memory: {name}: {string.Join(", ", peak.Values.Select(v => v.ToString("F0") + " MiB"))}");
        }

        return new CaseResult("Memory against rows", "Peak resident set (VmHWM) of the whole process, and for pwsh what its managed heap still holds " +
            "after the report and a full collection; median of " + repeats + " runs, for " + string.Join(", ", sizes.Select(s => s.ToString("N0"))) + " rows. " +
            "Peaks rise by less than the rows' size: the garbage collector lets its heap grow before it collects.", "MiB", table, Array.Empty<Bar>()) { Sizes = sizes };
    }

    private static string[] CliReport(BenchContext context, int? max) => new[]
    {
        "analytics", "--store", context.CliStore, "--start", EmulatorProcess.FirstDay.ToString("yyyy-MM-dd"), "--end", EmulatorProcess.LastDay.ToString("yyyy-MM-dd"),
        "--metrics", BenchContext.Metrics, "--dimensions", BenchContext.Dimensions,
    }.Concat(max.HasValue ? new[] { "--max", max.Value.ToString() } : Array.Empty<string>()).ToArray();

    /// <summary>Plain HttpClient with gzip and a bearer token: the least any client must do.</summary>
    private static async Task<HttpClient> FloorClientAsync(BenchContext context)
    {
        var grant = await context.Emulator.NewGrantAsync();
        var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await context.Emulator.AccessTokenAsync(grant));
        return client;
    }

    private static async Task<long> BytesSentAsync(BenchContext context, Func<Task<Sample>> run)
    {
        using var http = new HttpClient();
        await http.PostAsync(new Uri(context.Emulator.BaseUri, "emulator/counters/reset"), null);
        await run();
        using var counters = JsonDocument.Parse(await http.GetStringAsync(new Uri(context.Emulator.BaseUri, "emulator/counters")));
        return counters.RootElement.GetProperty("bytesSent").GetInt64();
    }

    /// <summary>
    /// Runs every contender once a round, in an order that rotates each round, after warm-up rounds that are not
    /// kept. A contender that got another count than <paramref name="expectedCount"/> stops the benchmark.
    /// </summary>
    private static async Task<IReadOnlyList<Series>> AlternateAsync(BenchContext context, int rounds, long? expectedCount, params Contender[] contenders)
    {
        var series = contenders.Select(c => new Series(c.Name, c.Baseline)).ToArray();
        var most = contenders.Max(c => c.Runs ?? context.Inner);
        for (var round = -WarmupRounds; round < rounds; round++)
        {
            // Runs interleave (A B C, A B C, ...) so that a slow moment of the machine falls on every contender alike.
            var runs = contenders.Select(_ => new List<double>()).ToArray();
            for (var i = 0; i < most; i++)
            {
                for (var k = 0; k < contenders.Length; k++)
                {
                    var index = (k + Math.Max(round, 0)) % contenders.Length;
                    if (i >= (contenders[index].Runs ?? context.Inner))
                    {
                        continue;
                    }

                    GC.Collect(); // the runner's own garbage (its in-process contenders) is not the next run's cost
                    GC.WaitForPendingFinalizers();
                    var sample = await contenders[index].Run();
                    if (expectedCount.HasValue && sample.Count != expectedCount.Value)
                    {
                        throw new InvalidOperationException($"{contenders[index].Name} got {sample.Count:N0} instead of {expectedCount:N0}: the contenders are not doing the same work.");
                    }

                    runs[index].Add(sample.Milliseconds);
                }
            }

            if (round >= 0)
            {
                for (var index = 0; index < contenders.Length; index++)
                {
                    series[index].Values.Add(Statistics.TrimmedMean(runs[index]));
                }
            }

            Console.Error.Write(round < 0 ? "w" : ".");
        }

        Console.Error.WriteLine();
        return series;
    }

    private static Bar BarFor(IReadOnlyList<Series> series, int contender, int against, double limit)
    {
        var (ratio, sd) = Statistics.Ratio(series[contender], series[against]);
        return new Bar(series[contender].Name, series[against].Name, limit, ratio, sd);
    }
}
