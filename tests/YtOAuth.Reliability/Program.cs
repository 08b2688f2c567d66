using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Reliability;

/// <summary>
/// crash: a child process refreshes and stores a grant in a loop and is killed at a random moment, many times; after
/// each kill the store must be readable and hold a grant that works, or, when the server rotates refresh tokens and
/// the kill fell between its answer and the write, a grant whose failure says exactly that.
/// soak: processes x threads ask for tokens for a while on 2-second tokens, with rotation and a slow token endpoint:
/// no failure, refreshes close to elapsed time over the refresh period, and no growth in handles or memory.
/// upload-kill: an upload process killed at random moments and run again, many times: exactly one video of the file
/// in the end, its bytes, no partial or second video (see <see cref="UploadKill"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (args.FirstOrDefault())
        {
            case "crash": return await Crash.RunAsync(options);
            case "soak": return await Soak.RunAsync(options);
            case "refresh-worker": return await Crash.WorkerAsync(options);
            case "soak-worker": return await Soak.WorkerAsync(options);
            case "upload-kill": return await UploadKill.RunAsync(options);
            case "upload-worker": return await UploadKill.WorkerAsync(options);
            default:
                Console.Error.WriteLine("usage: YtOAuth.Reliability crash [--runs 200] [--rotate] | soak [--processes 4] [--threads 8] [--seconds 60] [--lifetime 2] [--token-delay-ms 300]" +
                                        " | upload-kill [--size-mib 64] [--kills 10] [--rounds 1] [--chunk-kib 1024] [--chunk-delay-ms 20] [--seed N]");
                return 2;
        }
    }

    /// <summary>A child process of this tool, as the operating system starts it (through dotnet when it runs as a .dll).</summary>
    internal static Process StartSelf(params string[] arguments)
    {
        var self = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(self);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    /// <summary>An emulator on 127.0.0.1 and a profile connected into a fresh file store.</summary>
    internal static async Task<(GoogleEmulator Google, string Folder, OAuthClient Client)> SetUpAsync(EmulatorSettings settings, System.Collections.Generic.IReadOnlyList<string>? scopes = null)
    {
        settings.AutoApprove = true;
        var google = await GoogleEmulator.StartAsync(settings);
        var folder = Path.Combine(Path.GetTempPath(), "ytoauth-reliability-" + Guid.NewGuid().ToString("N"));
        var client = ClientSecretFile.Parse(google.ClientSecretJson(), "emulator", new EndpointChoices { Base = google.BaseUri });
        await ConnectAsync(folder, client, scopes);
        return (google, folder, client);
    }

    internal static async Task ConnectAsync(string folder, OAuthClient client, System.Collections.Generic.IReadOnlyList<string>? scopes = null)
    {
        using var engine = Engine(folder);
        var connect = new ConnectOptions { Force = true, Timeout = TimeSpan.FromSeconds(30) };
        if (scopes != null)
        {
            connect.Scopes = scopes;
        }

        await engine.ConnectAsync(client, connect, CancellationToken.None);
    }

    internal static AuthEngine Engine(string folder, TimeSpan? skew = null) =>
        new(new AuthEngineOptions { Store = new FileTokenStore(folder), Browser = new RedirectFollower(), RefreshSkew = skew ?? TimeSpan.FromMinutes(5) });
}

/// <summary>Plays the browser for the auto-approving emulator: GET the consent URL and follow the redirect to the loopback listener.</summary>
internal sealed class RedirectFollower : IBrowserLauncher
{
    private static readonly System.Net.Http.HttpClient Http = new();

    public bool TryOpen(Uri url)
    {
        _ = Task.Run(async () => (await Http.GetAsync(url)).Dispose());
        return true;
    }
}

/// <summary>--name value options.</summary>
internal sealed class Options
{
    private readonly System.Collections.Generic.Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.values[args[i].TrimStart('-')] = hasValue ? args[++i] : null;
        }

        return options;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Get(string name) => values.TryGetValue(name, out var v) && v != null ? v : throw new ArgumentException("--" + name + " is needed");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) && v != null ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
