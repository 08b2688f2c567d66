using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth items: the items of playlists, in order; a playlist YouTube does not show is said and the next one still listed.</summary>
internal sealed class ItemsCommand : VerbCommand
{
    private readonly Option<string[]> playlist = CommaListOption.Create("--playlist", "Playlist ids (comma-separated or repeated); a channel's uploads playlist too.", required: true);
    private readonly Option<int?> first = new Option<int?>("--first") { Description = "Stop after this many items of each playlist (saves quota)." }.Ranged(1, int.MaxValue);

    public ItemsCommand()
        : base("items", "List the items of playlists, in order. Example:" + Environment.NewLine +
                        "  ytoauth items --playlist PLxxxxxxxx --first 20")
    {
        Add(playlist, first, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var youtube = engine.YouTube(parse.GetValue(SharedOptions.Profile)!);
        var rows = ResourceColumns.PlaylistItems.Rows(parse.GetValue(SharedOptions.Json));
        var missing = new Misses();
        foreach (var id in CommaListOption.Values(parse, playlist))
        {
            try
            {
                await youtube.ListPlaylistItemsAsync(new PlaylistItemQuery { PlaylistId = id, Limit = parse.GetValue(first) }, new ListingSink<PlaylistItem>(rows.Add), cancel);
            }
            catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
            {
                missing.Report(e); // the next playlist is still listed
            }
        }

        rows.End();
        return missing.ExitCode;
    }
}
