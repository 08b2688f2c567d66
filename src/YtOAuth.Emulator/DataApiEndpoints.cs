using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>YouTube Data API v3 list methods (playlists, playlistItems, channels, videos) over seeded data, paged like Google (<see cref="Paging"/>).</summary>
internal static class DataApiEndpoints
{
    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapGet("/youtube/v3/playlists", context => Data(context, emulator, "playlists", Playlists));
        app.MapGet("/youtube/v3/playlistItems", context => Data(context, emulator, "playlistItems", PlaylistItems));
        app.MapGet("/youtube/v3/channels", context => Data(context, emulator, "channels", Channels));
        app.MapGet("/youtube/v3/videos", context => Data(context, emulator, "videos", Videos));
    }

    private delegate Task<JsonObject?> Handler(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller);

    private static async Task Data(HttpContext context, GoogleEmulator emulator, string method, Handler handler)
    {
        var caller = await ApiCall.BeginAsync(context, emulator, method, 1, ApiResponses.DataScopes, needsPart: true);
        if (caller == null)
        {
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
        return await Paging.Page(context, emulator, "youtube#playlistListResponse", source.ToList(), p => PlaylistResource.Render(data, p, parts));
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
        return await Paging.Page(context, emulator, "youtube#playlistItemListResponse", items, j => PlaylistItemResource.Render(data, playlist, j, parts, caller.ByKey));
    }

    private static async Task<JsonObject?> Channels(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller)
    {
        var q = context.Request.Query;
        var data = emulator.Data;
        var handle = q["forHandle"].ToString().TrimStart('@');
        var ids = q.ContainsKey("mine")
            ? (caller.ByKey ? null : new[] { data.ChannelId })
            : q.ContainsKey("forHandle")
                ? (handle.Equals(data.Handle.TrimStart('@'), StringComparison.OrdinalIgnoreCase) ? new[] { data.ChannelId }
                    : handle.Equals("other", StringComparison.OrdinalIgnoreCase) ? new[] { data.OtherChannelId } : Array.Empty<string>())
                : q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids == null)
        {
            await ApiResponses.Error(context, 401, "required", "global", "Login Required.", location: "Authorization");
            return null;
        }

        var parts = Parts(q["part"]);
        var known = ids.Where(id => id == data.ChannelId || id == data.OtherChannelId).ToList();
        return await Paging.Page(context, emulator, "youtube#channelListResponse", known, id =>
        {
            var own = id == data.ChannelId;
            var item = new JsonObject { ["kind"] = "youtube#channel", ["etag"] = "etag-channel", ["id"] = id };
            if (parts.Contains("snippet"))
            {
                item["snippet"] = new JsonObject
                {
                    ["title"] = own ? data.ChannelTitle : "Other Channel", ["description"] = "Seeded channel.",
                    ["customUrl"] = own ? data.Handle : "@other", ["publishedAt"] = "2015-03-01T10:00:00Z",
                };
            }

            if (parts.Contains("contentDetails"))
            {
                item["contentDetails"] = new JsonObject { ["relatedPlaylists"] = new JsonObject { ["uploads"] = YouTubeData.UploadsPlaylistId(id) } };
            }

            if (parts.Contains("statistics"))
            {
                // A seeded channel adds up its videos; a generated one has fixed figures.
                var seeded = own && data.SeededVideos.Count > 0;
                item["statistics"] = new JsonObject
                {
                    ["viewCount"] = seeded ? data.SeededVideos.Values.Sum(v => v.Views).ToString(CultureInfo.InvariantCulture) : "123456",
                    ["subscriberCount"] = (own ? data.Subscribers : 1200).ToString(CultureInfo.InvariantCulture),
                    ["videoCount"] = seeded ? data.SeededVideos.Count.ToString(CultureInfo.InvariantCulture) : "42", ["hiddenSubscriberCount"] = false,
                };
            }

            return item;
        });
    }

    private static async Task<JsonObject?> Videos(HttpContext context, GoogleEmulator emulator, ApiResponses.Caller caller)
    {
        var q = context.Request.Query;
        if (!q.ContainsKey("id"))
        {
            await ApiResponses.Error(context, 400, "missingRequiredParameter", "youtube.parameter", "The emulator answers videos.list by id only.");
            return null;
        }

        var ids = q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 50)
        {
            await ApiResponses.Error(context, 400, "invalidParameter", "youtube.parameter", "At most 50 ids may be given.");
            return null;
        }

        var parts = Parts(q["part"]);
        var data = emulator.Data;
        // Google leaves out ids it does not know, or may not show to this caller.
        var found = ids.Select(data.Video).Where(v => v != null && (v.Privacy != "private" || !caller.ByKey)).Select(v => v!).ToList();
        return await Paging.Page(context, emulator, "youtube#videoListResponse", found, v => VideoResource.Render(emulator, v, parts, !caller.ByKey && v.ChannelId == caller.Grant?.ChannelId));
    }

    internal static HashSet<string> Parts(string? part) => new((part ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
