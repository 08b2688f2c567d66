using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// YouTube Data API v3 list calls with pageToken paging and partial responses. Results stream: the first
    /// page is usable before the next is fetched, and stopping the enumeration stops the fetching.
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

        /// <summary>Lists playlists.</summary>
        public async IAsyncEnumerable<Playlist> ListPlaylistsAsync(PlaylistQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                    var ids = query.Ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
                    var found = 0;
                    for (var batch = 0; batch < ids.Count; batch += PageSize)
                    {
                        var chunk = ids.Skip(batch).Take(PageSize).ToList();
                        var json = await api.GetAsync(await BaseAsync(cancellationToken).ConfigureAwait(false),
                            "playlists?part=snippet,status,contentDetails&maxResults=" + PageSize + "&id=" + Uri.EscapeDataString(string.Join(",", chunk)) + "&fields=" + Uri.EscapeDataString(PlaylistFields),
                            string.Join(",", chunk), QuotaCosts.Of("playlists.list"), cancellationToken).ConfigureAwait(false);
                        var items = Read(json, string.Join(",", chunk), j => Items(j).Select(i => new Playlist(i)).ToList());
                        foreach (var missing in chunk.Except(items.Select(p => p.Id)))
                        {
                            // Google omits unknown ids; say so instead of dropping them silently.
                            var notFound = new YtOAuthException(ErrorCode.NotFound, "YouTube has no playlist '" + missing + "' visible to this account. Check the id.", missing);
                            if (query.OnNotFound == null)
                            {
                                throw notFound;
                            }

                            query.OnNotFound(notFound);
                        }

                        foreach (var playlist in items)
                        {
                            found++;
                            yield return playlist;
                            if (found >= query.Limit)
                            {
                                yield break;
                            }
                        }
                    }

                    yield break;
                }

                var filter = query.ChannelId != null ? "channelId=" + Uri.EscapeDataString(query.ChannelId) : "mine=true";
                var target = query.ChannelId ?? "mine";
                await foreach (var playlist in PagesAsync("playlists?part=snippet,status,contentDetails&" + filter, PlaylistFields, target, "playlists", i => new Playlist(i),
                                   query.Limit, query.OnTotal, cancellationToken).ConfigureAwait(false))
                {
                    yield return playlist;
                }
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Lists playlists, handing each to <paramref name="onItem"/> as it arrives: the same listing for hosts
        /// that do not take async streams (the PowerShell module keeps its references to the BCL).
        /// </summary>
        public async Task ListPlaylistsAsync(PlaylistQuery query, Action<Playlist> onItem, CancellationToken cancellationToken)
        {
            await foreach (var playlist in ListPlaylistsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                onItem(playlist);
            }
        }

        /// <summary>Lists the items of a playlist.</summary>
        public async IAsyncEnumerable<PlaylistItem> ListPlaylistItemsAsync(string playlistId, int? limit = null, Action<int>? onTotal = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(playlistId))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "A playlist id is needed to list its items.");
            }

            try
            {
                await foreach (var item in PagesAsync("playlistItems?part=snippet,contentDetails,status&playlistId=" + Uri.EscapeDataString(playlistId), ItemFields, playlistId, "items",
                                   i => new PlaylistItem(i), limit, onTotal, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Lists the items of a playlist, handing each to <paramref name="onItem"/> (for hosts that do not take async streams).</summary>
        public async Task ListPlaylistItemsAsync(string playlistId, int? limit, Action<PlaylistItem> onItem, CancellationToken cancellationToken)
        {
            await foreach (var item in ListPlaylistItemsAsync(playlistId, limit, (Action<int>?)null, cancellationToken).ConfigureAwait(false))
            {
                onItem(item);
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

        private async IAsyncEnumerable<T> PagesAsync<T>(string path, string fields, string target, string noun, Func<JObject, T> make, int? limit, Action<int>? onTotal,
            [EnumeratorCancellation] CancellationToken cancellationToken)
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
                    onTotal?.Invoke(total);
                }

                // The whole page is read before any of it is handed out: a broken page is one clear error, not half a list.
                foreach (var item in Read(json, target, j => Items(j).Select(make).ToList()))
                {
                    cancellationToken.ThrowIfCancellationRequested(); // a stop is prompt, not a page later
                    seen++;
                    yield return item;
                    if (seen >= limit)
                    {
                        yield break;
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
