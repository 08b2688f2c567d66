using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace YtOAuth.Benchmarks;

/// <summary>
/// Everything the cases share: the emulator, the built module and CLI, warm workers (pwsh, node), and the
/// environment each contender gets. Made once; the workers connect before any round is timed.
/// </summary>
internal sealed class BenchContext : IAsyncDisposable
{
    /// <summary>The Data API partial response YtOAuth asks for; every playlist contender asks for the same.</summary>
    public const string PlaylistFields = "nextPageToken,pageInfo/totalResults,items(id,snippet(publishedAt,channelId,title,description,channelTitle,thumbnails/default/url),status/privacyStatus,contentDetails/itemCount)";
    /// <summary>The report every contender asks for: Google's "Device types and operating systems" by day (Google serves it; day × video × country it does not).</summary>
    public const string Metrics = "views,estimatedMinutesWatched";
    public const string Dimensions = "day,deviceType,operatingSystem";

    private BenchContext(int rounds, int inner, string work, EmulatorProcess emulator)
    {
        Rounds = rounds;
        Inner = inner;
        Work = work;
        Emulator = emulator;
    }

    public int Rounds { get; }

    /// <summary>Runs of a contender in a round; the round keeps their median.</summary>
    public int Inner { get; }
    public string Work { get; }
    public EmulatorProcess Emulator { get; }
    public string ModuleManifest { get; private set; } = "";
    public string Cli { get; private set; } = "";
    public string CliStore { get; private set; } = "";
    public string ColdHome { get; private set; } = "";

    /// <summary>The vault of the cold-start case: "SecretStore", or "the test vault" where SecretStore is not installed.</summary>
    public string ColdVault { get; private set; } = "SecretStore";

    /// <summary>The environment of the cold-start processes: their home, and the test vault's modules where needed.</summary>
    public Dictionary<string, string> ColdEnvironment { get; } = new Dictionary<string, string>();
    public LineWorker PowerShell { get; private set; } = null!;
    public LineWorker Node { get; private set; } = null!;
    public Dictionary<string, string> NodeEnvironment { get; private set; } = new();
    public Dictionary<string, string> ToolVersions { get; } = new();

    public static async Task<BenchContext> CreateAsync(int rounds, int inner)
    {
        var versions = new Dictionary<string, string>
        {
            ["pwsh"] = await VersionAsync("pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"),
            ["node"] = await VersionAsync("node", "--version"),
        };
        await NodePeersAsync();
        var module = Directory.GetFiles(Repo.Path("out", "YtOAuth"), "YtOAuth.psd1", SearchOption.AllDirectories).Single();
        var cli = Repo.Path("src", "YtOAuth.Cli", "bin", "Release", "net10.0", "ytoauth");
        var emulatorDll = Repo.Path("src", "YtOAuth.Emulator", "bin", "Release", "net10.0", "YtOAuth.Emulator.dll");
        foreach (var built in new[] { cli, emulatorDll })
        {
            if (!File.Exists(built))
            {
                throw new MissingToolException(built + " is missing: build in Release first (dotnet build YtOAuth.sln -c Release).");
            }
        }

        var work = Directory.CreateTempSubdirectory("ytoauth-bench-").FullName;
        Console.Error.WriteLine("Starting the emulator (5,000 playlists, a 100,000-row report) in its own process...");
        var emulator = await EmulatorProcess.StartAsync(emulatorDll, work);
        var context = new BenchContext(rounds, inner, work, emulator) { ModuleManifest = module, Cli = cli };
        foreach (var (tool, version) in versions)
        {
            context.ToolVersions[tool] = version;
        }

        await context.StartWorkersAsync();
        await context.PrepareCliAsync();
        await context.PrepareVaultAsync();
        return context;
    }

    /// <summary>What every contender is told: the server, the report and the partial response.</summary>
    public Dictionary<string, string> Environment(Grant grant, string? accessToken = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["YTOAUTH_BENCH_BASE"] = Emulator.BaseUri.AbsoluteUri,
            ["YTOAUTH_BENCH_CLIENT_ID"] = grant.ClientId,
            ["YTOAUTH_BENCH_CLIENT_SECRET"] = grant.ClientSecret,
            ["YTOAUTH_BENCH_CLIENT_SECRET_PATH"] = Emulator.ClientSecretPath,
            ["YTOAUTH_BENCH_REFRESH_TOKEN"] = grant.RefreshToken,
            ["YTOAUTH_BENCH_START"] = EmulatorProcess.FirstDay.ToString("yyyy-MM-dd"),
            ["YTOAUTH_BENCH_END"] = EmulatorProcess.LastDay.ToString("yyyy-MM-dd"),
            ["YTOAUTH_BENCH_METRICS"] = Metrics,
            ["YTOAUTH_BENCH_DIMENSIONS"] = Dimensions,
            ["YTOAUTH_BENCH_FIELDS"] = PlaylistFields,
            ["YTOAUTH_BENCH_MODULE"] = ModuleManifest,
        };
        if (accessToken != null)
        {
            environment["YTOAUTH_BENCH_ACCESS_TOKEN"] = accessToken;
        }

        return environment;
    }

    private async Task StartWorkersAsync()
    {
        var pwshGrant = await Emulator.NewGrantAsync();
        PowerShell = LineWorker.Start("pwsh", new[] { "-NoProfile", "-NonInteractive", "-File", Repo.Path("benchmarks", "pwsh", "worker.ps1") },
            Environment(pwshGrant), Work);
        var nodeGrant = await Emulator.NewGrantAsync();
        NodeEnvironment = Environment(nodeGrant, await Emulator.AccessTokenAsync(nodeGrant));
        Node = LineWorker.Start("node", new[] { "--expose-gc", Repo.Path("benchmarks", "node", "peers.mjs"), "worker" }, NodeEnvironment, Work);

        // Nothing is timed while a worker is still starting (importing, connecting): it would take the CPU from the case.
        await PowerShell.RunAsync("ready");
        await Node.RunAsync("ready");
    }

    /// <summary>A CLI store holding a grant, as after `ytoauth connect` (the refresh token never on a command line).</summary>
    private async Task PrepareCliAsync()
    {
        var grant = await Emulator.NewGrantAsync();
        CliStore = Path.Combine(Work, "cli-store");
        var environment = new Dictionary<string, string> { ["YTOAUTH_BENCH_REFRESH_TOKEN"] = grant.RefreshToken };
        await Processes.RunAsync(Cli, new[]
        {
            "connect", "--client-secret", Emulator.ClientSecretPath, "--store", CliStore, "--endpoint-base", Emulator.BaseUri.AbsoluteUri,
            "--refresh-token-env", "YTOAUTH_BENCH_REFRESH_TOKEN",
        }, environment, Work);
    }

    /// <summary>
    /// A home of its own with a SecretStore vault (no password, as for scheduled jobs) holding a YtOAuth grant and
    /// one plain secret: what a scheduled script's cold start reads.
    /// </summary>
    private async Task PrepareVaultAsync()
    {
        ColdHome = Path.Combine(Work, "home");
        Directory.CreateDirectory(ColdHome);
        ColdEnvironment["HOME"] = ColdHome;
        // Where the PowerShell Gallery cannot be reached, SecretStore is not installed: the Pester suite's test vault
        // stands in (a file vault in PowerShell script), and the table says which vault was read.
        var secretStore = await Processes.RunAsync("pwsh", new[] { "-NoProfile", "-NonInteractive", "-Command",
            "[bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretStore)" }, new Dictionary<string, string>(), Work);
        if (secretStore.Trim() != "True")
        {
            ColdVault = "the test vault";
            ColdEnvironment["PSModulePath"] = Repo.Path("tests", "pester", "TestVault") + Path.PathSeparator +
                                              (System.Environment.GetEnvironmentVariable("PSModulePath") ?? "");
        }

        var grant = await Emulator.NewGrantAsync();
        var environment = Environment(grant);
        foreach (var pair in ColdEnvironment)
        {
            environment[pair.Key] = pair.Value;
        }

        await Processes.RunAsync("pwsh", new[]
        {
            "-NoProfile", "-NonInteractive", "-Command",
            "$ErrorActionPreference = 'Stop'; " +
            "Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None -Confirm:$false -Password (ConvertTo-SecureString ([guid]::NewGuid()) -AsPlainText -Force); " +
            "Register-SecretVault -Name YtOAuth -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault -AllowClobber; " +
            "Set-Secret -Name bench-probe -Secret 'not a token'; " +
            ImportAndConnect("cold", "CurrentUser"),
        }, environment, Work);
    }

    /// <summary>PowerShell that imports the module and connects a profile from the environment's grant (see <see cref="Environment"/>).</summary>
    public static string ImportAndConnect(string profile, string contextScope) =>
        "Import-Module $env:YTOAUTH_BENCH_MODULE; Connect-YouTube -ClientSecretPath $env:YTOAUTH_BENCH_CLIENT_SECRET_PATH " +
        "-RefreshToken (ConvertTo-SecureString $env:YTOAUTH_BENCH_REFRESH_TOKEN -AsPlainText -Force) -EndpointBaseUri $env:YTOAUTH_BENCH_BASE " +
        $"-Profile {profile} -ContextScope {contextScope} | Out-Null; ";

    /// <summary>Google's npm clients, pinned in benchmarks/node/package-lock.json, installed on first use.</summary>
    private static async Task NodePeersAsync()
    {
        var folder = Repo.Path("benchmarks", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@googleapis", "youtube")))
        {
            Console.Error.WriteLine("Installing the Node.js peers (npm ci in benchmarks/node)...");
            await Processes.RunAsync("npm", new[] { "ci", "--no-audit", "--no-fund" }, new Dictionary<string, string>(), folder);
        }
    }

    private static async Task<string> VersionAsync(string tool, params string[] arguments)
    {
        try
        {
            return (await Processes.RunAsync(tool, arguments, new Dictionary<string, string>(), Repo.Root)).Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new MissingToolException(tool + " is not on PATH. Set up the machine first (bash .ci/setup).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await PowerShell.DisposeAsync();
        await Node.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
