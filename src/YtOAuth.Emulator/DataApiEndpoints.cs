using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace YtOAuth.Emulator;

/// <summary>YouTube Data API v3 list methods (playlists, playlistItems, channels) over seeded data, paged like Google.</summary>
internal static class DataApiEndpoints
{
    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapGet("/youtube/v3/playlists", context => Data(context, emulator, "playlists", Playlists));
        app.MapGet("/youtube/v3/playlistItems", context => Data(context, emulator, "playlistItems", PlaylistItems));
        app.MapGet("/youtube/v3/channels", context => Data(context, emulator, "channels", Channels));
    }

    private delegate Task<JsonObject?> Handler(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller);

    private static async Task Data(HttpContext context, GoogleEmulator emulator, string method, Handler handler)
    {
        emulator.Counters.Add("youtube");
        emulator.Counters.Add("youtube:" + method);
        if (await emulator.ApplyFaultAsync(context, FaultTarget.YouTube))
        {
            return;
        }

        var caller = await ApiResponses.Authenticate(context, emulator, ApiResponses.DataScopes, null);
        if (caller == null)
        {
            return;
        }

        if (!ApiResponses.SpendQuota(emulator))
        {
            await ApiResponses.Error(context, 403, "quotaExceeded", "youtube.quota",
                "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
            return;
        }

        if (string.IsNullOrEmpty(context.Request.Query["part"]))
        {
            await ApiResponses.Error(context, 400, "required", "global", "Required parameter: part");
            return;
        }

        var body = await handler(context, emulator, caller);
        if (body != null)
        {
            await ApiResponses.Send(context, 200, body);
        }
    }

    private static async Task<JsonObject?> Playlists(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller)
    {
        var q = context.Request.Query;
        var filters = new[] { "mine", "channelId", "id" }.Count(f => q.ContainsKey(f));
        if (filters != 1)
        {
            await ApiResponses.Error(context, 400, filters == 0 ? "missingRequiredParameter" : "incompatibleParameters", "youtube.parameter",
                "Exactly one of mine, channelId or id must be given.");
            return null;
        }

        IEnumerable<EmulatedPlaylist> source;
        var data = emulator.Data;
        if (q.ContainsKey("mine"))
        {
            if (caller.ByKey)
            {
                await ApiResponses.Error(context, 401, "required", "global", "Login Required.", location: "Authorization");
                return null;
            }

            source = data.Playlists;
        }
        else if (q.ContainsKey("channelId"))
        {
            var channel = q["channelId"].ToString();
            var own = !caller.ByKey && channel == data.ChannelId;
            source = channel == data.ChannelId ? data.Playlists.Where(p => own || p.Privacy == "public")
                : channel == data.OtherChannelId ? data.OtherPlaylists : null!;
            if (source == null)
            {
                await ApiResponses.Error(context, 404, "channelNotFound", "youtube.playlist", "The channel specified in the channelId parameter cannot be found.");
                return null;
            }
        }
        else
        {
            var ids = q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length > 50)
            {
                await ApiResponses.Error(context, 400, "invalidParameter", "youtube.parameter", "At most 50 ids may be given.");
                return null;
            }

            source = ids.Where(data.ById.ContainsKey).Select(id => data.ById[id]).Where(p => p.Privacy != "private" || (!caller.ByKey && p.ChannelId == data.ChannelId));
        }

        var parts = Parts(q["part"]);
        return await Page(context, emulator, "youtube#playlistListResponse", source.ToList(), p =>
        {
            var item = new JsonObject { ["kind"] = "youtube#playlist", ["etag"] = "etag-" + p.Id[..8], ["id"] = p.Id };
            if (parts.Contains("snippet"))
            {
                item["snippet"] = new JsonObject
                {
                    ["publishedAt"] = p.Published.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["channelId"] = p.ChannelId, ["title"] = p.Title,
                    ["description"] = "Seeded playlist " + p.Title + ".", ["channelTitle"] = p.ChannelId == data.ChannelId ? data.ChannelTitle : "Other Channel",
                    ["thumbnails"] = new JsonObject { ["default"] = new JsonObject { ["url"] = "https://i.ytimg.com/vi/x/default.jpg", ["width"] = 120, ["height"] = 90 } },
                    ["localized"] = new JsonObject { ["title"] = p.Title, ["description"] = "Seeded playlist " + p.Title + "." },
                };
            }

            if (parts.Contains("status"))
            {
                item["status"] = new JsonObject { ["privacyStatus"] = p.Privacy };
            }

            if (parts.Contains("contentDetails"))
            {
                item["contentDetails"] = new JsonObject { ["itemCount"] = p.ItemCount };
            }

            return item;
        });
    }

    private static async Task<JsonObject?> PlaylistItems(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller)
    {
        var q = context.Request.Query;
        var playlistId = q["playlistId"].ToString();
        if (playlistId.Length == 0)
        {
            await ApiResponses.Error(context, 400, "playlistIdRequired", "youtube.playlistItem", "The request must specify a playlist ID.");
            return null;
        }

        var data = emulator.Data;
        if (!data.ById.TryGetValue(playlistId, out var playlist))
        {
            await ApiResponses.Error(context, 404, "playlistNotFound", "youtube.playlistItem", "The playlist identified with the request's playlistId parameter cannot be found.");
            return null;
        }

        if (playlist.Privacy == "private" && (caller.ByKey || playlist.ChannelId != data.ChannelId))
        {
            await ApiResponses.Error(context, 403, "playlistItemsNotAccessible", "youtube.playlistItem", "The request is not properly authorized to retrieve the specified playlist.");
            return null;
        }

        var parts = Parts(q["part"]);
        var items = Enumerable.Range(0, playlist.ItemCount).ToList();
        return await Page(context, emulator, "youtube#playlistItemListResponse", items, j =>
        {
            var deleted = data.Number(playlist.Id + "/deleted" + j, 10) == 0;
            var videoId = "v" + data.Number(playlist.Id + "/" + j, 1_000_000_000).ToString("D10");
            var item = new JsonObject { ["kind"] = "youtube#playlistItem", ["etag"] = "etag-item", ["id"] = playlist.Id[2..14] + "." + j };
            if (parts.Contains("snippet"))
            {
                var snippet = new JsonObject
                {
                    ["publishedAt"] = playlist.Published.AddMinutes(j).ToString("yyyy-MM-ddTHH:mm:ssZ"), ["channelId"] = playlist.ChannelId,
                    ["title"] = deleted ? "Deleted video" : "Video " + (j + 1), ["description"] = deleted ? "This video is unavailable." : "A seeded video.",
                    ["channelTitle"] = data.ChannelTitle, ["playlistId"] = playlist.Id, ["position"] = j,
                    ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = videoId },
                };
                if (!deleted)
                {
                    snippet["videoOwnerChannelId"] = playlist.ChannelId;
                    snippet["videoOwnerChannelTitle"] = data.ChannelTitle;
                }

                item["snippet"] = snippet;
            }

            if (parts.Contains("contentDetails"))
            {
                var details = new JsonObject { ["videoId"] = videoId };
                if (!deleted)
                {
                    details["videoPublishedAt"] = playlist.Published.AddDays(-j).ToString("yyyy-MM-ddTHH:mm:ssZ");
                }

                item["contentDetails"] = details;
            }

            if (parts.Contains("status"))
            {
                item["status"] = new JsonObject { ["privacyStatus"] = deleted ? "private" : "public" };
            }

            return item;
        });
    }

    private static async Task<JsonObject?> Channels(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller)
    {
        var q = context.Request.Query;
        var data = emulator.Data;
        var ids = q.ContainsKey("mine")
            ? (caller.ByKey ? null : new[] { data.ChannelId })
            : q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids == null)
        {
            await ApiResponses.Error(context, 401, "required", "global", "Login Required.", location: "Authorization");
            return null;
        }

        var parts = Parts(q["part"]);
        var known = ids.Where(id => id == data.ChannelId || id == data.OtherChannelId).ToList();
        return await Page(context, emulator, "youtube#channelListResponse", known, id =>
        {
            var own = id == data.ChannelId;
            var item = new JsonObject { ["kind"] = "youtube#channel", ["etag"] = "etag-channel", ["id"] = id };
            if (parts.Contains("snippet"))
            {
                item["snippet"] = new JsonObject
                {
                    ["title"] = own ? data.ChannelTitle : "Other Channel", ["description"] = "Seeded channel.",
                    ["customUrl"] = own ? "@emulated" : "@other", ["publishedAt"] = "2015-03-01T10:00:00Z",
                };
            }

            if (parts.Contains("contentDetails"))
            {
                item["contentDetails"] = new JsonObject { ["relatedPlaylists"] = new JsonObject { ["uploads"] = "UU" + id[2..] } };
            }

            if (parts.Contains("statistics"))
            {
                item["statistics"] = new JsonObject { ["viewCount"] = "123456", ["subscriberCount"] = "1200", ["videoCount"] = "42", ["hiddenSubscriberCount"] = false };
            }

            return item;
        });
    }

    /// <summary>One page of a list: maxResults 0..50 (default 5), an opaque pageToken, pageInfo.totalResults.</summary>
    private static async Task<JsonObject?> Page<T>(HttpContext context, GoogleEmulator emulator, string kind, IReadOnlyList<T> all, Func<T, JsonObject> render)
    {
        var q = context.Request.Query;
        var max = 5;
        if (q.ContainsKey("maxResults") && (!int.TryParse(q["maxResults"], out max) || max < 0 || max > 50))
        {
            await ApiResponses.Error(context, 400, "invalidParameter", "youtube.parameter", "Invalid value for maxResults: must be 0 to 50.");
            return null;
        }

        var offset = 0;
        var pageToken = q["pageToken"].ToString();
        if (pageToken.Length > 0 && !TryDecodeToken(pageToken, out offset))
        {
            await ApiResponses.Error(context, 400, "invalidPageToken", "youtube.parameter", "The request specifies an invalid page token.");
            return null;
        }

        var body = new JsonObject { ["kind"] = kind, ["etag"] = "etag-list" };
        if (offset + max < all.Count)
        {
            body["nextPageToken"] = EncodeToken(offset + max);
        }

        if (offset > 0)
        {
            body["prevPageToken"] = EncodeToken(Math.Max(0, offset - max));
        }

        body["pageInfo"] = new JsonObject { ["totalResults"] = all.Count, ["resultsPerPage"] = max };
        var items = all.Skip(offset).Take(max).Select(render).ToArray();
        if (items.Length > 0)
        {
            body["items"] = new JsonArray(items);
        }

        return body;
    }

    private static string EncodeToken(int offset) => "CA" + Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + offset)).TrimEnd('=');

    private static bool TryDecodeToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var raw = token.StartsWith("CA", StringComparison.Ordinal) ? token[2..] : "";
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(raw.PadRight(raw.Length + (4 - raw.Length % 4) % 4, '=')));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static HashSet<string> Parts(string? part) => new((part ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
