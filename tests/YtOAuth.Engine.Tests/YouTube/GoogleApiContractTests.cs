using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

/// <summary>The Data and Analytics APIs as Google answers them: a disabled API, scopes reports.query wants, quota as Google counts it, values as sent, recorded page shapes.</summary>
public class GoogleApiContractTests
{
    private static async Task<TestEnvironment> ConnectedAsync(params string[] scopes)
    {
        var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { PlaylistCount = 3, AnalyticsDays = 10, AnalyticsVideos = 2, AnalyticsCountries = 2 });
        await env.ConnectAsync("default", scopes);
        env.Google.Counters.Reset();
        return env;
    }

    private static AnalyticsQuery DailyViews() => new()
    {
        StartDate = DateTime.UtcNow.Date.AddDays(-9), EndDate = DateTime.UtcNow.Date, Metrics = new[] { "views" }, Dimensions = new[] { "day" }, Sort = new[] { "day" },
    };

    private static async Task<long> UnitsTodayAsync(TestEnvironment env) => (await env.Engine.GetProfileAsync("default", CancellationToken.None))!.QuotaUnitsToday;

    [Fact]
    public async Task A_data_api_not_enabled_is_its_own_error_naming_the_api_and_googles_address_and_is_not_retried()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.DisabledApis["data"] = true;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(ErrorCode.ApiNotEnabled, error.Code);
        Assert.Contains("YouTube Data API v3 is not enabled", error.Message);
        Assert.Contains("https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=123456789012", error.Message);
        Assert.DoesNotContain("owns it", error.Message);
        Assert.Equal(1, env.Google.Counters["youtube"]);
        Assert.Empty(env.Delays);
    }

    [Fact]
    public async Task An_analytics_api_not_enabled_names_the_analytics_api()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.DisabledApis["analytics"] = true;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(DailyViews(), CancellationToken.None));

        Assert.Equal(ErrorCode.ApiNotEnabled, error.Code);
        Assert.Contains("YouTube Analytics API is not enabled", error.Message);
        Assert.Contains("youtubeanalytics.googleapis.com/overview?project=", error.Message);
        Assert.Equal(1, env.Google.Counters["analytics"]);
        Assert.Empty(env.Delays);
    }

    [Fact]
    public async Task Googles_short_access_not_configured_body_is_the_same_error_with_the_apis_library_page()
    {
        await using var env = await ConnectedAsync();
        // The shape Google's client libraries test with: reason and domain, no status, details or address.
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["domain"] = "usageLimits", ["reason"] = "accessNotConfigured", ["message"] = "Access Not Configured" }),
                ["code"] = 403, ["message"] = "Access Not Configured",
            },
        };
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Raw(403, body.ToJsonString()));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.YouTube("default").GetMyChannelAsync(CancellationToken.None));

        Assert.Equal(ErrorCode.ApiNotEnabled, error.Code);
        Assert.Contains("https://console.cloud.google.com/apis/library/youtube.googleapis.com", error.Message);
        Assert.Equal(1, env.Google.Counters["youtube"]);
    }

    [Fact]
    public async Task Reports_need_youtube_read_access_as_well_as_an_analytics_scope_and_the_check_says_which()
    {
        await using var env = await ConnectedAsync("Analytics");

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(DailyViews(), CancellationToken.None));
        var invoked = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Api("default").InvokeAsync(
            new ApiRequest { Api = YouTubeApi.Analytics, Path = "reports", Query = new Dictionary<string, string> { ["ids"] = "channel==MINE" } }, _ => { }, CancellationToken.None));

        foreach (var e in new[] { error, invoked })
        {
            Assert.Equal(ErrorCode.InsufficientScope, e.Code);
            Assert.Equal(new[] { Scopes.YouTubeReadOnly }, e.MissingScopes);
            Assert.Contains("ReadOnly", e.Message);
        }

        Assert.Equal(new[] { "ReadOnly" }, error.Remedy!.Scopes);
        Assert.Equal(0, env.Google.Counters["analytics"]); // the emulator, like Google, would refuse it: no call is made
    }

    [Fact]
    public async Task Every_request_costs_retried_and_failed_ones_included_as_google_counts()
    {
        await using var env = await ConnectedAsync();
        var before = (units: await UnitsTodayAsync(env), google: env.Google.Quota.Used);
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Unavailable(1), Fault.ServerError);

        await env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true });
        var notFound = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.YouTube("default").PlaylistItemsAsync("PLnothere"));

        Assert.Equal(ErrorCode.NotFound, notFound.Code);
        Assert.Equal(4, env.Google.Counters["youtube"]); // two refused, one page, one not found
        Assert.Equal(4, env.Google.Quota.Used - before.google);
        Assert.Equal(4, await UnitsTodayAsync(env) - before.units);
    }

    [Fact]
    public async Task Invoke_counts_the_units_of_googles_table_for_the_method_called_even_when_it_fails()
    {
        await using var env = await ConnectedAsync("ReadOnly", "Manage");
        var before = await UnitsTodayAsync(env);

        // A playlist without a title is refused (playlistTitleRequired), and Google charges it all the same.
        await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Api("default").InvokeAsync(
            new ApiRequest { Method = "POST", Path = "playlists", Query = new Dictionary<string, string> { ["part"] = "snippet" }, JsonBody = "{}" }, _ => { }, CancellationToken.None));
        Assert.Equal(50, await UnitsTodayAsync(env) - before);

        await env.Engine.Api("default").InvokeAsync(new ApiRequest { Path = "channels", Query = new Dictionary<string, string> { ["part"] = "id", ["mine"] = "true" } }, _ => { }, CancellationToken.None);
        Assert.Equal(51, await UnitsTodayAsync(env) - before);
    }

    [Theory]
    [InlineData("GET", "search?part=snippet&q=x", 100)]
    [InlineData("POST", "videos?part=snippet", 1600)]
    [InlineData("PUT", "videos?part=snippet", 50)]
    [InlineData("POST", "videos/rate?id=x&rating=like", 50)]
    [InlineData("GET", "videos/getRating?id=x", 1)]
    [InlineData("DELETE", "playlistItems?id=x", 50)]
    [InlineData("POST", "thumbnails/set?videoId=x", 50)]
    [InlineData("POST", "captions", 400)]
    [InlineData("PUT", "captions", 450)]
    [InlineData("GET", "captions/AUieDa", 200)]
    [InlineData("GET", "/youtube/v3/playlists?part=id", 1)]
    [InlineData("GET", "somethingNew", 1)]
    [InlineData("POST", "somethingNew", 50)]
    public void The_quota_table_is_googles(string method, string path, int units) =>
        Assert.Equal(units, QuotaCosts.ForRequest(new HttpMethod(method), path));

    [Fact]
    public async Task Durations_with_weeks_zero_and_odd_values_never_fail_a_page_and_strings_stay_as_sent()
    {
        await using var env = await ConnectedAsync();
        JsonObject Video(string id, string duration, string title) => new()
        {
            ["kind"] = "youtube#video", ["etag"] = "e-" + id, ["id"] = id,
            ["snippet"] = new JsonObject { ["publishedAt"] = "2021-03-04T05:06:07.000Z", ["channelId"] = "UCcontract", ["title"] = title, ["channelTitle"] = "Contract" },
            ["contentDetails"] = new JsonObject { ["duration"] = duration, ["definition"] = "hd" },
            ["statistics"] = new JsonObject { ["viewCount"] = "12", ["likeCount"] = "not a number" },
        };
        var page = new JsonObject
        {
            ["kind"] = "youtube#videoListResponse", ["etag"] = "page",
            ["items"] = new JsonArray(Video("vWeeks", "P1W2DT3H", "2024-01-02T03:04:05Z"), Video("vLive", "P0D", "Live"),
                Video("vShort", "PT4M13S", "Short"), Video("vOdd", "P1Y2M", "Odd"), Video("vBad", "soon", "Bad")),
            ["pageInfo"] = new JsonObject { ["totalResults"] = 5, ["resultsPerPage"] = 5 },
        };
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Raw(200, page.ToJsonString()), Fault.Raw(200, page.ToJsonString()));

        var videos = new List<Video>();
        await env.Engine.YouTube("default").ListVideosAsync(new VideoQuery { Ids = new[] { "vWeeks", "vLive", "vShort", "vOdd", "vBad" } }, new ListingSink<Video>(videos.Add), CancellationToken.None);
        var raw = new List<string>();
        await env.Engine.Api("default").InvokeAsync(new ApiRequest { Path = "videos", Query = new Dictionary<string, string> { ["part"] = "snippet", ["id"] = "vWeeks" } }, raw.Add, CancellationToken.None);

        var byId = videos.ToDictionary(v => v.Id);
        Assert.Equal(new TimeSpan(9, 3, 0, 0), byId["vWeeks"].Duration);
        Assert.Equal(TimeSpan.Zero, byId["vLive"].Duration);
        Assert.Equal(new TimeSpan(0, 4, 13), byId["vShort"].Duration);
        Assert.Null(byId["vOdd"].Duration);
        Assert.Null(byId["vBad"].Duration);
        Assert.Null(byId["vWeeks"].LikeCount);
        Assert.Equal(12, byId["vWeeks"].ViewCount);
        Assert.Equal("2024-01-02T03:04:05Z", byId["vWeeks"].Title);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero), byId["vWeeks"].PublishedAt);
        // The answer handed on as JSON keeps every string exactly as Google sent it.
        var weeks = raw.Single(item => item.Contains("\"id\":\"vWeeks\""));
        Assert.Contains("\"publishedAt\":\"2021-03-04T05:06:07.000Z\"", weeks);
        Assert.Contains("\"title\":\"2024-01-02T03:04:05Z\"", weeks);
    }

    [Fact]
    public async Task A_private_video_in_a_public_playlist_is_a_placeholder_to_others_and_long_durations_read_through_the_emulator()
    {
        var seed = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ytoauth-private-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(seed, new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = "UCcontractChannel0000000a", ["title"] = "Contract" },
            ["videos"] = new JsonArray(
                new JsonObject { ["id"] = "open0000001", ["title"] = "Open", ["published"] = "2026-01-01T00:00:00Z", ["duration"] = "P1W2DT3H", ["privacy"] = "public" },
                new JsonObject { ["id"] = "secret00002", ["title"] = "Secret", ["published"] = "2026-01-02T00:00:00Z", ["duration"] = "P0D", ["privacy"] = "private" }),
            ["playlists"] = new JsonArray(new JsonObject { ["id"] = "PLcontractMixed", ["title"] = "Mixed", ["privacy"] = "public", ["videos"] = new JsonArray("open0000001", "secret00002") }),
        }.ToJsonString());
        try
        {
            await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = seed });
            await env.ConnectAsync();

            var byKey = await env.Engine.YouTubeWithApiKey(env.Google.Data.ApiKey, GoogleEndpoints.ForBaseUri(env.Google.BaseUri)).PlaylistItemsAsync("PLcontractMixed");
            var byOwner = await env.Engine.YouTube("default").PlaylistItemsAsync("PLcontractMixed");
            var videos = new List<Video>();
            await env.Engine.YouTube("default").ListVideosAsync(new VideoQuery { Ids = new[] { "open0000001", "secret00002" } }, new ListingSink<Video>(videos.Add), CancellationToken.None);

            Assert.Equal(("Private video", "private"), (byKey[1].Title, byKey[1].Privacy));
            Assert.Null(byKey[1].VideoPublishedAt);
            Assert.Null(byKey[1].VideoOwnerChannelTitle);
            Assert.Equal(("Open", "public"), (byKey[0].Title, byKey[0].Privacy));
            Assert.Equal("Secret", byOwner[1].Title);
            Assert.Equal(new[] { new TimeSpan(9, 3, 0, 0), TimeSpan.Zero }, videos.Select(v => v.Duration!.Value));
        }
        finally
        {
            System.IO.File.Delete(seed);
        }
    }

    /// <summary>
    /// Pages in the shapes recorded from the live API (playlistItems.list paged with nextPageToken "CAoQAA" then
    /// prevPageToken only, publishedAt with milliseconds, thumbnails up to maxres, a deleted entry as Google shows it;
    /// channels.list with counts as strings and an empty likes playlist), built here with our own values.
    /// </summary>
    [Fact]
    public async Task Pages_in_the_shapes_google_sends_go_through_the_engine()
    {
        await using var env = await ConnectedAsync();
        JsonObject Thumbs(string id) => new(new[] { ("default", 120, 90), ("medium", 320, 180), ("high", 480, 360), ("standard", 640, 480), ("maxres", 1280, 720) }
            .Select(t => KeyValuePair.Create(t.Item1, (JsonNode?)new JsonObject { ["url"] = "https://i.ytimg.com/vi/" + id + "/" + t.Item1 + ".jpg", ["width"] = t.Item2, ["height"] = t.Item3 })));
        JsonObject Item(int position, bool deleted = false)
        {
            var video = "vid" + position;
            var snippet = new JsonObject
            {
                ["publishedAt"] = "2019-11-21T22:17:4" + position % 10 + ".000Z", ["channelId"] = "UCcontract", ["title"] = deleted ? "Deleted video" : "Talk " + position,
                ["description"] = deleted ? "This video is unavailable." : "About talk " + position, ["thumbnails"] = deleted ? new JsonObject() : Thumbs(video),
                ["channelTitle"] = "Contract Channel", ["playlistId"] = "PLcontract", ["position"] = position,
                ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = video },
            };
            var details = new JsonObject { ["videoId"] = video };
            if (!deleted)
            {
                snippet["videoOwnerChannelTitle"] = "Contract Channel";
                snippet["videoOwnerChannelId"] = "UCcontract";
                details["videoPublishedAt"] = "2019-11-20T10:00:0" + position % 10 + "Z";
            }

            return new JsonObject
            {
                ["kind"] = "youtube#playlistItem", ["etag"] = "etag" + position, ["id"] = "UExjb250cmFjdC4" + position, ["snippet"] = snippet, ["contentDetails"] = details,
                ["status"] = new JsonObject { ["privacyStatus"] = deleted ? "privacyStatusUnspecified" : "public" },
            };
        }

        var first = new JsonObject
        {
            ["kind"] = "youtube#playlistItemListResponse", ["etag"] = "p1", ["nextPageToken"] = "CAoQAA",
            ["pageInfo"] = new JsonObject { ["totalResults"] = 13, ["resultsPerPage"] = 10 },
            ["items"] = new JsonArray(Enumerable.Range(0, 10).Select(i => (JsonNode?)Item(i, deleted: i == 4)).ToArray()),
        };
        var second = new JsonObject
        {
            ["kind"] = "youtube#playlistItemListResponse", ["etag"] = "p2", ["prevPageToken"] = "CAoQAQ",
            ["pageInfo"] = new JsonObject { ["totalResults"] = 13, ["resultsPerPage"] = 10 },
            ["items"] = new JsonArray(Enumerable.Range(10, 3).Select(i => (JsonNode?)Item(i)).ToArray()),
        };
        var channels = new JsonObject
        {
            ["kind"] = "youtube#channelListResponse", ["etag"] = "c",
            ["pageInfo"] = new JsonObject { ["totalResults"] = 1, ["resultsPerPage"] = 5 },
            ["items"] = new JsonArray(new JsonObject
            {
                ["kind"] = "youtube#channel", ["etag"] = "c1", ["id"] = "UCcontract",
                ["snippet"] = new JsonObject { ["title"] = "Contract Channel", ["description"] = "", ["customUrl"] = "@contract", ["publishedAt"] = "2005-09-18T22:37:10Z", ["thumbnails"] = Thumbs("c") },
                ["contentDetails"] = new JsonObject { ["relatedPlaylists"] = new JsonObject { ["likes"] = "", ["uploads"] = "UUcontract" } },
                ["statistics"] = new JsonObject { ["viewCount"] = "3331930783", ["subscriberCount"] = "10700000", ["hiddenSubscriberCount"] = false, ["videoCount"] = "2678" },
            }),
        };
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Raw(200, first.ToJsonString()), Fault.Raw(200, second.ToJsonString()), Fault.Raw(200, channels.ToJsonString()));
        var totals = new List<int>();

        var items = new List<PlaylistItem>();
        await env.Engine.YouTube("default").ListPlaylistItemsAsync(new PlaylistItemQuery { PlaylistId = "PLcontract" }, new ListingSink<PlaylistItem>(items.Add) { OnTotal = totals.Add },
            CancellationToken.None);
        var found = new List<Channel>();
        await env.Engine.YouTube("default").ListChannelsAsync(new ChannelQuery { Ids = new[] { "UCcontract" } }, new ListingSink<Channel>(found.Add), CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 13), items.Select(i => i.Position!.Value));
        Assert.Equal(13, totals.Single());
        Assert.Equal(2, env.Google.Counters["youtube:playlistItems"]);
        var deleted = items[4];
        Assert.Equal(("Deleted video", "privacyStatusUnspecified", "vid4"), (deleted.Title, deleted.Privacy, deleted.VideoId));
        Assert.Null(deleted.VideoPublishedAt);
        Assert.Null(deleted.VideoOwnerChannelTitle);
        Assert.Equal(new DateTimeOffset(2019, 11, 20, 10, 0, 3, TimeSpan.Zero), items[3].VideoPublishedAt);
        var channel = found.Single();
        Assert.Equal(("UCcontract", "@contract", "UUcontract"), (channel.Id, channel.CustomUrl, channel.UploadsPlaylistId));
        Assert.Equal((3331930783L, 10700000L, 2678L), (channel.ViewCount!.Value, channel.SubscriberCount!.Value, channel.VideoCount!.Value));
    }
}
