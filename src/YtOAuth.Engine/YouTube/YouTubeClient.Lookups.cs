using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Look-ups by id or handle (channels, videos, and playlists by id), apart from the paged listings in YouTubeClient.cs.</summary>
    public sealed partial class YouTubeClient
    {
        /// <summary>
        /// Lists channels: the connected one (neither ids nor a handle), by id (50 a call), or by handle. An unknown id
        /// or handle goes to the sink's <see cref="ListingSink{T}.OnNotFound"/>.
        /// </summary>
        public async Task ListChannelsAsync(ChannelQuery query, ListingSink<Channel> sink, CancellationToken cancellationToken)
        {
            const string Path = "channels?part=snippet,contentDetails,statistics";
            if (query.Ids != null && query.Handle != null)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Give channel ids or a handle, not both.");
            }

            try
            {
                if (query.Ids != null)
                {
                    await ByIdAsync(query.Ids, Path, null, "channel", i => new Channel(i), c => c.Id, null, sink, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var handle = query.Handle;
                var baseUri = await BaseAsync(cancellationToken).ConfigureAwait(false);
                var filter = handle == null ? "mine=true" : "forHandle=" + Uri.EscapeDataString(handle);
                var json = await api.GetAsync(baseUri, Path + "&" + filter, handle ?? "mine", QuotaCosts.Of("channels.list"), cancellationToken).ConfigureAwait(false);
                var found = Read(json, handle ?? "mine", j => Items(j).Select(i => new Channel(i)).ToList());
                foreach (var channel in found)
                {
                    sink.OnItem(channel);
                }

                if (found.Count == 0 && handle != null)
                {
                    sink.NotFound(new YtOAuthException(ErrorCode.NotFound, "YouTube has no channel with the handle '" + handle + "'. Check the handle.", handle));
                }
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Lists videos by id (50 a call) with their statistics and content details; an unknown id goes to the sink's <see cref="ListingSink{T}.OnNotFound"/>.</summary>
        public async Task ListVideosAsync(VideoQuery query, ListingSink<Video> sink, CancellationToken cancellationToken)
        {
            try
            {
                await ByIdAsync(query.Ids, "videos?part=snippet,statistics,contentDetails,status", null, "video", i => new Video(i), v => v.Id, null, sink, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Fetches resources by id, 50 a call, handing each to <paramref name="sink"/> until <paramref name="limit"/>.
        /// Google leaves out ids it does not know: each is said (before the batch's items, so that a sink without
        /// OnNotFound hands out none of a batch it ends on) instead of being dropped silently.
        /// </summary>
        private async Task ByIdAsync<T>(IReadOnlyList<string> ids, string path, string? fields, string noun, Func<JObject, T> make, Func<T, string> idOf, int? limit,
            ListingSink<T> sink, CancellationToken cancellationToken)
        {
            var baseUri = await BaseAsync(cancellationToken).ConfigureAwait(false);
            var distinct = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
            var handedOut = 0;
            for (var batch = 0; batch < distinct.Count; batch += PageSize)
            {
                var chunk = distinct.Skip(batch).Take(PageSize).ToList();
                var target = string.Join(",", chunk);
                var json = await api.GetAsync(baseUri,
                    path + "&maxResults=" + PageSize + "&id=" + Uri.EscapeDataString(target) + (fields == null ? string.Empty : "&fields=" + Uri.EscapeDataString(fields)),
                    target, QuotaCosts.ForRequest(System.Net.Http.HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
                var found = Read(json, target, j => Items(j).Select(make).ToList());
                foreach (var missing in chunk.Except(found.Select(idOf)))
                {
                    sink.NotFound(new YtOAuthException(ErrorCode.NotFound, "YouTube has no " + noun + " '" + missing + "' visible to this account. Check the id.", missing));
                }

                foreach (var item in found)
                {
                    sink.OnItem(item);
                    if (++handedOut >= limit)
                    {
                        return;
                    }
                }
            }
        }
    }
}
