using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth playlist create: a new playlist (private unless told), printed like a listing's row.</summary>
internal sealed class PlaylistCreateCommand : VerbCommand
{
    private readonly Option<string> title = new("--title") { Description = "Title (at most 150 characters, no < or >).", Required = true };
    private readonly Option<string?> description = new("--description") { Description = "Description (at most 5,000 bytes, no < or >)." };
    private readonly Option<string?> privacy = PrivacyOption.Create("Who can see it (default private).");

    public PlaylistCreateCommand()
        : base("create", "Create a playlist; prints it (its id for playlist add). Example:" + Environment.NewLine +
                         "  ytoauth playlist create --title \"Nightly builds\" --privacy unlisted --json | jq -r .Id")
    {
        Add(title, description, privacy, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var created = await engine.Editor(parse.GetValue(SharedOptions.Profile)!).CreatePlaylistAsync(new PlaylistChange
        {
            Title = parse.GetValue(title), Description = parse.GetValue(description), Privacy = parse.GetValue(privacy),
        }, cancel);
        var rows = ResourceColumns.Playlists.Rows(parse.GetValue(SharedOptions.Json));
        rows.Add(created);
        rows.End();
        return ExitCodes.Success;
    }
}
