using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Emulator;

/// <summary>The emulator's videos.insert as Google's resumable upload protocol, driven with raw HTTP as the engine will drive it.</summary>
public class ResumableUploadTests
{
    private const int Block = 262_144;

    private static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonObject Metadata(string title = "My upload") => new()
    {
        ["snippet"] = new JsonObject { ["title"] = title, ["description"] = "Made in a test.", ["tags"] = new JsonArray("a", "b c"), ["categoryId"] = "27" },
        ["status"] = new JsonObject { ["privacyStatus"] = "unlisted" },
    };

    private static async Task<HttpResponseMessage> StartAsync(RawGoogle raw, JsonNode? metadata, long length, string part = "snippet,status",
        string type = "video/mp4", string path = "upload/youtube/v3/videos", string uploadType = "resumable")
    {
        using var request = raw.Request(HttpMethod.Post, path + "?uploadType=" + uploadType + "&part=" + part);
        request.Content = new StringContent(metadata?.ToJsonString() ?? "", Encoding.UTF8, "application/json");
        if (length >= 0)
        {
            request.Headers.Add("X-Upload-Content-Length", length.ToString());
        }

        if (type.Length > 0)
        {
            request.Headers.Add("X-Upload-Content-Type", type);
        }

        return await raw.Http.SendAsync(request);
    }

    private static async Task<Uri> SessionAsync(RawGoogle raw, long length, JsonNode? metadata = null)
    {
        using var answer = await StartAsync(raw, metadata ?? Metadata(), length);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return answer.Headers.Location!;
    }

    private static async Task<HttpResponseMessage> PutAsync(RawGoogle raw, Uri session, byte[] file, long start, int count, bool withToken = false)
    {
        using var request = raw.Request(HttpMethod.Put, session.AbsoluteUri, withToken);
        request.Content = new ByteArrayContent(file, (int)start, count);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + count - 1, file.Length);
        return await raw.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> StatusAsync(RawGoogle raw, Uri session, long total)
    {
        using var request = raw.Request(HttpMethod.Put, session.AbsoluteUri, withToken: false);
        request.Content = new ByteArrayContent(Array.Empty<byte>());
        request.Content.Headers.Add("Content-Range", "bytes */" + total);
        return await raw.Http.SendAsync(request);
    }

    private static string? Committed(HttpResponseMessage answer) =>
        answer.Headers.TryGetValues("Range", out var values) ? values.Single() : null;

    [Fact]
    public async Task A_multi_chunk_upload_makes_one_video_whose_bytes_match_and_it_is_listed_processed_later_and_first_in_uploads()
    {
        await using var google = await GoogleEmulator.StartAsync();
        google.Settings.ProcessingDelay = TimeSpan.FromMinutes(10);
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload", "youtube.readonly");
        var file = Bytes(3 * Block + 1000);
        var quota = google.Quota.Used;

        using var start = await StartAsync(raw, Metadata(), file.Length);
        var session = start.Headers.Location!;
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.True(session.IsAbsoluteUri);
        Assert.StartsWith(google.BaseUri + "upload/youtube/v3/videos?uploadType=resumable&upload_id=", session.AbsoluteUri);
        Assert.EndsWith("&part=snippet,status", session.AbsoluteUri);
        Assert.Equal(1600, google.Quota.Used - quota);

        using (var nothingYet = await StatusAsync(raw, session, file.Length))
        {
            Assert.Equal(308, (int)nothingYet.StatusCode);
            Assert.Null(Committed(nothingYet)); // no Range while nothing is committed
        }

        using (var first = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(308, (int)first.StatusCode);
            Assert.Equal("Resume Incomplete", first.ReasonPhrase);
            Assert.Equal("bytes=0-262143", Committed(first));
        }

        using (var second = await PutAsync(raw, session, file, Block, 2 * Block, withToken: true))
        {
            Assert.Equal(308, (int)second.StatusCode);
            Assert.Equal("bytes=0-786431", Committed(second));
        }

        JsonNode video;
        using (var last = await PutAsync(raw, session, file, 3 * Block, 1000))
        {
            Assert.Equal(HttpStatusCode.Created, last.StatusCode); // 201, as the resumable-upload guide shows
            video = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;
        }

        var id = video["id"]!.GetValue<string>();
        Assert.Equal("youtube#video", video["kind"]!.GetValue<string>());
        Assert.Equal("My upload", video["snippet"]!["title"]!.GetValue<string>());
        Assert.Equal("27", video["snippet"]!["categoryId"]!.GetValue<string>());
        Assert.Equal("unlisted", video["status"]!["privacyStatus"]!.GetValue<string>());
        Assert.Equal("uploaded", video["status"]!["uploadStatus"]!.GetValue<string>());

        var uploaded = Assert.Single(google.UploadedVideos);
        Assert.Equal((id, "My upload", (long)file.Length, Sha256(file)), (uploaded.Id, uploaded.Title, uploaded.ByteLength, uploaded.Sha256));
        Assert.Equal((1, 1), (google.Uploads.SessionsStarted, google.Uploads.SessionsCompleted));
        Assert.Empty(google.Uploads.OpenSessions);
        Assert.Equal(3, google.Counters["upload:chunk"]);
        Assert.Equal(1600, google.Quota.Used - quota); // the chunks cost nothing more

        // The same through the control endpoint, for tests in another process.
        var control = JsonNode.Parse(await raw.Http.GetStringAsync(google.BaseUri + "emulator/uploads"))!;
        Assert.Equal(1, control["sessionsStarted"]!.GetValue<int>());
        Assert.Equal(1, control["sessionsCompleted"]!.GetValue<int>());
        Assert.Empty(control["openSessions"]!.AsArray());
        var listed = Assert.Single(control["videos"]!.AsArray())!;
        Assert.Equal(id, listed["id"]!.GetValue<string>());
        Assert.Equal(file.Length, listed["byteLength"]!.GetValue<long>());
        Assert.Equal(Sha256(file), listed["sha256"]!.GetValue<string>());

        // After the end a status query answers the video again.
        using (var done = await StatusAsync(raw, session, file.Length))
        {
            Assert.Equal(HttpStatusCode.Created, done.StatusCode);
            Assert.Equal(id, JsonNode.Parse(await done.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        var (_, processing) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/videos?part=status,processingDetails,fileDetails&id=" + id);
        Assert.Equal("uploaded", processing!["items"]![0]!["status"]!["uploadStatus"]!.GetValue<string>());
        Assert.Equal("processing", processing["items"]![0]!["processingDetails"]!["processingStatus"]!.GetValue<string>());
        Assert.Equal(file.Length.ToString(), processing["items"]![0]!["fileDetails"]!["fileSize"]!.GetValue<string>());
        google.AdvanceClock(TimeSpan.FromMinutes(11));
        var (_, processed) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/videos?part=status,processingDetails&id=" + id);
        Assert.Equal("processed", processed!["items"]![0]!["status"]!["uploadStatus"]!.GetValue<string>());
        Assert.Equal("succeeded", processed["items"]![0]!["processingDetails"]!["processingStatus"]!.GetValue<string>());

        var (_, channel) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/channels?part=contentDetails&mine=true");
        var uploads = channel!["items"]![0]!["contentDetails"]!["relatedPlaylists"]!["uploads"]!.GetValue<string>();
        var (_, items) = await raw.SendAsync(HttpMethod.Get, "youtube/v3/playlistItems?part=snippet,contentDetails&playlistId=" + uploads);
        Assert.Equal(id, items!["items"]![0]!["contentDetails"]!["videoId"]!.GetValue<string>());
        Assert.Equal(0, items["items"]![0]!["snippet"]!["position"]!.GetValue<int>());
        Assert.Equal(google.Data.ById[uploads].ItemCount, items["pageInfo"]!["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_whole_file_in_one_put_without_content_range_and_the_discovery_path_both_work()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube");
        var file = Bytes(5000, seed: 2);

        using var start = await StartAsync(raw, Metadata("Discovery path"), file.Length, path: "resumable/upload/youtube/v3/videos");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("/upload/youtube/v3/videos?uploadType=resumable&upload_id=", start.Headers.Location!.AbsoluteUri);
        using var request = raw.Request(HttpMethod.Put, start.Headers.Location!.AbsoluteUri, withToken: false);
        request.Content = new ByteArrayContent(file);
        using var answer = await raw.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(Sha256(file), Assert.Single(google.UploadedVideos).Sha256);
    }

    [Fact]
    public async Task A_middle_chunk_that_is_not_a_multiple_of_256_KiB_or_does_not_follow_on_is_refused_and_nothing_of_it_kept()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(2 * Block + 10);
        var session = await SessionAsync(raw, file.Length);

        using (var odd = await PutAsync(raw, session, file, 0, Block + 1))
        {
            Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
            Assert.Contains("multiple of 262144", await odd.Content.ReadAsStringAsync());
        }

        using (var status = await StatusAsync(raw, session, file.Length))
        {
            Assert.Null(Committed(status));
        }

        using (var ahead = await PutAsync(raw, session, file, Block, Block))
        {
            Assert.Equal(HttpStatusCode.BadRequest, ahead.StatusCode);
            Assert.Contains("0 bytes are committed", await ahead.Content.ReadAsStringAsync());
        }

        using (var good = await PutAsync(raw, session, file, 0, 2 * Block))
        {
            Assert.Equal("bytes=0-524287", Committed(good));
        }

        using (var again = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // a chunk sent twice does not follow on
        }

        using (var last = await PutAsync(raw, session, file, 2 * Block, 10))
        {
            Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        }

        Assert.Equal(Sha256(file), Assert.Single(google.UploadedVideos).Sha256);
    }

    [Fact]
    public async Task A_connection_cut_mid_chunk_keeps_whole_blocks_and_the_status_query_says_where_to_resume()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(4 * Block + 77);
        var session = await SessionAsync(raw, file.Length);
        google.Faults.Add(FaultTarget.Upload, Fault.DropAfter(Block + 40_000));

        await Assert.ThrowsAsync<HttpRequestException>(() => PutAsync(raw, session, file, 0, 2 * Block));

        using (var status = await StatusAsync(raw, session, file.Length))
        {
            Assert.Equal(308, (int)status.StatusCode);
            Assert.Equal("bytes=0-262143", Committed(status)); // 302,144 arrived: one whole block kept
        }

        Assert.Equal(Block, Assert.Single(google.Uploads.OpenSessions).Committed);
        using (var rest = await PutAsync(raw, session, file, Block, 3 * Block))
        {
            Assert.Equal("bytes=0-1048575", Committed(rest));
        }

        using (var last = await PutAsync(raw, session, file, 4 * Block, 77))
        {
            Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        }

        var video = Assert.Single(google.UploadedVideos);
        Assert.Equal((Sha256(file), (long)file.Length), (video.Sha256, video.ByteLength));
        Assert.Equal((1, 1), (google.Uploads.SessionsStarted, google.Uploads.SessionsCompleted));
    }

    [Fact]
    public async Task A_client_whose_link_breaks_mid_chunk_resumes_from_what_the_server_kept()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(3 * Block + 5, seed: 3);
        var session = await SessionAsync(raw, file.Length);

        using (var request = raw.Request(HttpMethod.Put, session.AbsoluteUri, withToken: false))
        {
            request.Content = new BreakingContent(file, 3 * Block, 2 * Block + 50_000);
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, 3 * Block - 1, file.Length);
            await Assert.ThrowsAnyAsync<Exception>(() => raw.Http.SendAsync(request));
        }

        long committed;
        using (var status = await StatusAsync(raw, session, file.Length))
        {
            Assert.Equal(308, (int)status.StatusCode);
            var range = Committed(status);
            committed = range == null ? 0 : long.Parse(range["bytes=0-".Length..]) + 1;
        }

        // Whole blocks only, and never more than arrived.
        Assert.Equal(0, committed % Block);
        Assert.True(committed <= 2 * Block, "committed " + committed);
        using (var rest = await PutAsync(raw, session, file, committed, (int)(file.Length - committed)))
        {
            Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        }

        Assert.Equal(Sha256(file), Assert.Single(google.UploadedVideos).Sha256);
    }

    [Fact]
    public async Task A_503_keeps_nothing_of_the_chunk_in_googles_words_and_the_same_chunk_then_goes_through()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(Block + 3);
        var session = await SessionAsync(raw, file.Length);
        google.Faults.Add(FaultTarget.Upload, Fault.BackendError);

        using (var refused = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            Assert.Equal("backendError", RawGoogle.Reason(body));
            Assert.Equal("Service Unavailable", body["error"]!["message"]!.GetValue<string>());
            Assert.Equal(503, body["error"]!["code"]!.GetValue<int>());
        }

        using (var status = await StatusAsync(raw, session, file.Length))
        {
            Assert.Null(Committed(status));
        }

        using (var first = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal("bytes=0-262143", Committed(first));
        }

        using var last = await PutAsync(raw, session, file, Block, 3);
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal(Sha256(file), Assert.Single(google.UploadedVideos).Sha256);
    }

    [Fact]
    public async Task A_lost_or_expired_session_answers_404_from_then_on_and_makes_no_video()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(2 * Block);
        var lost = await SessionAsync(raw, file.Length);
        google.Faults.Add(FaultTarget.Upload, Fault.LoseUploadSession);

        using (var chunk = await PutAsync(raw, lost, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.NotFound, chunk.StatusCode);
            Assert.Equal("notFound", RawGoogle.Reason(JsonNode.Parse(await chunk.Content.ReadAsStringAsync())));
        }

        using (var status = await StatusAsync(raw, lost, file.Length))
        {
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        }

        var forgotten = await SessionAsync(raw, file.Length);
        Assert.Equal(1, google.LoseUploadSessions());
        using (var status = await StatusAsync(raw, forgotten, file.Length))
        {
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        }

        var expiring = await SessionAsync(raw, file.Length);
        using (var first = await PutAsync(raw, expiring, file, 0, Block))
        {
            Assert.Equal(308, (int)first.StatusCode);
        }

        google.AdvanceClock(google.Settings.UploadSessionLifetime + TimeSpan.FromMinutes(1));
        using (var late = await PutAsync(raw, expiring, file, Block, Block))
        {
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        }

        using var unknown = await StatusAsync(raw, new Uri(google.BaseUri + "upload/youtube/v3/videos?uploadType=resumable&upload_id=nope"), 10);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(google.UploadedVideos);
        Assert.Equal((3, 0), (google.Uploads.SessionsStarted, google.Uploads.SessionsCompleted));
    }

    [Fact]
    public async Task The_session_uri_needs_no_token_but_a_dead_one_or_a_401_fault_is_refused()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(Block + 1);
        var session = await SessionAsync(raw, file.Length);

        google.Faults.Add(FaultTarget.Upload, Fault.Unauthorized);
        using (var refused = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("authError", RawGoogle.Reason(JsonNode.Parse(await refused.Content.ReadAsStringAsync())));
        }

        google.ExpireAccessTokens();
        using (var expired = await PutAsync(raw, session, file, 0, Block, withToken: true))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        using (var anonymous = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal("bytes=0-262143", Committed(anonymous));
        }

        using var last = await PutAsync(raw, session, file, Block, 1);
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
    }

    [Fact]
    public async Task A_slow_chunk_fault_and_the_chunk_delay_setting_hold_each_chunk_back()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(2 * Block);
        var session = await SessionAsync(raw, file.Length);
        google.Faults.Add(FaultTarget.Upload, Fault.Slow(TimeSpan.FromMilliseconds(300)));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var slow = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal("bytes=0-262143", Committed(slow));
        }

        Assert.True(watch.ElapsedMilliseconds >= 280, watch.ElapsedMilliseconds + " ms");
        google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(200);
        watch.Restart();
        using (var last = await PutAsync(raw, session, file, Block, Block))
        {
            Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        }

        Assert.True(watch.ElapsedMilliseconds >= 180, watch.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public async Task Upload_faults_can_be_ordered_over_http()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var file = Bytes(2 * Block);
        var session = await SessionAsync(raw, file.Length);
        (await raw.Http.PostAsync(google.BaseUri + "emulator/faults?target=Upload&dropAfterBytes=1000", null)).Dispose();
        (await raw.Http.PostAsync(google.BaseUri + "emulator/faults?target=Upload&status=503", null)).Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => PutAsync(raw, session, file, 0, Block));
        using (var unavailable = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        }

        (await raw.Http.PostAsync(google.BaseUri + "emulator/faults?target=Upload&loseSession=true", null)).Dispose();
        using (var lost = await PutAsync(raw, session, file, 0, Block))
        {
            Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);
        }

        var control = JsonNode.Parse(await raw.Http.GetStringAsync(google.BaseUri + "emulator/uploads"))!;
        Assert.Equal(1, control["sessionsStarted"]!.GetValue<int>());
        Assert.Empty(control["videos"]!.AsArray());
        Assert.Empty(control["openSessions"]!.AsArray());
    }

    [Theory]
    [InlineData("youtube.readonly", HttpStatusCode.Forbidden, "insufficientPermissions")]
    [InlineData("yt-analytics.readonly", HttpStatusCode.Forbidden, "insufficientPermissions")]
    [InlineData("youtube.upload", HttpStatusCode.OK, null)]
    [InlineData("youtube.force-ssl", HttpStatusCode.OK, null)]
    [InlineData("youtubepartner", HttpStatusCode.OK, null)]
    public async Task Starting_an_upload_takes_the_upload_scopes_only(string scope, HttpStatusCode expected, string? reason)
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, scope);

        using var answer = await StartAsync(raw, Metadata(), 100);

        Assert.Equal(expected, answer.StatusCode);
        if (reason != null)
        {
            Assert.Equal(reason, RawGoogle.Reason(JsonNode.Parse(await answer.Content.ReadAsStringAsync())));
        }
    }

    public static TheoryData<string, string, int, string> RefusedStarts()
    {
        string Meta(string title = "ok", string? description = null, JsonArray? tags = null, string? category = null, string? privacy = null, string? publishAt = null)
        {
            var snippet = new JsonObject { ["title"] = title };
            if (description != null) snippet["description"] = description;
            if (tags != null) snippet["tags"] = tags;
            if (category != null) snippet["categoryId"] = category;
            var status = new JsonObject();
            if (privacy != null) status["privacyStatus"] = privacy;
            if (publishAt != null) status["publishAt"] = publishAt;
            return new JsonObject { ["snippet"] = snippet, ["status"] = status }.ToJsonString();
        }

        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ");
        return new TheoryData<string, string, int, string>
        {
            { "no title", "{\"snippet\":{\"description\":\"x\"}}", 400, "invalidTitle" },
            { "blank title", Meta("   "), 400, "invalidTitle" },
            { "101 characters", Meta(new string('t', 101)), 400, "invalidTitle" },
            { "angle bracket in title", Meta("a <b>"), 400, "invalidTitle" },
            { "5001-byte description", Meta(description: new string('d', 4999) + "é"), 400, "invalidDescription" },
            { "angle bracket in description", Meta(description: "1 > 0"), 400, "invalidDescription" },
            { "tags over 500", Meta(tags: new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)("tag " + i.ToString("D4"))).ToArray())), 400, "invalidTags" },
            { "unknown category", Meta(category: "99"), 400, "invalidCategoryId" },
            { "unassignable category", Meta(category: "44"), 400, "invalidCategoryId" },
            { "unknown privacy", Meta(privacy: "secret"), 400, "invalid" },
            { "publishAt on a public video", Meta(privacy: "public", publishAt: future), 400, "invalidPublishAt" },
            { "publishAt in the past", Meta(privacy: "private", publishAt: "2020-01-01T00:00:00Z"), 400, "invalidPublishAt" },
            { "not JSON", "{snippet", 400, "parseError" },
        };
    }

    [Theory]
    [MemberData(nameof(RefusedStarts))]
    public async Task Metadata_google_refuses_is_refused_at_the_start_and_charged_all_the_same(string what, string body, int status, string reason)
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var quota = google.Quota.Used;

        using var request = raw.Request(HttpMethod.Post, "upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Add("X-Upload-Content-Length", "1000");
        request.Headers.Add("X-Upload-Content-Type", "video/mp4");
        using var answer = await raw.Http.SendAsync(request);

        Assert.True(status == (int)answer.StatusCode, what);
        Assert.Equal(reason, RawGoogle.Reason(JsonNode.Parse(await answer.Content.ReadAsStringAsync())));
        Assert.Equal(1600, google.Quota.Used - quota);
        Assert.Equal(0, google.Uploads.SessionsStarted);
    }

    [Fact]
    public async Task Good_metadata_at_its_limits_and_a_future_schedule_on_a_private_video_are_taken()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var metadata = new JsonObject
        {
            ["snippet"] = new JsonObject { ["title"] = new string('t', 100), ["description"] = new string('d', 5000), ["tags"] = new JsonArray(new string('x', 500)) },
            ["status"] = new JsonObject { ["privacyStatus"] = "private", ["publishAt"] = future },
        };

        using var answer = await StartAsync(raw, metadata, 10);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData(-1, "video/mp4", "resumable", 400, "badRequest")]
    [InlineData(0, "video/mp4", "resumable", 400, "mediaBodyRequired")]
    [InlineData(274_877_906_945, "video/mp4", "resumable", 413, "uploadTooLarge")]
    [InlineData(274_877_906_944, "application/octet-stream", "resumable", 200, null)]
    [InlineData(100, "text/plain", "resumable", 400, "badContent")]
    [InlineData(100, "", "resumable", 400, "badContent")]
    [InlineData(100, "video/mp4", "media", 400, "badRequest")]
    public async Task The_upload_headers_are_checked_as_google_checks_them(long length, string type, string uploadType, int status, string? reason)
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");

        using var answer = await StartAsync(raw, Metadata(), length, type: type, uploadType: uploadType);

        Assert.Equal(status, (int)answer.StatusCode);
        if (reason != null)
        {
            Assert.Equal(reason, RawGoogle.Reason(JsonNode.Parse(await answer.Content.ReadAsStringAsync())));
        }
    }

    [Fact]
    public async Task Videos_insert_at_its_own_path_without_media_is_media_body_required_and_costs_1600()
    {
        await using var google = await GoogleEmulator.StartAsync();
        using var raw = await RawGoogle.ConnectAsync(google, "youtube.upload");
        var quota = google.Quota.Used;

        var (status, body) = await raw.SendAsync(HttpMethod.Post, "youtube/v3/videos?part=snippet", Metadata());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("mediaBodyRequired", RawGoogle.Reason(body));
        Assert.Equal(1600, google.Quota.Used - quota);
    }

    /// <summary>Sends the first <c>breakAfter</c> bytes of a body that claims <c>length</c>, then fails as a broken link does.</summary>
    private sealed class BreakingContent(byte[] data, int length, int breakAfter) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(data.AsMemory(0, breakAfter));
            await stream.FlushAsync();
            throw new IOException("the link went down");
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
