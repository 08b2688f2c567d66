namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth contexts (alias profiles): the stored grants, never a secret.</summary>
internal sealed class ContextsCommand : VerbCommand
{
    public ContextsCommand()
        : base("contexts", "List the stored grants: profile, channel, scopes, expiry (never a secret). Example:" + Environment.NewLine + "  ytoauth contexts --json")
    {
        Add(SharedOptions.Json);
        Aliases.Add("profiles");
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var rows = Output.Rows(parse.GetValue(SharedOptions.Json), "Profile", "Channel", "Scopes", "Consented", "Expires");
        foreach (var p in await engine.GetProfilesAsync(cancel))
        {
            rows.Add(p.Profile, p.AccountLabel, Format.Scopes(p.Scopes), p.ConsentUtc.Date, p.AccessTokenExpiresUtc);
        }

        rows.End();
        return ExitCodes.Success;
    }
}
