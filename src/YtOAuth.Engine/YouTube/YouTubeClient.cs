using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// YouTube Data API v3 list calls with pageToken paging and partial responses. Results stream into a
    /// <see cref="ListingSink{T}"/>: the first page is handed out before the next is fetched, and cancelling stops the fetching.
    /// </summary>
    public sealed partial class YouTubeClient
    {
        private const int PageSize = 50;
        private const string PlaylistFields = "nextPageToken,pageInfo/totalResults,items(id,snippet(publishedAt,channelId,title,description,channelTitle,thumbnails/default/url),status/privacyStatus,contentDetails/itemCount)";
        private const string ItemFields = "nextPageToken,pageInfo/totalResults,items(id,snippet(playlistId,position,title,videoOwnerChannelTitle,resourceId/videoId),contentDetails(videoId,videoPublishedAt),status/privacyStatus)";
        private readonly ApiClient api;
        private readonly QuotaLedger? ledger;

        /// <summary>A client over <paramref name="api"/>; units spent for a profile go to <paramref name="ledger"/>.</summary>
        internal YouTubeClient(ApiClient api, QuotaLedger? ledger)
        {
            this.api = api;
            this.ledger = ledger;
        }

        /// <summary>Data API units this client has spent.</summary>
        public long UnitsSpent => api.UnitsSpent;

        /// <summary>
        /// Lists playlists: the connected channel's, a channel's, or by id (an unknown id goes to the sink's
        /// <see cref="ListingSink{T}.OnNotFound"/>). Each is handed to <paramref name="sink"/> as its page arrives.
        /// </summary>
        public async Task ListPlaylistsAsync(PlaylistQuery query, ListingSink<Playlist> sink, CancellationToken cancellationToken)
        {
            var filters = (query.Mine ? 1 : 0) + (query.ChannelId != null ? 1 : 0) + (query.Ids != null ? 1 : 0);
            if (filters > 1)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Give only one of Mine, ChannelId or Ids.");
            }

            if (api.Profile == null && query.ChannelId == null && query.Ids == null)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "An API key reads public data only: name a channel id or playlist ids. Your own playlists need a connected profile.");
            }

            try
            {
                if (query.Ids != null)
                {
                    await ByIdAsync(query.Ids, "playlists?part=snippet,status,contentDetails", PlaylistFields, "playlist", i => new Playlist(i), p => p.Id, query.Limit, sink,
                        cancellationToken).ConfigureAwait(false);
                    return;
                }

                var filter = query.ChannelId != null ? "channelId=" + Uri.EscapeDataString(query.ChannelId) : "mine=true";
                await PagesAsync("playlists?part=snippet,status,contentDetails&" + filter, PlaylistFields, query.ChannelId ?? "mine", "playlists", i => new Playlist(i),
                    query.Limit, sink, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Lists the items of a playlist in order, each handed to <paramref name="sink"/> as its page arrives.</summary>
        public async Task ListPlaylistItemsAsync(PlaylistItemQuery query, ListingSink<PlaylistItem> sink, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(query.PlaylistId))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "A playlist id is needed to list its items.");
            }

            try
            {
                await PagesAsync("playlistItems?part=snippet,contentDetails,status&playlistId=" + Uri.EscapeDataString(query.PlaylistId), ItemFields, query.PlaylistId, "items",
                    i => new PlaylistItem(i), query.Limit, sink, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>The connected channel (channels.list mine=true); null when the account has no channel.</summary>
        public async Task<Channel?> GetMyChannelAsync(CancellationToken cancellationToken)
        {
            try
            {
                var json = await api.GetAsync(await BaseAsync(cancellationToken).ConfigureAwait(false),
                    "channels?part=snippet,contentDetails&mine=true&fields=" + Uri.EscapeDataString("items(id,snippet(title,customUrl),contentDetails/relatedPlaylists/uploads)"),
                    "mine", QuotaCosts.Of("channels.list"), cancellationToken).ConfigureAwait(false);
                return Read(json, "mine", j => Items(j).Select(i => new Channel(i)).FirstOrDefault());
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Follows nextPageToken, handing each item to <paramref name="sink"/> a page at a time, until the last page or <paramref name="limit"/>.</summary>
        private async Task PagesAsync<T>(string path, string fields, string target, string noun, Func<JObject, T> make, int? limit, ListingSink<T> sink,
            CancellationToken cancellationToken)
        {
            var baseUri = await BaseAsync(cancellationToken).ConfigureAwait(false);
            string? pageToken = null;
            var tokens = new PageTokens(target);
            var seen = 0;
            var total = -1;
            do
            {
                if (pageToken != null)
                {
                    tokens.Next(pageToken, seen);
                }

                var size = limit.HasValue ? Math.Max(1, Math.Min(PageSize, limit.Value - seen)) : PageSize;
                var json = await api.GetAsync(baseUri,
                    path + "&maxResults=" + size + (pageToken == null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken)) + "&fields=" + Uri.EscapeDataString(fields),
                    target, QuotaCosts.ForRequest(System.Net.Http.HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
                if (total < 0)
                {
                    total = Read(json, target, j => (int?)j["pageInfo"]?["totalResults"] ?? 0);
                    sink.OnTotal?.Invoke(total);
                }

                // The whole page is read before any of it is handed out: a broken page is one clear error, not half a list.
                foreach (var item in Read(json, target, j => Items(j).Select(make).ToList()))
                {
                    cancellationToken.ThrowIfCancellationRequested(); // a stop is prompt, not a page later
                    seen++;
                    sink.OnItem(item);
                    if (seen >= limit)
                    {
                        return;
                    }
                }

                pageToken = Read(json, target, j => j["nextPageToken"] is JValue { Type: JTokenType.String } token ? (string?)token : j["nextPageToken"] == null ? null
                    : throw new InvalidOperationException("a nextPageToken that is not text"));
                if (pageToken != null && total > 0)
                {
                    EngineLog.Progress("Listing " + noun + ": " + seen + " of " + total, (int)Math.Min(99, seen * 100L / total));
                }
            }
            while (pageToken != null);
        }

        private async Task<Uri> BaseAsync(CancellationToken cancellationToken) => (await api.EndpointsAsync(cancellationToken).ConfigureAwait(false)).YouTubeData;

        private Task RecordQuotaAsync() => api.Profile == null || ledger == null
            ? LogKeyQuota()
            : ledger.RecordAsync(api.Profile, api.UnitsSpent);

        private Task LogKeyQuota()
        {
            if (api.UnitsSpent > 0)
            {
                EngineLog.Verbose("Spent " + api.UnitsSpent + " YouTube Data API quota unit(s).");
            }

            return Task.CompletedTask;
        }

        /// <summary>The items of a list answer: none when absent (Google leaves out empty lists); anything but a list of objects is the server's error.</summary>
        private static IEnumerable<JObject> Items(JObject json)
        {
            var items = json["items"];
            if (items == null || items.Type == JTokenType.Null)
            {
                return Enumerable.Empty<JObject>();
            }

            return items is JArray array && array.All(i => i is JObject)
                ? array.Cast<JObject>()
                : throw new InvalidOperationException("items that are not a list of objects");
        }

        /// <summary>Reads from an answer; a field of the wrong shape or type is YouTube's error, said plainly, never a crash.</summary>
        private static T Read<T>(JObject json, string target, Func<JObject, T> read)
        {
            try
            {
                return read(json);
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is ArgumentException || e is InvalidCastException || e is OverflowException)
            {
                throw new YtOAuthException(ErrorCode.ServerError,
                    "YouTube's answer for '" + target + "' could not be read (" + e.Message.TrimEnd('.') + "), so it was not used. This is the server's fault; try again later.", target, e);
            }
        }
    }
}
