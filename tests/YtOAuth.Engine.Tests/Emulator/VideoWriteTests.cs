using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Emulator;

/// <summary>The emulator's videos.update and thumbnails.set, as Google checks and charges them.</summary>
public class VideoWriteTests
{
    // A generated video of the connected channel (generated data holds any "v" + ten digits).
    private const string Mine = "v0000000001";

    private static JsonObject Update(string id, string? title = "New title", string? category = "10", string? privacy = "private")
    {
        var snippet = new JsonObject { ["description"] = "Changed." };
        if (title != null) snippet["title"] = title;
        if (category != null) snippet["categoryId"] = category;
        var body = new JsonObject { ["id"] = id, ["snippet"] = snippet };
        if (privacy != null) body["status"] = new JsonObject { ["privacyStatus"] = privacy };
        return body;
    }

    [Fact]
    public async Task An_update_replaces_the_named_parts_costs_50_and_the_list_shows_it()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube");
        var quota = google.Quota.Used;

        var (status, video) = await raw.SendAsync(HttpMethod.Put, "youtube/v3/videos?part=snippet,status", Update(Mine));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, google.Quota.Used - quota);
        Assert.Equal("New title", video!["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal("10", video["snippet"]!["categoryId"]!.GetValue<string>());
        Assert.Equal("private", video["status"]!["privacyStatus"]!.GetValue<string>());
        var (_, listed) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/videos?part=snippet,status&id=" + Mine);
        Assert.Equal("New title", listed!["items"]![0]!["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal("Changed.", listed["items"]![0]!["snippet"]!["description"]!.GetValue<string>());
        Assert.Equal("private", listed["items"]![0]!["status"]!["privacyStatus"]!.GetValue<string>());

        // part=status alone leaves the snippet as it is, whatever the body holds.
        var (_, statusOnly) = await raw.SendAsync(HttpMethod.Put, "youtube/v3/videos?part=status", Update(Mine, title: "Ignored", privacy: "public"));
        Assert.Equal("public", statusOnly!["status"]!["privacyStatus"]!.GetValue<string>());
        var (_, after) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/videos?part=snippet&id=" + Mine);
        Assert.Equal("New title", after!["items"]![0]!["snippet"]!["title"]!.GetValue<string>());
    }

    public static TheoryData<string, JsonObject, string, HttpStatusCode, string> RefusedUpdates() => new()
    {
        { "no categoryId on a snippet update", Update(Mine, category: null), "snippet", HttpStatusCode.BadRequest, "invalidCategoryId" },
        { "no title", Update(Mine, title: null), "snippet", HttpStatusCode.BadRequest, "invalidTitle" },
        { "title too long", Update(Mine, title: new string('x', 101)), "snippet", HttpStatusCode.BadRequest, "invalidTitle" },
        { "publishAt on a public video", new JsonObject { ["id"] = Mine, ["status"] = new JsonObject { ["privacyStatus"] = "public", ["publishAt"] = "2099-01-01T00:00:00Z" } }, "status", HttpStatusCode.BadRequest, "invalidPublishAt" },
        { "no id", new JsonObject { ["snippet"] = new JsonObject { ["title"] = "t", ["categoryId"] = "22" } }, "snippet", HttpStatusCode.BadRequest, "required" },
        { "an unknown video", Update("vNOTTHERE01"), "snippet", HttpStatusCode.NotFound, "videoNotFound" },
        { "an unknown part", Update(Mine), "snippet,nonsense", HttpStatusCode.BadRequest, "unknownPart" },
    };

    [Theory]
    [MemberData(nameof(RefusedUpdates))]
    public async Task An_update_google_refuses_is_refused_with_its_reason(string what, JsonObject body, string part, HttpStatusCode expected, string reason)
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.force-ssl");

        var (status, answer) = await raw.SendAsync(HttpMethod.Put, "youtube/v3/videos?part=" + part, body);

        Assert.True(expected == status, what + ": " + status);
        Assert.Equal(reason, RawGoogle.Reason(answer));
    }

    [Fact]
    public async Task Another_channels_video_is_forbidden_and_the_upload_scope_may_not_update()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var manage = await RawGoogle.ConnectAsync(google, "youtube");
        using var upload = await RawGoogle.ConnectAsync(google, "youtube.upload");

        var (forbidden, body) = await manage.SendAsync(HttpMethod.Put, "youtube/v3/videos?part=snippet", Update(google.Data.OtherChannelVideoId));
        var (scope, scopeBody) = await upload.SendAsync(HttpMethod.Put, "youtube/v3/videos?part=snippet", Update(Mine));

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (forbidden, RawGoogle.Reason(body)));
        Assert.Equal((HttpStatusCode.Forbidden, "insufficientPermissions"), (scope, RawGoogle.Reason(scopeBody)));
    }

    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3 };
    private static readonly byte[] Jpeg = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46 };

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SetThumbnailAsync(RawGoogle raw, string videoId, byte[] image, string type = "image/png", string query = "")
    {
        using var request = raw.Request(HttpMethod.Post, "upload/youtube/v3/thumbnails/set?videoId=" + videoId + query);
        request.Content = new ByteArrayContent(image);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var answer = await raw.Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task A_thumbnail_is_set_for_50_units_and_the_videos_thumbnails_then_show_it()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload", "youtube.readonly");
        var quota = google.Quota.Used;

        var (status, body) = await SetThumbnailAsync(raw, Mine, Png, query: "&uploadType=media");
        var (jpegStatus, _) = await SetThumbnailAsync(raw, Mine, Jpeg, "application/octet-stream");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, jpegStatus));
        Assert.Equal(100, google.Quota.Used - quota);
        Assert.Equal("youtube#thumbnailSetResponse", body!["kind"]!.GetValue<string>());
        var picture = body["items"]![0]!["default"]!;
        Assert.Equal((120, 90), (picture["width"]!.GetValue<int>(), picture["height"]!.GetValue<int>()));
        var (_, listed) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/videos?part=snippet&id=" + Mine);
        var url = listed!["items"]![0]!["snippet"]!["thumbnails"]!["default"]!["url"]!.GetValue<string>();
        Assert.Contains("sqp=custom-", url);
        Assert.NotEqual(picture["url"]!.GetValue<string>(), url); // the JPEG set after the PNG
        Assert.Equal("image/jpeg", google.Data.Video(Mine)!.Thumbnail!.ContentType);
    }

    [Fact]
    public async Task Thumbnails_google_refuses_are_refused_with_its_reason()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        using var readOnly = await RawGoogle.ConnectAsync(google, "youtube.readonly");
        var tooLarge = new byte[2 * 1024 * 1024 + 1];
        Png.CopyTo(tooLarge, 0);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "uploadTooLarge"), Reason(await SetThumbnailAsync(raw, Mine, tooLarge)));
        Assert.Equal((HttpStatusCode.BadRequest, "badContent"), Reason(await SetThumbnailAsync(raw, Mine, Png, "text/plain")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidImage"), Reason(await SetThumbnailAsync(raw, Mine, new byte[] { 1, 2, 3, 4 }, "image/jpeg")));
        Assert.Equal((HttpStatusCode.BadRequest, "mediaBodyRequired"), Reason(await SetThumbnailAsync(raw, Mine, Array.Empty<byte>())));
        Assert.Equal((HttpStatusCode.NotFound, "videoNotFound"), Reason(await SetThumbnailAsync(raw, "vNOTTHERE01", Png)));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), Reason(await SetThumbnailAsync(raw, google.Data.OtherChannelVideoId, Png)));
        Assert.Equal((HttpStatusCode.Forbidden, "insufficientPermissions"), Reason(await SetThumbnailAsync(readOnly, Mine, Png)));
        var (atMethodPath, body) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/thumbnails/set?videoId=" + Mine);
        Assert.Equal((HttpStatusCode.BadRequest, "mediaBodyRequired"), (atMethodPath, RawGoogle.Reason(body)));
        Assert.Null(google.Data.Video(Mine)!.Thumbnail);
        Assert.Equal(8 * 50, google.Quota.Used);

        // Exactly 2 MiB is within the limit.
        var atLimit = new byte[2 * 1024 * 1024];
        Png.CopyTo(atLimit, 0);
        Assert.Equal(HttpStatusCode.OK, (await SetThumbnailAsync(raw, Mine, atLimit)).Status);
    }

    private static (HttpStatusCode, string?) Reason((HttpStatusCode Status, JsonNode? Body) answer) => (answer.Status, RawGoogle.Reason(answer.Body));
}
