using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth playlist remove: items out of their playlists (the videos stay), by item id (ItemId in ytoauth items).
/// Asks first on a terminal; --yes where nobody can answer. Each removal is said on stderr; standard output stays empty.
/// </summary>
internal sealed class PlaylistRemoveCommand : VerbCommand
{
    private readonly Argument<string[]> items = new("playlistItemId") { Description = "Playlist item ids (ItemId in ytoauth items --json).", Arity = ArgumentArity.OneOrMore };

    public PlaylistRemoveCommand()
        : base("remove", "Remove items from their playlists; the videos stay. Asks first on a terminal (--yes to skip). Example:" + Environment.NewLine +
                         "  ytoauth items --playlist PLxxxxxxxx --json | jq -r 'select(.VideoId==\"dQw4w9WgXcQ\") | .ItemId' | xargs ytoauth playlist remove --yes")
    {
        Arguments.Add(items);
        Add(Confirmation.Yes);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var ids = parse.GetValue(items)!;
        var what = ids.Length == 1 ? "playlist item " + ids[0] : ids.Length + " playlist items";
        await Confirmation.RequireAsync(parse, "Removing " + what, "Remove " + what + " (" + (ids.Length == 1 ? "the video stays" : "the videos stay") + ")?", cancel);
        using var engine = StoreFolder.OpenEngine(parse);
        var editor = engine.Editor(parse.GetValue(SharedOptions.Profile)!);
        var missing = new Misses();
        foreach (var id in ids)
        {
            try
            {
                await editor.RemovePlaylistItemAsync(id, cancel);
                Console.Error.WriteLine("Removed playlist item " + id + ".");
            }
            catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
            {
                missing.Report(e);
            }
        }

        return missing.ExitCode;
    }
}
