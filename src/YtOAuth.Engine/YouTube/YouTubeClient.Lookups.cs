using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Look-ups by id or handle (channels, videos), apart from the paged listings in YouTubeClient.cs.</summary>
    public sealed partial class YouTubeClient
    {
        /// <summary>
        /// Channels: the connected one (<paramref name="ids"/> and <paramref name="handle"/> null), by id (50 a call), or by
        /// handle. An unknown id or handle goes to <paramref name="onNotFound"/>, and the listing goes on.
        /// </summary>
        public async Task ListChannelsAsync(IReadOnlyList<string>? ids, string? handle, Action<Channel> onItem, Action<YtOAuthException> onNotFound, CancellationToken cancellationToken)
        {
            const string Parts = "snippet,contentDetails,statistics";
            try
            {
                if (ids == null)
                {
                    var baseUri = await BaseAsync(cancellationToken).ConfigureAwait(false);
                    var filter = handle == null ? "mine=true" : "forHandle=" + Uri.EscapeDataString(handle);
                    var json = await api.GetAsync(baseUri, "channels?part=" + Parts + "&" + filter, handle ?? "mine", QuotaCosts.Of("channels.list"), cancellationToken).ConfigureAwait(false);
                    var found = Read(json, handle ?? "mine", j => Items(j).Select(i => new Channel(i)).ToList());
                    foreach (var channel in found)
                    {
                        onItem(channel);
                    }

                    if (found.Count == 0 && handle != null)
                    {
                        onNotFound(new YtOAuthException(ErrorCode.NotFound, "YouTube has no channel with the handle '" + handle + "'. Check the handle.", handle));
                    }

                    return;
                }

                await ByIdAsync(ids, "channels?part=" + Parts, "channel", i => new Channel(i), c => c.Id, onItem, onNotFound, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Videos by id (50 a call) with their statistics and content details; an unknown id goes to <paramref name="onNotFound"/>.</summary>
        public async Task ListVideosAsync(IReadOnlyList<string> ids, Action<Video> onItem, Action<YtOAuthException> onNotFound, CancellationToken cancellationToken)
        {
            try
            {
                await ByIdAsync(ids, "videos?part=snippet,statistics,contentDetails,status", "video", i => new Video(i), v => v.Id, onItem, onNotFound, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RecordQuotaAsync().ConfigureAwait(false);
            }
        }

        private async Task ByIdAsync<T>(IReadOnlyList<string> ids, string path, string noun, Func<JObject, T> make, Func<T, string> idOf, Action<T> onItem,
            Action<YtOAuthException> onNotFound, CancellationToken cancellationToken)
        {
            var baseUri = await BaseAsync(cancellationToken).ConfigureAwait(false);
            var distinct = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
            for (var batch = 0; batch < distinct.Count; batch += PageSize)
            {
                var chunk = distinct.Skip(batch).Take(PageSize).ToList();
                var target = string.Join(",", chunk);
                var json = await api.GetAsync(baseUri, path + "&maxResults=" + PageSize + "&id=" + Uri.EscapeDataString(target), target, QuotaCosts.ForRequest(System.Net.Http.HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
                var found = Read(json, target, j => Items(j).Select(make).ToList());
                foreach (var item in found)
                {
                    onItem(item);
                }

                // Google leaves out ids it does not know; say so instead of dropping them silently.
                foreach (var missing in chunk.Except(found.Select(idOf)))
                {
                    onNotFound(new YtOAuthException(ErrorCode.NotFound, "YouTube has no " + noun + " '" + missing + "' visible to this account. Check the id.", missing));
                }
            }
        }
    }
}
