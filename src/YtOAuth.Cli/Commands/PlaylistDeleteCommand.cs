namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth playlist delete: a playlist, for good (its videos stay). Asks first on a terminal; --yes where nobody can answer.</summary>
internal sealed class PlaylistDeleteCommand : VerbCommand
{
    private readonly Argument<string> id = new("playlistId") { Description = "The playlist." };

    public PlaylistDeleteCommand()
        : base("delete", "Delete a playlist for good; its videos stay. Asks first on a terminal (--yes to skip). Example:" + Environment.NewLine +
                         "  ytoauth playlist delete PLxxxxxxxx --yes")
    {
        Arguments.Add(id);
        Add(Confirmation.Yes);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var playlist = parse.GetValue(id)!;
        await Confirmation.RequireAsync(parse, "Deleting playlist " + playlist, "Delete playlist " + playlist + " for good (its videos stay)?", cancel);
        using var engine = StoreFolder.OpenEngine(parse);
        await engine.Editor(parse.GetValue(SharedOptions.Profile)!).DeletePlaylistAsync(playlist, cancel);
        Console.Error.WriteLine("Deleted playlist " + playlist + "; its videos stay.");
        return ExitCodes.Success;
    }
}
