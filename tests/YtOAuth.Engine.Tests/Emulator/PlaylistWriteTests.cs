using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Emulator;

/// <summary>The emulator's playlists and playlistItems writes: Google's checks, reasons and units, and the lists showing each change at once.</summary>
public class PlaylistWriteTests
{
    private static JsonObject Playlist(string? title, string privacy = "private", string? id = null, string? description = "About it.")
    {
        var snippet = new JsonObject();
        if (title != null) snippet["title"] = title;
        if (description != null) snippet["description"] = description;
        var body = new JsonObject { ["snippet"] = snippet, ["status"] = new JsonObject { ["privacyStatus"] = privacy } };
        if (id != null) body["id"] = id;
        return body;
    }

    private static JsonObject Item(string playlistId, string videoId, int? position = null)
    {
        var snippet = new JsonObject { ["playlistId"] = playlistId, ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = videoId } };
        if (position != null) snippet["position"] = position;
        return new JsonObject { ["snippet"] = snippet };
    }

    private static async Task<JsonArray> ItemsAsync(RawGoogle raw, string playlistId)
    {
        var (_, page) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlistItems?part=snippet&maxResults=50&playlistId=" + playlistId);
        return page!["items"]?.AsArray() ?? new JsonArray();
    }

    [Fact]
    public async Task A_playlist_is_made_changed_and_deleted_for_50_units_each_and_the_list_shows_it_at_once()
    {
        await using var google = await GoogleEmulator.StartAsync(data: new YouTubeDataOptions { PlaylistCount = 3 });
        using var raw = await RawGoogle.ConnectAsync(google, "youtube");

        var (made, playlist) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/playlists?part=snippet,status,contentDetails", Playlist("Road trips"));
        var id = playlist!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, made);
        Assert.Equal(("Road trips", "private", 0), (playlist["snippet"]!["title"]!.GetValue<string>(), playlist["status"]!["privacyStatus"]!.GetValue<string>(),
            playlist["contentDetails"]!["itemCount"]!.GetValue<int>()));
        var (_, mine) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlists?part=snippet&mine=true&maxResults=50");
        Assert.Equal(id, mine!["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(4, mine["pageInfo"]!["totalResults"]!.GetValue<int>());

        var (changed, updated) = await raw.SendAsync(HttpMethod.Put, "youtube/v3/playlists?part=snippet", Playlist("Long road trips", id: id, description: null));
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("Long road trips", updated!["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal("", updated["snippet"]!["description"]!.GetValue<string>()); // left out: deleted, as Google does
        Assert.Equal("private", google.Data.ById[id].Privacy); // status not in part: kept

        using (var delete = raw.Request(HttpMethod.Delete, "youtube/v3/playlists?id=" + id))
        using (var deleted = await raw.Http.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        }

        var (_, after) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlists?part=id&mine=true&maxResults=50");
        Assert.DoesNotContain(after!["items"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        var (gone, goneBody) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlistItems?part=id&playlistId=" + id);
        Assert.Equal((HttpStatusCode.NotFound, "playlistNotFound"), (gone, RawGoogle.Reason(goneBody)));
        Assert.Equal(3 * 50 + 3, google.Quota.Used);
    }

    [Fact]
    public async Task Playlist_writes_google_refuses_are_refused_with_its_reasons()
    {
        await using var google = await GoogleEmulator.StartAsync(data: new YouTubeDataOptions { PlaylistCount = 2 });
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.force-ssl");
        var others = google.Data.OtherPlaylists[0].Id;
        var uploads = YouTubeData.UploadsPlaylistId(google.Data.ChannelId);
        var own = google.Data.Playlists[0].Id;

        async Task<(HttpStatusCode, string?)> Send(HttpMethod method, string path, JsonNode? body = null)
        {
            var (status, answer) = await raw.SendAsync(method, path, body);
            return (status, RawGoogle.Reason(answer));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "playlistTitleRequired"), await Send(HttpMethod.Post, "youtube/v3/playlists?part=snippet", Playlist(null)));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistTitleRequired"), await Send(HttpMethod.Post, "youtube/v3/playlists?part=status", Playlist("Untold")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidPlaylistSnippet"), await Send(HttpMethod.Post, "youtube/v3/playlists?part=snippet", Playlist(new string('p', 151))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid"), await Send(HttpMethod.Post, "youtube/v3/playlists?part=snippet,status", Playlist("x", privacy: "friends")));
        Assert.Equal((HttpStatusCode.BadRequest, "required"), await Send(HttpMethod.Post, "youtube/v3/playlists", Playlist("x")));
        Assert.Equal((HttpStatusCode.BadRequest, "parseError"), await Send(HttpMethod.Post, "youtube/v3/playlists?part=snippet", JsonValue.Create("[")));
        Assert.Equal((HttpStatusCode.NotFound, "playlistNotFound"), await Send(HttpMethod.Put, "youtube/v3/playlists?part=snippet", Playlist("x", id: "PLnothere")));
        Assert.Equal((HttpStatusCode.Forbidden, "playlistForbidden"), await Send(HttpMethod.Put, "youtube/v3/playlists?part=snippet", Playlist("x", id: others)));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistTitleRequired"), await Send(HttpMethod.Put, "youtube/v3/playlists?part=snippet", Playlist(null, id: own)));
        Assert.Equal((HttpStatusCode.BadRequest, "required"), await Send(HttpMethod.Delete, "youtube/v3/playlists"));
        Assert.Equal((HttpStatusCode.NotFound, "playlistNotFound"), await Send(HttpMethod.Delete, "youtube/v3/playlists?id=PLnothere"));
        Assert.Equal((HttpStatusCode.Forbidden, "playlistForbidden"), await Send(HttpMethod.Delete, "youtube/v3/playlists?id=" + others));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistOperationUnsupported"), await Send(HttpMethod.Delete, "youtube/v3/playlists?id=" + uploads));
        Assert.Equal(13 * 50, google.Quota.Used); // every write is charged, refused ones too
        Assert.Equal(2, google.Data.Playlists.Count);
    }

    [Theory]
    [InlineData("youtube.readonly")]
    [InlineData("youtube.upload")]
    public async Task Read_only_and_upload_grants_may_not_write_playlists(string scope)
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, scope);
        var own = google.Data.Playlists[0].Id;

        foreach (var (method, path, body) in new (HttpMethod, string, JsonNode?)[]
        {
            (HttpMethod.Post, "youtube/v3/playlists?part=snippet", Playlist("x")),
            (HttpMethod.Put, "youtube/v3/playlists?part=snippet", Playlist("x", id: own)),
            (HttpMethod.Delete, "youtube/v3/playlists?id=" + own, null),
            (HttpMethod.Post, "youtube/v3/playlistItems?part=snippet", Item(own, "v0000000001")),
            (HttpMethod.Delete, "youtube/v3/playlistItems?id=x", null),
        })
        {
            var (status, answer) = await raw.SendAsync(method, path, body);
            Assert.Equal((HttpStatusCode.Forbidden, "insufficientPermissions"), (status, RawGoogle.Reason(answer)));
        }

        Assert.Equal(5 * 50, google.Quota.Used);
    }

    [Fact]
    public async Task Items_are_inserted_and_deleted_with_positions_renumbered_and_ids_kept()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtubepartner");
        var playlist = google.Data.Playlists.First(p => p.ItemCount >= 2);
        var before = await ItemsAsync(raw, playlist.Id);
        var quota = google.Quota.Used;

        var (inserted, item) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/playlistItems?part=snippet,contentDetails", Item(playlist.Id, google.Data.OtherChannelVideoId, position: 1));
        Assert.Equal(HttpStatusCode.OK, inserted);
        Assert.Equal(50, google.Quota.Used - quota);
        Assert.Equal(1, item!["snippet"]!["position"]!.GetValue<int>());
        Assert.Equal(google.Data.OtherChannelVideoId, item["contentDetails"]!["videoId"]!.GetValue<string>());
        var newId = item["id"]!.GetValue<string>();

        var during = await ItemsAsync(raw, playlist.Id);
        Assert.Equal(before.Count + 1, during.Count);
        Assert.Equal(Enumerable.Range(0, during.Count), during.Select(i => i!["snippet"]!["position"]!.GetValue<int>()));
        Assert.Equal(newId, during[1]!["id"]!.GetValue<string>());
        Assert.Equal(before.Select(i => i!["id"]!.GetValue<string>()), during.Where((_, j) => j != 1).Select(i => i!["id"]!.GetValue<string>()));
        var (_, counted) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlists?part=contentDetails&id=" + playlist.Id);
        Assert.Equal(before.Count + 1, counted!["items"]![0]!["contentDetails"]!["itemCount"]!.GetValue<int>());

        // At the end when no position is given.
        var (_, appended) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/playlistItems?part=snippet", Item(playlist.Id, "v0000000002"));
        Assert.Equal(before.Count + 1, appended!["snippet"]!["position"]!.GetValue<int>());

        var firstOld = before[0]!["id"]!.GetValue<string>();
        using (var delete = raw.Request(HttpMethod.Delete, "youtube/v3/playlistItems?id=" + firstOld))
        using (var deleted = await raw.Http.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var after = await ItemsAsync(raw, playlist.Id);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(newId, after[0]!["id"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(0, after.Count), after.Select(i => i!["snippet"]!["position"]!.GetValue<int>()));
        Assert.DoesNotContain(after, i => i!["id"]!.GetValue<string>() == firstOld);

        var (again, againBody) = await raw.SendAsync(HttpMethod.Delete, "youtube/v3/playlistItems?id=" + firstOld);
        Assert.Equal((HttpStatusCode.NotFound, "playlistItemNotFound"), (again, RawGoogle.Reason(againBody)));
    }

    [Fact]
    public async Task A_new_playlist_takes_items_and_item_writes_google_refuses_are_refused_with_its_reasons()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube");
        var (_, made) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/playlists?part=snippet", Playlist("Fresh"));
        var fresh = made!["id"]!.GetValue<string>();
        var others = google.Data.OtherPlaylists[0].Id;
        var uploads = YouTubeData.UploadsPlaylistId(google.Data.ChannelId);

        async Task<(HttpStatusCode, string?)> Insert(JsonNode body, string part = "snippet")
        {
            var (status, answer) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/playlistItems?part=" + part, body);
            return (status, RawGoogle.Reason(answer));
        }

        Assert.Equal((HttpStatusCode.OK, (string?)null), await Insert(Item(fresh, "v0000000003", position: 0)));
        Assert.Single(await ItemsAsync(raw, fresh));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistIdRequired"), await Insert(new JsonObject { ["snippet"] = new JsonObject { ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = "v0000000003" } } }));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistIdRequired"), await Insert(Item(fresh, "v0000000003"), part: "contentDetails"));
        Assert.Equal((HttpStatusCode.BadRequest, "resourceIdRequired"), await Insert(new JsonObject { ["snippet"] = new JsonObject { ["playlistId"] = fresh } }));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidResourceType"), await Insert(new JsonObject
        {
            ["snippet"] = new JsonObject { ["playlistId"] = fresh, ["resourceId"] = new JsonObject { ["kind"] = "youtube#channel", ["channelId"] = "UCx" } },
        }));
        Assert.Equal((HttpStatusCode.NotFound, "playlistNotFound"), await Insert(Item("PLnothere", "v0000000003")));
        Assert.Equal((HttpStatusCode.NotFound, "videoNotFound"), await Insert(Item(fresh, "vNOTTHERE01")));
        Assert.Equal((HttpStatusCode.Forbidden, "playlistItemsNotAccessible"), await Insert(Item(others, "v0000000003")));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistOperationUnsupported"), await Insert(Item(uploads, "v0000000003")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidPlaylistItemPosition"), await Insert(Item(fresh, "v0000000003", position: 5)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidPlaylistItemPosition"), await Insert(Item(fresh, "v0000000003", position: -1)));

        var othersItem = YouTubeData.ItemIdAt(google.Data.ById[others], 0);
        var uploadsItem = YouTubeData.ItemIdAt(google.Data.ById[uploads], 0);
        var (forbidden, forbiddenBody) = await raw.SendAsync(HttpMethod.Delete, "youtube/v3/playlistItems?id=" + othersItem);
        var (unsupported, unsupportedBody) = await raw.SendAsync(HttpMethod.Delete, "youtube/v3/playlistItems?id=" + uploadsItem);
        var (missing, missingBody) = await raw.SendAsync(HttpMethod.Delete, "youtube/v3/playlistItems?id=nothing");
        var (noId, noIdBody) = await raw.SendAsync(HttpMethod.Delete, "youtube/v3/playlistItems");
        Assert.Equal((HttpStatusCode.Forbidden, "playlistItemsNotAccessible"), (forbidden, RawGoogle.Reason(forbiddenBody)));
        Assert.Equal((HttpStatusCode.BadRequest, "playlistOperationUnsupported"), (unsupported, RawGoogle.Reason(unsupportedBody)));
        Assert.Equal((HttpStatusCode.NotFound, "playlistItemNotFound"), (missing, RawGoogle.Reason(missingBody)));
        Assert.Equal((HttpStatusCode.BadRequest, "required"), (noId, RawGoogle.Reason(noIdBody)));
        Assert.Single(await ItemsAsync(raw, fresh));
    }

    [Fact]
    public async Task An_api_key_alone_may_not_write()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var http = new HttpClient();

        using var answer = await http.PostAsync(google.BaseUri + "youtube/v3/playlists?part=snippet&key=" + google.Data.ApiKey,
            new StringContent(Playlist("x").ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("required", RawGoogle.Reason(JsonNode.Parse(await answer.Content.ReadAsStringAsync())));
    }
}
