using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth playlists: yours, a channel's, or by id; public data with an API key and no sign-in.</summary>
internal sealed class PlaylistsCommand : VerbCommand
{
    private readonly Option<string?> channel = new("--channel") { Description = "A channel's playlists (public ones unless it is yours)." };
    private readonly Option<string[]> ids = CommaListOption.Ids("Playlists by id (comma-separated or repeated).");
    private readonly Option<int?> first = new Option<int?>("--first") { Description = "Stop after this many (saves quota)." }.Ranged(1, int.MaxValue);

    public PlaylistsCommand()
        : base("playlists", "List playlists: yours, a channel's, or by id. Public data needs no sign-in with YTOAUTH_API_KEY set. Example:" + Environment.NewLine +
                            "  ytoauth playlists --first 10 --json")
    {
        Add(channel, ids, first, SharedOptions.Json);
        Exclusive.NotBoth(this, channel, ids);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var query = new PlaylistQuery
        {
            ChannelId = parse.GetValue(channel),
            Ids = CommaListOption.ValuesOrNull(parse, ids),
            Limit = parse.GetValue(first),
        };
        query.Mine = query.ChannelId == null && query.Ids == null;
        // The key from the environment keeps it out of the process list.
        var key = Environment.GetEnvironmentVariable("YTOAUTH_API_KEY");
        using var engine = key == null ? StoreFolder.OpenEngine(parse) : new AuthEngine(new AuthEngineOptions());
        var youtube = key == null ? engine.YouTube(parse.GetValue(SharedOptions.Profile)!) : engine.YouTubeWithApiKey(key, GoogleEndpoints.Resolve(parse.GetValue(SharedOptions.EndpointBase)));
        var rows = ResourceColumns.Playlists.Rows(parse.GetValue(SharedOptions.Json));
        await youtube.ListPlaylistsAsync(query, new ListingSink<Playlist>(rows.Add), cancel);
        rows.End();
        return ExitCodes.Success;
    }
}
