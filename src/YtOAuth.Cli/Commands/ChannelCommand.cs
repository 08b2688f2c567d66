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
        var rows = Output.Rows(parse.GetValue(SharedOptions.Json), "Id", "Title", "Handle", "Subscribers", "Videos", "Views", "Uploads");
        var missing = new Misses();
        await engine.YouTube(parse.GetValue(SharedOptions.Profile)!).ListChannelsAsync(CommaListOption.ValuesOrNull(parse, ids), parse.GetValue(handle),
            c => rows.Add(c.Id, c.Title, c.CustomUrl, c.SubscriberCount, c.VideoCount, c.ViewCount, c.UploadsPlaylistId), missing.Report, cancel);
        rows.End();
        return missing.ExitCode;
    }
}
