using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// What revoke and disconnect share: end the profile's grant one way, then say on stderr what became of it (standard
/// output stays empty for scripts).
/// </summary>
internal abstract class GrantEnding(string name, string description) : VerbCommand(name, description)
{
    protected sealed override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var profile = parse.GetValue(SharedOptions.Profile)!;
        await EndAsync(engine, profile, cancel);
        Console.Error.WriteLine(Said(profile));
        return ExitCodes.Success;
    }

    /// <summary>Ends the grant; throws when there is none to end or it could not be ended.</summary>
    protected abstract Task EndAsync(AuthEngine engine, string profile, CancellationToken cancel);

    /// <summary>The line that says what became of the grant.</summary>
    protected abstract string Said(string profile);
}
