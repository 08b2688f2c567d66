using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Changes to a channel's videos and playlists: video metadata (videos.update), thumbnails (thumbnails.set),
    /// playlists (insert, update, delete) and their items (insert, delete). Each change is one write (50 units), and is
    /// never retried: a write that may have happened is not sent twice. An update reads first, since Google replaces
    /// whole parts and what is not sent would be cleared.
    /// </summary>
    public sealed class YouTubeEditor
    {
        /// <summary>A custom thumbnail may be at most 2 MiB (thumbnails.set).</summary>
        public const int MaxThumbnailBytes = 2 * 1024 * 1024;

        private readonly ApiClient api;
        private readonly ApiClient thumbnails;
        private readonly QuotaLedger ledger;

        internal YouTubeEditor(ApiClient api, ApiClient thumbnails, QuotaLedger ledger)
        {
            this.api = api;
            this.thumbnails = thumbnails;
            this.ledger = ledger;
        }

        /// <summary>Changes a video's metadata; returns the video as it now stands.</summary>
        public async Task<Video> UpdateVideoAsync(VideoChange change, CancellationToken cancellationToken)
        {
            var id = RequireId(change.Id, "video");
            return await RecordingAsync(api, async () =>
            {
                var current = await ReadOneAsync(api, "videos?part=snippet,status&id=" + Uri.EscapeDataString(id), id, "videoNotFound", cancellationToken).ConfigureAwait(false);
                var body = VideoMetadata.ForUpdate(current, change);
                return new Video(await WriteAsync(HttpMethod.Put, "videos?part=snippet,status", body, id, "videos.update", cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }

        /// <summary>Sets a video's custom thumbnail from a JPEG or PNG file (the channel must be verified for custom thumbnails); returns its address.</summary>
        public async Task<string?> SetThumbnailAsync(string videoId, string path, CancellationToken cancellationToken)
        {
            var id = RequireId(videoId, "video");
            var (bytes, type) = ReadThumbnail(path);
            return await RecordingAsync(thumbnails, async () =>
            {
                var endpoints = await thumbnails.EndpointsAsync(cancellationToken).ConfigureAwait(false);
                var uri = new Uri(endpoints.YouTubeUpload, "thumbnails/set?videoId=" + Uri.EscapeDataString(id) + "&uploadType=media");
                var answer = await thumbnails.SendAsync(HttpMethod.Post, uri, () =>
                {
                    var content = new ByteArrayContent(bytes);
                    content.Headers.ContentType = new MediaTypeHeaderValue(type);
                    return content;
                }, null, id, QuotaCosts.Of("thumbnails.set"), response => Http.GoogleHttp.ReadJsonAsync(response, uri), cancellationToken).ConfigureAwait(false);
                var items = answer["items"] as JArray;
                var first = items != null && items.Count > 0 ? items[0] as JObject : null;
                return (string?)(first?["maxres"] ?? first?["high"] ?? first?["default"])?["url"];
            }).ConfigureAwait(false);
        }

        /// <summary>Creates a playlist (private unless told); returns it.</summary>
        public Task<Playlist> CreatePlaylistAsync(PlaylistChange playlist, CancellationToken cancellationToken) =>
            RecordingAsync(api, async () => new Playlist(await WriteAsync(HttpMethod.Post, "playlists?part=snippet,status",
                VideoMetadata.ForPlaylist(null, null, new PlaylistChange { Title = playlist.Title, Description = playlist.Description, Privacy = playlist.Privacy ?? "private" }),
                playlist.Title ?? "playlist", "playlists.insert", cancellationToken).ConfigureAwait(false)));

        /// <summary>Changes a playlist's title, description or privacy; returns it as it now stands.</summary>
        public async Task<Playlist> UpdatePlaylistAsync(string playlistId, PlaylistChange change, CancellationToken cancellationToken)
        {
            var id = RequireId(playlistId, "playlist");
            return await RecordingAsync(api, async () =>
            {
                var current = await ReadOneAsync(api, "playlists?part=snippet,status&id=" + Uri.EscapeDataString(id), id, "playlistNotFound", cancellationToken).ConfigureAwait(false);
                return new Playlist(await WriteAsync(HttpMethod.Put, "playlists?part=snippet,status", VideoMetadata.ForPlaylist(current, id, change), id, "playlists.update",
                    cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }

        /// <summary>Deletes a playlist (its videos stay).</summary>
        public Task DeletePlaylistAsync(string playlistId, CancellationToken cancellationToken)
        {
            var id = RequireId(playlistId, "playlist");
            return RecordingAsync(api, () => WriteAsync(HttpMethod.Delete, "playlists?id=" + Uri.EscapeDataString(id), null, id, "playlists.delete", cancellationToken));
        }

        /// <summary>Adds a video to a playlist, at the end or at <paramref name="position"/> (0 is the top); returns the new item.</summary>
        public Task<PlaylistItem> AddPlaylistItemAsync(string playlistId, string videoId, int? position, CancellationToken cancellationToken)
        {
            var playlist = RequireId(playlistId, "playlist");
            var video = RequireId(videoId, "video");
            if (position < 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The position is " + position + "; positions start at 0 (the top).", playlist);
            }

            var snippet = new JObject { ["playlistId"] = playlist, ["resourceId"] = new JObject { ["kind"] = "youtube#video", ["videoId"] = video } };
            if (position.HasValue)
            {
                snippet["position"] = position.Value;
            }

            return RecordingAsync(api, async () =>
            {
                try
                {
                    return new PlaylistItem(await WriteAsync(HttpMethod.Post, "playlistItems?part=snippet,contentDetails,status",
                        new JObject { ["snippet"] = snippet }, playlist, "playlistItems.insert", cancellationToken).ConfigureAwait(false));
                }
                catch (YtOAuthException e) when (e.GoogleReason == "videoNotFound")
                {
                    // The write's target is the playlist, but here the video is what YouTube does not know: name that id.
                    throw new YtOAuthException(ErrorCode.NotFound,
                        "YouTube has no video '" + video + "' visible to this account, so it was not added to playlist '" + playlist + "'. Check the video id.", video, e);
                }
            });
        }

        /// <summary>Removes an item from its playlist (the video stays).</summary>
        public Task RemovePlaylistItemAsync(string playlistItemId, CancellationToken cancellationToken)
        {
            var id = RequireId(playlistItemId, "playlist item");
            return RecordingAsync(api, () => WriteAsync(HttpMethod.Delete, "playlistItems?id=" + Uri.EscapeDataString(id), null, id, "playlistItems.delete", cancellationToken));
        }

        /// <summary>Fails, naming the scope, when the grant cannot make changes (before an upload that ends with one).</summary>
        internal Task RequireWriteScopeAsync(CancellationToken cancellationToken) => api.TokenWithScopesAsync(false, cancellationToken);

        /// <summary>
        /// A video as it stands, or null when it is not visible (yet) or the grant may upload but not read (Upload alone):
        /// the video is there either way, and only its details are missing.
        /// </summary>
        internal Task<Video?> ReadVideoAsync(string videoId, CancellationToken cancellationToken) => RecordingAsync(thumbnails, async () =>
        {
            var endpoints = await thumbnails.EndpointsAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var list = await thumbnails.GetAsync(endpoints.YouTubeData, "videos?part=snippet,status,contentDetails,statistics&id=" + Uri.EscapeDataString(videoId), videoId, 1,
                    cancellationToken).ConfigureAwait(false);
                return (list["items"] as JArray)?.Count > 0 ? new Video((JObject)list["items"]![0]!) : null;
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.InsufficientScope)
            {
                return null;
            }
        });

        /// <summary>The image of a thumbnail file and its type, read from its first bytes; a clear error before anything is sent.</summary>
        internal static (byte[] Bytes, string Type) ReadThumbnail(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The thumbnail '" + path + "' does not exist. Give the path of a JPEG or PNG file.", path);
            }

            if (info.Length > MaxThumbnailBytes)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "The thumbnail '" + path + "' is " + UploadProgress.Size(info.Length) + "; YouTube takes at most 2 MiB. Save it smaller (1280x720 JPEG is usual).", path);
            }

            var bytes = File.ReadAllBytes(path);
            var type = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? "image/jpeg"
                : bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G' ? "image/png"
                : throw new YtOAuthException(ErrorCode.InvalidArgument, "The thumbnail '" + path + "' is neither a JPEG nor a PNG image; YouTube takes those two.", path);
            return (bytes, type);
        }

        private static string RequireId(string? id, string what) =>
            string.IsNullOrWhiteSpace(id) ? throw new YtOAuthException(ErrorCode.InvalidArgument, "A " + what + " id is needed.") : id!.Trim();

        private async Task<JObject> ReadOneAsync(ApiClient client, string relative, string id, string notFoundReason, CancellationToken cancellationToken)
        {
            var endpoints = await client.EndpointsAsync(cancellationToken).ConfigureAwait(false);
            var list = await client.GetAsync(endpoints.YouTubeData, relative, id, 1, cancellationToken).ConfigureAwait(false);
            return (list["items"] as JArray)?.Count > 0 ? (JObject)list["items"]![0]! : throw new YtOAuthException(ErrorCode.NotFound,
                "YouTube has no " + (notFoundReason == "videoNotFound" ? "video" : "playlist") + " '" + id + "' visible to this account. Check the id, and that the profile's channel owns it.", id);
        }

        private async Task<JObject> WriteAsync(HttpMethod method, string relative, JObject? body, string target, string quotaMethod, CancellationToken cancellationToken)
        {
            var endpoints = await api.EndpointsAsync(cancellationToken).ConfigureAwait(false);
            return await api.SendAsync(method, new Uri(endpoints.YouTubeData, relative), body?.ToString(Formatting.None), target, QuotaCosts.Of(quotaMethod), cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>Runs a change and counts what it spent, failed or not (Google charges refused writes too).</summary>
        private async Task<T> RecordingAsync<T>(ApiClient client, Func<Task<T>> change)
        {
            var before = client.UnitsSpent;
            try
            {
                return await change().ConfigureAwait(false);
            }
            finally
            {
                await ledger.RecordAsync(client.Profile!, client.UnitsSpent - before).ConfigureAwait(false);
            }
        }

        private Task RecordingAsync(ApiClient client, Func<Task> change) => RecordingAsync(client, async () =>
        {
            await change().ConfigureAwait(false);
            return true;
        });
    }
}
