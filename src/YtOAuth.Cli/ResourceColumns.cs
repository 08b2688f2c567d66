using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli;

/// <summary>
/// What the CLI shows of each YouTube resource, one table a resource, so that every command listing one shows the
/// same columns. tests/YtOAuth.Tests/ResourceFieldsTests.cs holds these to the engine models, the module's output
/// types and its views.
/// </summary>
internal static class ResourceColumns
{
    public static readonly Columns<Channel> Channels = new(
        ("Id", nameof(Channel.Id)),
        ("Title", nameof(Channel.Title)),
        ("Handle", nameof(Channel.CustomUrl)),
        ("Subscribers", nameof(Channel.SubscriberCount)),
        ("Videos", nameof(Channel.VideoCount)),
        ("Views", nameof(Channel.ViewCount)),
        ("Uploads", nameof(Channel.UploadsPlaylistId)));

    public static readonly Columns<Playlist> Playlists = new(
        ("Id", nameof(Playlist.Id)),
        ("Title", nameof(Playlist.Title)),
        ("Privacy", nameof(Playlist.Privacy)),
        ("Items", nameof(Playlist.ItemCount)),
        ("Published", nameof(Playlist.PublishedAt)));

    public static readonly Columns<PlaylistItem> PlaylistItems = new(
        ("PlaylistId", nameof(PlaylistItem.PlaylistId)),
        ("Position", nameof(PlaylistItem.Position)),
        ("VideoId", nameof(PlaylistItem.VideoId)),
        ("Title", nameof(PlaylistItem.Title)),
        ("Published", nameof(PlaylistItem.VideoPublishedAt)),
        ("ItemId", nameof(PlaylistItem.Id)));

    public static readonly Columns<Video> Videos = new(
        ("Id", nameof(Video.Id)),
        ("Title", nameof(Video.Title)),
        ("Duration", nameof(Video.Duration)),
        ("Views", nameof(Video.ViewCount)),
        ("Likes", nameof(Video.LikeCount)),
        ("Comments", nameof(Video.CommentCount)),
        ("Published", nameof(Video.PublishedAt)),
        ("Privacy", nameof(Video.Privacy)));
}
