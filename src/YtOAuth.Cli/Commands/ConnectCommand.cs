using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth connect: sign in (browser, device code, or a refresh token given unattended) and keep the grant.</summary>
internal sealed class ConnectCommand : VerbCommand
{
    private readonly Option<FileInfo> secret = new("--client-secret") { Description = "client_secret.json of an OAuth client of type Desktop app.", Required = true };
    private readonly Option<string[]> scope = CommaListOption.Create("--scope", "ReadOnly, Analytics, AnalyticsMonetary, Manage, ForceSsl, Upload, Partner, or scope URLs (comma-separated).");
    private readonly Option<bool> device = new("--device") { Description = "Sign in with a code on another device (Google allows ReadOnly and Manage only)." };
    private readonly Option<bool> noBrowser = new("--no-browser") { Description = "Print the URL instead of opening a browser; paste the address a browser elsewhere ends on." };
    private readonly Option<int> timeout = new Option<int>("--timeout") { Description = "Seconds to wait for consent (10-3600).", DefaultValueFactory = _ => 300 }.Ranged(10, 3600);
    private readonly Option<bool> force = new("--force") { Description = "Ask for consent even if the profile holds a working grant." };
    private readonly Option<string?> hint = new("--login-hint") { Description = "Account to preselect on the consent page." };
    private readonly Option<string?> refreshEnv = new("--refresh-token-env") { Description = "Connect unattended from the refresh token in this environment variable (never on the command line, where ps shows it)." };
    private readonly Option<bool> refreshStdin = new("--refresh-token-stdin") { Description = "Connect unattended from a refresh token read from standard input." };
    private readonly EndpointOptions endpoints = new();

    public ConnectCommand()
        : base("connect", "Sign in and keep the grant. Examples:" + Environment.NewLine +
                          "  ytoauth connect --client-secret ~/client_secret.json" + Environment.NewLine +
                          "  YT_REFRESH_TOKEN=... ytoauth connect --client-secret cs.json --store /run/ytoauth --refresh-token-env YT_REFRESH_TOKEN")
    {
        Add(secret, scope, device, noBrowser, timeout, force, hint, refreshEnv, refreshStdin, SharedOptions.Json);
        Add(endpoints.All.ToArray());
        scope.Aliases.Add("--scopes"); // the module's parameter is -Scopes, so hands type it both ways
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var client = ClientSecretFile.Load(parse.GetValue(secret)!.FullName, endpoints.Choices(parse));
        var options = new ConnectOptions
        {
            Profile = parse.GetValue(SharedOptions.Profile)!,
            Scopes = Scopes.Resolve(parse.GetValue(scope)),
            Force = parse.GetValue(force),
            LoginHint = parse.GetValue(hint),
            OpenBrowser = !parse.GetValue(noBrowser),
            Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            // The engine's rule for who can answer; a redirected stream is no reason here (a pasted address comes on stdin).
            AllowInteraction = Interaction.WhyUnattended(new InteractionFacts()) == null,
            // With no browser here, the address a browser elsewhere ended on can be pasted on standard input.
            ReadPastedAddress = parse.GetValue(noBrowser) ? ct => Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(ct) : null,
        };
        using var engine = StoreFolder.OpenEngine(parse);
        var refreshToken = parse.GetValue(refreshEnv) is { } name
            ? Environment.GetEnvironmentVariable(name) ?? throw new YtOAuthException(ErrorCode.InvalidArgument, "The environment variable " + name + " is not set.", name)
            : parse.GetValue(refreshStdin) ? await Console.In.ReadLineAsync(cancel) ?? string.Empty : null;
        var result = refreshToken != null ? await engine.ConnectWithRefreshTokenAsync(client, refreshToken.Trim(), options, cancel)
            : parse.GetValue(device) ? await engine.ConnectWithDeviceCodeAsync(client, options, cancel)
            : await engine.ConnectAsync(client, options, cancel);
        return Report(result, parse.GetValue(SharedOptions.Json));
    }

    /// <summary>The connected profile in one line (or one JSON object); a declined consent is an error that says what to do.</summary>
    public static int Report(ConnectResult result, bool json = false)
    {
        if (!result.Connected)
        {
            throw new YtOAuthException(ErrorCode.ConsentDenied, "Consent was declined (" + result.DeclinedReason + "); nothing was stored. Run connect again and choose Allow.");
        }

        var p = result.Profile!;
        if (json)
        {
            Output.JsonObject(("Profile", p.Profile), ("Channel", p.AccountLabel), ("ChannelId", p.ChannelId), ("Scopes", Format.Scopes(p.Scopes)),
                ("MissingScopes", Format.Scopes(result.MissingScopes)), ("Reused", result.ReusedExistingGrant), ("Store", p.Store));
            return ExitCodes.Success;
        }

        Console.WriteLine($"Connected profile '{p.Profile}' to {p.AccountLabel ?? "(unknown channel)"} {p.ChannelId} with {Format.Text(Format.Scopes(p.Scopes))}; stored in {p.Store}.");
        return ExitCodes.Success;
    }
}
