using System.Linq;
using System.Management.Automation;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// What a piped object stands for, for the commands that change playlists and their items: an id and, when the
    /// object carries one, a title to name it by in a confirmation. Anything else is refused with what to pipe instead.
    /// </summary>
    internal static class PipedResource
    {
        private static readonly (string Id, string? Title)[] None = new (string, string?)[0];

        private static (string Id, string? Title)[] One(string id, string? title) => new[] { (id, title) };

        /// <summary>The playlist a piped object stands for (ids, playlists, objects with a PlaylistId), or none when refused.</summary>
        public static (string Id, string? Title)[] Playlist(YtOAuthCmdlet command, PSObject input)
        {
            const string Takes = "playlist ids and playlists (or objects with a PlaylistId property)";
            switch (input.BaseObject)
            {
                case string id:
                    return One(id, null);
                case YouTubePlaylist playlist:
                    return One(playlist.Id, playlist.Title);
                case YouTubePlaylistItem _:
                    command.RefuseInput(input, Takes, "A playlist item is one entry of a playlist; for the entry, use Remove-YouTubePlaylistItem.");
                    return None;
                case YouTubeChannel _:
                case YouTubeVideo _:
                    command.RefuseInput(input, Takes, "List the channel's playlists first: Get-YouTubePlaylist.");
                    return None;
                case PSCustomObject _ when YtOAuthCmdlet.PipedProperty(input, "PlaylistId") is string id:
                    return One(id, YtOAuthCmdlet.PipedProperty(input, "Title"));
                default:
                    command.RefuseInput(input, Takes);
                    return None;
            }
        }

        /// <summary>The video a piped object stands for (ids, videos, playlist items' videos, objects with a VideoId), or none.</summary>
        public static (string Id, string? Title)[] Video(YtOAuthCmdlet command, PSObject input)
        {
            const string Takes = "video ids, videos and playlist items (or objects with a VideoId property)";
            switch (input.BaseObject)
            {
                case string id:
                    return One(id, null);
                case YouTubeVideo video:
                    return One(video.Id, video.Title);
                case YouTubePlaylistItem item:
                    return string.IsNullOrEmpty(item.VideoId) ? None : One(item.VideoId!, item.Title); // a deleted video's entry has none
                case YouTubePlaylist _:
                    command.RefuseInput(input, Takes, "A playlist is not a video; for its videos, list its items first: Get-YouTubePlaylistItem -PlaylistId <id>.");
                    return None;
                case PSCustomObject _ when input.Properties["VideoId"] != null:
                    return YtOAuthCmdlet.PipedProperty(input, "VideoId") is string videoId ? One(videoId, YtOAuthCmdlet.PipedProperty(input, "Title")) : None;
                default:
                    command.RefuseInput(input, Takes);
                    return None;
            }
        }

        /// <summary>The playlist item a piped object stands for (ids, playlist items), or none when refused.</summary>
        public static (string Id, string? Title)[] PlaylistItem(YtOAuthCmdlet command, PSObject input)
        {
            const string Takes = "playlist item ids and playlist items";
            switch (input.BaseObject)
            {
                case string id:
                    return One(id, null);
                case YouTubePlaylistItem item:
                    return One(item.Id, "'" + item.Title + "' at position " + item.Position + " of playlist " + item.PlaylistId);
                case YouTubeVideo _:
                    command.RefuseInput(input, Takes,
                        "A video is not its entry in a playlist; pick the entry from the playlist's items: Get-YouTubePlaylistItem -PlaylistId <id> | Where-Object VideoId -EQ <video id> | Remove-YouTubePlaylistItem.");
                    return None;
                case YouTubePlaylist _:
                    command.RefuseInput(input, Takes, "To remove the whole playlist, use Remove-YouTubePlaylist; to empty it, pipe its items: Get-YouTubePlaylistItem -PlaylistId <id> | Remove-YouTubePlaylistItem.");
                    return None;
                default:
                    command.RefuseInput(input, Takes);
                    return None;
            }
        }

        /// <summary>Ids given as a parameter, with no titles.</summary>
        public static (string Id, string? Title)[] Ids(string[] ids) => ids.Select(id => (id, (string?)null)).ToArray();

        /// <summary>How a confirmation names a resource: its title when known, and its id.</summary>
        public static string Describe(string kind, string id, string? title, string profile) =>
            kind + " " + (title == null ? id : (title.StartsWith("'") ? title : "'" + title + "'") + " (" + id + ")") + " of profile '" + profile + "'";
    }
}
