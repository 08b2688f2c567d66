using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth channel: yours, by id or by handle, with its statistics and uploads playlist.</summary>
internal sealed class ChannelCommand : VerbCommand
{
    private readonly Option<string[]> ids = CommaListOption.Ids("Channels by id (comma-separated or repeated).");
    private readonly Option<string?> handle = new("--handle") { Description = "A channel by handle, with or without @." };

    public ChannelCommand()
        : base("channel", "Show a channel: yours, by id or by handle, with its statistics and uploads playlist. Example:" + Environment.NewLine +
                          "  ytoauth channel --handle @GoogleDevelopers")
    {
        Add(ids, handle, SharedOptions.Json);
        Exclusive.NotBoth(this, ids, handle);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var rows = ResourceColumns.Channels.Rows(parse.GetValue(SharedOptions.Json));
        var missing = new Misses();
        await engine.YouTube(parse.GetValue(SharedOptions.Profile)!).ListChannelsAsync(new ChannelQuery { Ids = CommaListOption.ValuesOrNull(parse, ids), Handle = parse.GetValue(handle) },
            new ListingSink<Channel>(rows.Add) { OnNotFound = missing.Report }, cancel);
        rows.End();
        return missing.ExitCode;
    }
}
