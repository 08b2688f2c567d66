using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli;

/// <summary>
/// ytoauth: the engine from a plain shell. `demo` runs the whole flow against the built-in Google emulator;
/// the other commands work against Google (or any endpoints the client_secret.json names).
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage: ytoauth <command> [options]
          demo        [--auto-approve] [--no-browser]   the whole flow against the built-in Google emulator
          connect     --client-secret FILE [--scope ReadOnly,Analytics] [--device] [--no-browser] [--timeout SEC] [--force]
          token       [--force-refresh] [--min-validity SEC]   prints a valid access token
          playlists   [--channel ID | --id ID,ID] [--first N]   (public data without sign-in: YTOAUTH_API_KEY=KEY)
          analytics   --start yyyy-MM-dd --end yyyy-MM-dd --metrics views[,..] [--dimensions day[,..]] [--max N]
          revoke      revokes at Google and forgets the grant
          disconnect  forgets the grant here only (it stays valid at Google)
          profiles    lists stored grants (no secrets)
        Common: --store DIR (required: where grants are kept, as 0600 files)  --profile NAME (default: default)  --verbose
                --endpoint-base URL (or YTOAUTH_ENDPOINT_BASE): send every request to this host instead of Google
                connect also takes --authorization-endpoint, --token-endpoint, --revocation-endpoint, --device-endpoint, --api-base URL
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var options = Options.Parse(args.Skip(1));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var log = EngineLog.Use(new ConsoleSink(options.Has("verbose")));
        try
        {
            return args[0] switch
            {
                "demo" => await Demo.RunAsync(options, stop.Token),
                "connect" or "token" or "playlists" or "analytics" or "revoke" or "disconnect" or "profiles" => await RunAsync(args[0], options, stop.Token),
                _ => Fail("Unknown command '" + args[0] + "'. Run ytoauth --help."),
            };
        }
        catch (YtOAuthException e)
        {
            var remedy = Render(e.Remedy, options.Get("store"));
            return Fail(e.Message + " [" + e.Code + "]" + (remedy == null ? "" : Environment.NewLine + "  " + remedy));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 130;
        }
    }

    internal static async Task<int> RunAsync(string command, Options options, CancellationToken cancellationToken)
    {
        // Grants go to plain files only where the user says so; the PowerShell module keeps them in a vault.
        var folder = options.Get("store") ?? throw new YtOAuthException(ErrorCode.InvalidArgument,
            "ytoauth keeps grants in files only where you say: pass --store DIR (created 0700, one 0600 file per profile), for example --store "
            + FileTokenStore.DefaultFolder() + ". To keep them in a SecretManagement vault, use the PowerShell module.");
        var store = new FileTokenStore(folder);
        var profile = options.Get("profile") ?? ProfileName.Default;
        using var engine = new AuthEngine(new AuthEngineOptions { Store = store });
        switch (command)
        {
            case "connect":
            {
                var client = ClientSecretFile.Load(options.Get("client-secret") ?? throw new YtOAuthException(ErrorCode.InvalidArgument, "connect needs --client-secret FILE."),
                    Choices(options));
                var connect = ConnectOptions(options, profile);
                var result = options.Has("device")
                    ? await engine.ConnectWithDeviceCodeAsync(client, connect, cancellationToken)
                    : await engine.ConnectAsync(client, connect, cancellationToken);
                return Report(result);
            }

            case "token":
            {
                var token = await engine.GetAccessTokenAsync(profile, TimeSpan.FromSeconds(options.Int("min-validity") ?? 0), options.Has("force-refresh"), cancellationToken);
                Console.WriteLine(token.Token);
                return 0;
            }

            case "playlists":
            {
                // The key from the environment keeps it out of the process list; --api-key still works for a quick try.
                var key = options.Get("api-key") ?? Environment.GetEnvironmentVariable("YTOAUTH_API_KEY");
                var youtube = key == null ? engine.YouTube(profile) : engine.YouTubeWithApiKey(key, GoogleEndpoints.Resolve(options.Get("endpoint-base")));
                var query = new PlaylistQuery { ChannelId = options.Get("channel"), Ids = options.Get("id")?.Split(','), Limit = options.Int("first") };
                query.Mine = query.ChannelId == null && query.Ids == null;
                await foreach (var playlist in youtube.ListPlaylistsAsync(query, cancellationToken))
                {
                    Console.WriteLine($"{playlist.Id}  {playlist.Privacy,-8}  {playlist.ItemCount,5}  {playlist.Title}");
                }

                return 0;
            }

            case "analytics":
            {
                var report = await engine.Analytics(profile).QueryAsync(new AnalyticsQuery
                {
                    StartDate = DateTime.Parse(options.Get("start") ?? DateTime.UtcNow.AddDays(-28).ToString("yyyy-MM-dd")),
                    EndDate = DateTime.Parse(options.Get("end") ?? DateTime.UtcNow.ToString("yyyy-MM-dd")),
                    Metrics = (options.Get("metrics") ?? "views").Split(','),
                    Dimensions = options.Get("dimensions")?.Split(',') ?? Array.Empty<string>(),
                    MaxResults = options.Int("max"),
                }, cancellationToken);
                PrintReport(report);
                return 0;
            }

            case "revoke":
                await engine.RevokeAsync(profile, cancellationToken);
                Console.Error.WriteLine($"Revoked and forgot profile '{profile}'.");
                return 0;

            case "disconnect":
                if (!await engine.ForgetAsync(profile, cancellationToken))
                {
                    throw EngineErrors.NotConnected(profile, store.Description);
                }

                Console.Error.WriteLine($"Forgot profile '{profile}' here; the grant stays valid at Google until revoked.");
                return 0;

            default:
                foreach (var p in await engine.GetProfilesAsync(cancellationToken))
                {
                    Console.WriteLine($"{p.Profile,-12} {p.AccountLabel ?? "-",-20} consent {p.ConsentUtc:yyyy-MM-dd}  scopes: {string.Join(",", p.Scopes.Select(Scopes.ShortName))}");
                }

                return 0;
        }
    }

    /// <summary>What to do, in this CLI's commands and flags.</summary>
    internal static string? Render(Remedy? remedy, string? folder)
    {
        var store = " --store " + (folder ?? "DIR");
        return remedy?.Kind switch
        {
            RemedyKind.Connect => "Run: ytoauth connect --client-secret <client_secret.json>" + store + " --profile " + remedy.Profile +
                                  (remedy.Scopes == null ? "" : " --scope " + string.Join(",", remedy.Scopes)) + (remedy.Force ? " --force" : ""),
            RemedyKind.AllowMoreTime => "Run ytoauth connect again and finish consent in the browser, or allow more time with --timeout SEC.",
            RemedyKind.UseBrowserFlow => "Ask for --scope " + string.Join(",", remedy.Scopes ?? Array.Empty<string>()) +
                                         ", or sign in with the browser flow: ytoauth connect without --device (add --no-browser, and forward the port with ssh -L, if this machine has no browser).",
            RemedyKind.RevokeLaterOrForget => "Run ytoauth revoke" + store + " --profile " + remedy.Profile + " again when Google can be reached, or ytoauth disconnect" + store +
                                              " --profile " + remedy.Profile + " to forget the grant here only.",
            _ => null,
        };
    }

    /// <summary>The endpoints named by flags (or YTOAUTH_ENDPOINT_BASE); the engine decides the rest, as for the module.</summary>
    internal static EndpointChoices Choices(Options options)
    {
        var choices = EndpointChoices.FromBase(options.Get("endpoint-base"));
        Uri? Flag(string name) => options.Get(name) is { } value ? EndpointChoices.Checked(value, "--" + name) : null;
        var api = Flag("api-base") is { } apiBase ? GoogleEndpoints.ForBaseUri(apiBase) : null;
        choices.Authorization = Flag("authorization-endpoint");
        choices.Token = Flag("token-endpoint");
        choices.Revocation = Flag("revocation-endpoint");
        choices.DeviceAuthorization = Flag("device-endpoint");
        choices.YouTubeData = api?.YouTubeData;
        choices.Analytics = api?.Analytics;
        return choices;
    }

    internal static ConnectOptions ConnectOptions(Options options, string profile) => new()
    {
        Profile = profile,
        Scopes = Scopes.Resolve(options.Get("scope")?.Split(',')),
        Force = options.Has("force"),
        OpenBrowser = !options.Has("no-browser"),
        Timeout = TimeSpan.FromSeconds(options.Int("timeout") ?? 300),
        AllowInteraction = Interaction.CiMarker() == null,
        // With no browser here, the address a browser elsewhere ended on can be pasted on standard input.
        ReadPastedAddress = options.Has("no-browser") ? ct => Console.In.ReadLineAsync().WaitAsync(ct) : null,
    };

    internal static int Report(ConnectResult result)
    {
        if (!result.Connected)
        {
            return Fail("Consent was declined (" + result.DeclinedReason + "); nothing was stored.");
        }

        var p = result.Profile!;
        Console.WriteLine($"Connected profile '{p.Profile}' to {p.AccountLabel ?? "(unknown channel)"} {p.ChannelId} with {string.Join(", ", p.Scopes.Select(Scopes.ShortName))}; stored in {p.Store}.");
        return 0;
    }

    internal static void PrintReport(AnalyticsReport report)
    {
        Console.WriteLine(string.Join("\t", report.Columns.Select(c => c.Name)));
        foreach (var row in report.Rows)
        {
            Console.WriteLine(string.Join("\t", row.Select(v => v is DateTime d ? d.ToString("yyyy-MM-dd") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine("ytoauth: " + message);
        return 1;
    }

    private sealed class ConsoleSink(bool verbose) : IEngineSink
    {
        public void Write(EngineMessage message)
        {
            switch (message.Kind)
            {
                case EngineMessageKind.Information: Console.Error.WriteLine(message.Text); break;
                case EngineMessageKind.Warning: Console.Error.WriteLine("WARNING: " + message.Text); break;
                case EngineMessageKind.Verbose when verbose: Console.Error.WriteLine("VERBOSE: " + message.Text); break;
            }
        }
    }
}

/// <summary>--name value and --flag options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var result = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Unexpected argument '" + list[i] + "'. Options start with --; run ytoauth --help.");
            }

            var name = list[i][2..];
            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            result.values[name] = hasValue ? list[++i] : null;
        }

        return result;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

    public int? Int(string name) => Get(name) is { } v ? int.TryParse(v, out var n) ? n
        : throw new YtOAuthException(ErrorCode.InvalidArgument, "--" + name + " takes a whole number, not '" + v + "'.") : null;
}
