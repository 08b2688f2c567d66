using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth playlist set: change a playlist's title, description or privacy; what is not given stays as it is.</summary>
internal sealed class PlaylistSetCommand : VerbCommand
{
    private readonly Argument<string> id = new("playlistId") { Description = "The playlist." };
    private readonly Option<string?> title = new("--title") { Description = "New title (at most 150 characters, no < or >)." };
    private readonly Option<string?> description = new("--description") { Description = "New description (at most 5,000 bytes, no < or >)." };
    private readonly Option<string?> privacy = PrivacyOption.Create("Who can see it.");

    public PlaylistSetCommand()
        : base("set", "Change a playlist's title, description or privacy; prints it as it now stands. Example:" + Environment.NewLine +
                      "  ytoauth playlist set PLxxxxxxxx --privacy public")
    {
        Arguments.Add(id);
        Add(title, description, privacy, SharedOptions.Json);
        Validators.Add(r =>
        {
            if (new Option[] { title, description, privacy }.All(o => r.GetResult(o) is null))
            {
                r.AddError("Give what to change: --title, --description or --privacy.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var changed = await engine.Editor(parse.GetValue(SharedOptions.Profile)!).UpdatePlaylistAsync(parse.GetValue(id)!, new PlaylistChange
        {
            Title = parse.GetValue(title), Description = parse.GetValue(description), Privacy = parse.GetValue(privacy),
        }, cancel);
        var rows = ResourceColumns.Playlists.Rows(parse.GetValue(SharedOptions.Json));
        rows.Add(changed);
        rows.End();
        return ExitCodes.Success;
    }
}
