using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>Whole listings as lists, for tests that look at what a listing found rather than at when it arrived.</summary>
public static class Listings
{
    public static Task<List<Playlist>> PlaylistsAsync(this YouTubeClient youtube, PlaylistQuery query, CancellationToken cancellationToken = default) =>
        CollectAsync<Playlist>(sink => youtube.ListPlaylistsAsync(query, sink, cancellationToken));

    public static Task<List<PlaylistItem>> PlaylistItemsAsync(this YouTubeClient youtube, string playlistId, CancellationToken cancellationToken = default) =>
        CollectAsync<PlaylistItem>(sink => youtube.ListPlaylistItemsAsync(new PlaylistItemQuery { PlaylistId = playlistId }, sink, cancellationToken));

    /// <summary>Every item a listing hands out; an unknown id ends it with NotFound, as a sink without OnNotFound does.</summary>
    public static async Task<List<T>> CollectAsync<T>(System.Func<ListingSink<T>, Task> list)
    {
        var items = new List<T>();
        await list(new ListingSink<T>(items.Add));
        return items;
    }
}
