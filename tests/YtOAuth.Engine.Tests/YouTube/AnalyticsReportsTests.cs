using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

/// <summary>Only the reports Google serves: the engine refuses the rest before calling, the emulator as Google does.</summary>
public class AnalyticsReportsTests
{
    private static async Task<TestEnvironment> ConnectedAsync(int videos = 5)
    {
        var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { AnalyticsDays = 30, AnalyticsVideos = videos, AnalyticsCountries = 4 });
        await env.ConnectAsync();
        env.Google.Counters.Reset();
        return env;
    }

    private static AnalyticsQuery Query(string dimensions, string metrics = "views", string? sort = null, int? maxResults = null, string? filters = null) => new()
    {
        StartDate = DateTime.UtcNow.Date.AddDays(-40), EndDate = DateTime.UtcNow.Date, Metrics = metrics.Split(','),
        Dimensions = dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries), Sort = (sort ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        MaxResults = maxResults, Filters = filters,
    };

    /// <summary>Queries Google refuses, each with a report of the nearest that would serve it and what that needs.</summary>
    public static TheoryData<string, string, string?, int?, string, string> Unsupported => new()
    {
        { "day,video", "views", null, null, "User activity over time", "leave out dimension video" },
        { "day,country", "views", null, null, "User activity by country", "leave out dimension day" },
        { "video", "views", null, null, "Top videos for regions", "sort descending by one of -views" },
        { "video", "views", "views", null, "Top videos for regions", "sort descending by one of -views" },
        { "video", "views", "-views", 500, "Top videos for regions", "maxResults 200 or fewer" },
        { "insightTrafficSourceDetail", "views", "-views", 50, "Traffic source details", "add filter insightTrafficSourceType==" },
        { "deviceType", "likes", null, null, "Device types", "leave out metric likes" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task A_query_outside_googles_reports_is_refused_before_any_call_naming_the_nearest(string dimensions, string metrics, string? sort, int? max, string nearest, string change)
    {
        await using var env = await ConnectedAsync();

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(Query(dimensions, metrics, sort, max), CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("The query is not supported", error.Message);
        var line = error.Message.Split('\n').SingleOrDefault(l => l.Contains("- " + nearest + ":"));
        Assert.True(line != null, error.Message);
        Assert.Contains(change, line);
        Assert.Equal(0, env.Google.Counters["analytics"]);
    }

    [Theory]
    [InlineData("dimensions=day,video&metrics=views")]
    [InlineData("dimensions=day,country&metrics=views")]
    [InlineData("dimensions=video&metrics=views&maxResults=10")]
    [InlineData("dimensions=video&metrics=views&sort=-views")]
    [InlineData("dimensions=video&metrics=views&sort=-views&maxResults=201")]
    [InlineData("dimensions=insightTrafficSourceDetail&metrics=views&filters=insightTrafficSourceType==EXT_URL&sort=-views&maxResults=26")]
    public async Task The_emulator_refuses_the_same_query_sent_raw_with_googles_body(string query)
    {
        await using var env = await ConnectedAsync();
        using var http = new System.Net.Http.HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await env.Engine.GetAccessTokenAsync("default")).Token);
        var period = "ids=channel%3D%3DMINE&startDate=" + DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd") + "&endDate=" + DateTime.UtcNow.Date.ToString("yyyy-MM-dd") + "&";

        using var response = await http.GetAsync(env.Google.BaseUri + "v2/reports?" + period + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.Equal(AnalyticsReports.NotSupported, error.GetProperty("message").GetString());
        Assert.Equal("badRequest", error.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal("global", error.GetProperty("errors")[0].GetProperty("domain").GetString());
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_content_owner_report_must_name_what_it_covers()
    {
        await using var env = await ConnectedAsync();
        var query = Query("day");
        query.Ids = "contentOwner==acme";

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(query, CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("filter by one of video, channel, group, claimedStatus, uploaderType", error.Message);
        Assert.Contains("content_owner_reports", error.Message);
        Assert.Equal(0, env.Google.Counters["analytics"]);

        // Served by the table, so it is sent; this account owns no content, as Google then says.
        query.Filters = "channel==" + env.Google.Data.ChannelId;
        var refused = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(query, CancellationToken.None));
        Assert.Equal(ErrorCode.Forbidden, refused.Code);
        Assert.Equal(1, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task A_top_videos_report_is_one_answer_of_at_most_200_rows_and_says_when_it_is_full()
    {
        await using var env = await ConnectedAsync(videos: 250);
        using var listening = env.Listen();
        var client = env.Engine.Analytics("default");

        var top = await client.QueryAsync(Query("video", "views,estimatedMinutesWatched", "-views"), CancellationToken.None);

        Assert.Equal(200, top.Rows.Count);
        Assert.Equal(1, env.Google.Counters["analytics"]);
        var views = top.Rows.Select(r => (long)r[1]!).ToList();
        Assert.Equal(views.OrderByDescending(v => v), views);
        Assert.Contains(env.Sink.Messages, m => m.Kind == EngineMessageKind.Warning && m.Text.Contains("'Top videos for regions' holds at most 200 rows"));

        env.Google.Counters.Reset();
        var ten = await client.QueryAsync(Query("video", "views", "-views", maxResults: 10), CancellationToken.None);
        Assert.Equal(views.Take(10), ten.Rows.Select(r => (long)r[1]!));
        Assert.Equal(1, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task A_detailed_traffic_source_report_stops_at_25_rows()
    {
        await using var env = await ConnectedAsync();

        var details = await env.Engine.Analytics("default").QueryAsync(
            Query("insightTrafficSourceDetail", "views", "-views", filters: "insightTrafficSourceType==EXT_URL"), CancellationToken.None);

        Assert.Equal(25, details.Rows.Count);
        Assert.Equal(1, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task A_200_answer_that_carries_errors_is_an_error_not_an_empty_report()
    {
        await using var env = await ConnectedAsync();
        env.Google.Faults.Add(FaultTarget.Analytics, Fault.Raw(200,
            "{\"kind\":\"youtubeAnalytics#resultTable\",\"errors\":{\"requestId\":\"r1\",\"error\":[{\"domain\":\"global\",\"code\":\"BAD_REQUEST\"," +
            "\"argument\":[],\"locationType\":\"PARAMETER\",\"location\":\"dimensions\",\"externalErrorMessage\":\"Unsupported dimension combination\"}]}}", "application/json"));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(Query("day"), CancellationToken.None));

        Assert.Equal(ErrorCode.BadRequest, error.Code);
        Assert.Contains("Unsupported dimension combination", error.Message);
        Assert.Contains("(at dimensions)", error.Message);
    }

    [Fact]
    public async Task An_empty_errors_object_is_no_error()
    {
        await using var env = await ConnectedAsync();
        env.Google.Faults.Add(FaultTarget.Analytics, Fault.Raw(200,
            "{\"errors\":{},\"columnHeaders\":[{\"name\":\"day\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"},{\"name\":\"views\",\"columnType\":\"METRIC\",\"dataType\":\"INTEGER\"}],\"rows\":[[\"2026-11-01\",0.0]]}",
            "application/json"));

        var report = await env.Engine.Analytics("default").QueryAsync(Query("day"), CancellationToken.None);

        Assert.Equal(0L, Assert.Single(report.Rows)[1]);
    }

    [Fact]
    public void Every_report_in_the_table_is_served_by_its_own_rules()
    {
        // Guards the table's data: each report's least query (its required dimensions and filters, one metric, the
        // sort and cap it wants) must find a report, and the one it finds must have the same cap.
        foreach (var report in AnalyticsReports.All)
        {
            var dimensions = report.DimensionRules.Where(r => r.Kind is RuleKind.Required or RuleKind.ExactlyOne or RuleKind.OneOrMore)
                .SelectMany(r => r.Kind == RuleKind.Required ? r.Names : r.Names.Take(1));
            var filters = report.FilterRules.Where(r => r.Kind == RuleKind.Required).SelectMany(r => r.Names)
                .ToDictionary(n => n, n => report.FilterRules.Select(r => r.Values(n)).FirstOrDefault(v => v != null)?[0] ?? "x");
            var sort = report.SortMetrics == null ? Array.Empty<string>() : new[] { "-" + report.SortMetrics[0] };
            var metric = report.SortMetrics?[0] ?? report.Metrics.First();

            var found = AnalyticsReports.Find(new ReportQuery(false, dimensions, filters, new[] { metric }, sort, report.MaxRows, false), out _);

            Assert.True(found != null, report.Name);
            Assert.Equal(report.MaxRows, found!.MaxRows);
        }
    }
}
