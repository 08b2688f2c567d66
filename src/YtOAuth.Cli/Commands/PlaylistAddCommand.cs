using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth playlist add: videos into a playlist, in the order given; prints the new items (ItemId is what playlist
/// remove takes). A video YouTube does not show is named and the next one still added.
/// </summary>
internal sealed class PlaylistAddCommand : VerbCommand
{
    private readonly Argument<string> playlist = new("playlistId") { Description = "The playlist." };
    private readonly Argument<string[]> videos = new("videoId") { Description = "The videos, in the order they should stand.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<int?> position = new Option<int?>("--position") { Description = "Where the first goes, 0 the top (default: the end); the others follow it.", HelpName = "N" }
        .Ranged(0, int.MaxValue);

    public PlaylistAddCommand()
        : base("add", "Add videos to a playlist; prints the new items. Example:" + Environment.NewLine +
                      "  ytoauth playlist add PLxxxxxxxx dQw4w9WgXcQ 9bZkp7q19f0 --position 0")
    {
        Arguments.Add(playlist);
        Arguments.Add(videos);
        Add(position, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var editor = engine.Editor(parse.GetValue(SharedOptions.Profile)!);
        var rows = ResourceColumns.PlaylistItems.Rows(parse.GetValue(SharedOptions.Json));
        var missing = new Misses();
        var at = parse.GetValue(position);
        foreach (var video in parse.GetValue(videos)!)
        {
            try
            {
                rows.Add(await editor.AddPlaylistItemAsync(parse.GetValue(playlist)!, video, at, cancel));
                at++; // the next one right after it (null stays null: the end)
            }
            catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
            {
                missing.Report(e);
            }
        }

        rows.End();
        return missing.ExitCode;
    }
}
