using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

public class AnalyticsTests
{
    private static async Task<TestEnvironment> ConnectedAsync(params string[] scopes) => await ConnectedAsync(new YouTubeDataOptions { AnalyticsDays = 30, AnalyticsVideos = 5, AnalyticsCountries = 4 }, scopes);

    private static async Task<TestEnvironment> ConnectedAsync(YouTubeDataOptions data, params string[] scopes)
    {
        var env = await TestEnvironment.StartAsync(data: data);
        await env.ConnectAsync("default", scopes);
        env.Google.Counters.Reset();
        return env;
    }

    /// <summary>A query of a report Google serves: by day or month (views and average view percentage), or with other dimensions and views.</summary>
    private static AnalyticsQuery Query(params string[] dimensions) => new()
    {
        StartDate = DateTime.UtcNow.Date.AddDays(-40), EndDate = DateTime.UtcNow.Date,
        Metrics = dimensions.All(d => d is "day" or "month" or "subscribedStatus") ? new[] { "views", "averageViewPercentage" } : new[] { "views" },
        Dimensions = dimensions, Sort = dimensions,
    };

    [Fact]
    public async Task Rows_are_typed_from_the_column_headers()
    {
        await using var env = await ConnectedAsync();

        var report = await env.Engine.Analytics("default").QueryAsync(Query("day", "subscribedStatus"), CancellationToken.None);

        Assert.Equal(new[] { "day", "subscribedStatus", "views", "averageViewPercentage" }, report.Columns.Select(c => c.Name));
        Assert.Equal(new[] { typeof(DateTime), typeof(string), typeof(long), typeof(double) }, report.Columns.Select(c => c.ValueType));
        Assert.Equal(30 * 2, report.Rows.Count);
        var row = report.Rows[0];
        Assert.IsType<DateTime>(row[0]);
        Assert.Equal(env.Google.Data.DataStart, (DateTime)row[0]!);
        Assert.IsType<string>(row[1]);
        Assert.IsType<long>(row[2]);
        Assert.IsType<double>(row[3]);
    }

    [Fact]
    public async Task Month_becomes_a_date_and_no_rows_is_an_empty_report()
    {
        await using var env = await ConnectedAsync();
        var client = env.Engine.Analytics("default");

        var monthly = await client.QueryAsync(Query("month"), CancellationToken.None);
        Assert.All(monthly.Rows, r => Assert.Equal(1, ((DateTime)r[0]!).Day));

        var empty = await client.QueryAsync(new AnalyticsQuery
        {
            StartDate = new DateTime(2001, 1, 1), EndDate = new DateTime(2001, 1, 31), Metrics = new[] { "views" }, Dimensions = new[] { "day" },
        }, CancellationToken.None);
        Assert.Empty(empty.Rows);
        Assert.Equal(2, empty.Columns.Count);

        // Listed as it arrives, a report with no rows is one batch of none: its columns are still known.
        var batches = new List<AnalyticsRows>();
        await client.ListRowsAsync(new AnalyticsQuery
        {
            StartDate = new DateTime(2001, 1, 1), EndDate = new DateTime(2001, 1, 31), Metrics = new[] { "views" }, Dimensions = new[] { "day" },
        }, new ListingSink<AnalyticsRows>(batches.Add), CancellationToken.None);
        Assert.Empty(Assert.Single(batches).Rows);
        Assert.Equal(new[] { "day", "views" }, batches[0].Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Start_index_paging_fetches_more_rows_than_one_answer_holds()
    {
        await using var env = await ConnectedAsync();
        var client = env.Engine.Analytics("default");
        var whole = await client.QueryAsync(Query("day", "deviceType"), CancellationToken.None);
        env.Google.Counters.Reset();

        client.PageSize = 40;
        var query = Query("day", "deviceType");
        query.MaxResults = 130;
        var paged = await client.QueryAsync(query, CancellationToken.None);

        Assert.Equal(4, env.Google.Counters["analytics"]);
        Assert.Equal(130, paged.Rows.Count);
        Assert.Equal(whole.Rows.Take(130).Select(r => string.Join("|", r)), paged.Rows.Select(r => string.Join("|", r)));
    }

    [Theory]
    [InlineData("end before start")]
    [InlineData("no metric")]
    [InlineData("max 0")]
    [InlineData("bad currency")]
    [InlineData("bad metric name")]
    public async Task Invalid_queries_are_refused_before_any_call(string problem)
    {
        await using var env = await ConnectedAsync();
        var query = Query("day");
        switch (problem)
        {
            case "end before start": query.EndDate = query.StartDate.AddDays(-1); break;
            case "no metric": query.Metrics = Array.Empty<string>(); break;
            case "max 0": query.MaxResults = 0; break;
            case "bad currency": query.Currency = "usd"; break;
            default: query.Metrics = new[] { "views;drop" }; break;
        }

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(query, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(0, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task Unknown_metric_is_refused_before_any_call_and_google_would_refuse_it_too()
    {
        await using var env = await ConnectedAsync();
        var query = Query("day");
        query.Metrics = new[] { "viewz" };

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(query, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("'viewz' is not a YouTube Analytics metric", error.Message);
        Assert.Equal(0, env.Google.Counters["analytics"]);

        using var http = new System.Net.Http.HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await env.Engine.GetAccessTokenAsync("default")).Token);
        using var raw = await http.GetAsync(env.Google.BaseUri + "v2/reports?ids=channel%3D%3DMINE&startDate=2026-01-01&endDate=2026-01-02&metrics=viewz");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Contains("Unknown identifier (viewz)", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_grant_without_analytics_names_the_scope_and_the_command_to_add_it()
    {
        await using var env = await ConnectedAsync("ReadOnly");

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(Query("day"), CancellationToken.None));

        Assert.Equal(ErrorCode.InsufficientScope, error.Code);
        Assert.Contains(Scopes.AnalyticsReadOnly, error.MissingScopes!);
        Assert.Equal((RemedyKind.Connect, "default", false), (error.Remedy!.Kind, error.Remedy.Profile, error.Remedy.Force));
        Assert.Equal(new[] { "Analytics" }, error.Remedy.Scopes);
        Assert.Equal(0, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task Insufficient_permissions_from_google_is_a_scope_error()
    {
        // A grant the local check passes, refused by Google all the same (a scope changed on Google's side).
        await using var env = await ConnectedAsync();
        env.Google.Faults.Add(FaultTarget.Analytics, new Fault(403, Reason: "insufficientPermissions"));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(Query("day"), CancellationToken.None));

        Assert.Equal(ErrorCode.InsufficientScope, error.Code);
        Assert.Equal(1, env.Google.Counters["analytics"]);
    }

    [Fact]
    public async Task An_answer_that_breaks_off_is_a_network_error_after_the_rows_that_arrived()
    {
        await using var env = await ConnectedAsync();
        var headers = "{\"columnHeaders\":[{\"name\":\"day\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"},{\"name\":\"views\",\"columnType\":\"METRIC\",\"dataType\":\"INTEGER\"}]";
        env.Google.Faults.Add(FaultTarget.Analytics, new Fault(DropConnection: true, Body: headers + ",\"rows\":[[\"2026-11-01\",5],[\"2026-11-02\",7],[\"2026-11-03\""));
        var handedOut = 0;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() =>
            env.Engine.Analytics("default").ListRowsAsync(Query("day"), new ListingSink<AnalyticsRows>(batch => handedOut += batch.Rows.Count), CancellationToken.None));

        Assert.Equal(ErrorCode.NetworkError, error.Code);
        Assert.Equal(2, handedOut);
        Assert.Contains("broke off after 2 row(s)", error.Message);
        Assert.Contains("run the command again", error.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_refused_before_any_row()
    {
        await using var env = await ConnectedAsync();
        env.Google.Faults.Add(FaultTarget.Analytics, Fault.Raw(200, "<html>Sign in to the Wi-Fi</html>", "text/html"));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(Query("day"), CancellationToken.None));

        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Contains("text/html instead of JSON", error.Message);
    }

    [Fact]
    public async Task Another_channel_is_forbidden()
    {
        await using var env = await ConnectedAsync();
        var query = Query("day");
        query.Ids = "channel==" + env.Google.Data.OtherChannelId;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Analytics("default").QueryAsync(query, CancellationToken.None));

        Assert.Equal(ErrorCode.Forbidden, error.Code);
    }
}

public class LargeAnalyticsReportTests
{
    [Fact]
    public async Task A_report_of_over_100000_rows_arrives_whole_in_start_index_pages()
    {
        await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { AnalyticsDays = 1700 });
        await env.ConnectAsync();
        env.Google.Counters.Reset();
        var client = env.Engine.Analytics("default");
        client.PageSize = 25_000;

        // Google's "Device types and operating systems" report by day: 6 device types x 10 systems a day over 1,700 days.
        var report = await client.QueryAsync(new AnalyticsQuery
        {
            StartDate = DateTime.UtcNow.Date.AddDays(-2000), EndDate = DateTime.UtcNow.Date, Metrics = new[] { "views" },
            Dimensions = new[] { "day", "deviceType", "operatingSystem" }, MaxResults = 200_000,
        }, CancellationToken.None);

        Assert.Equal(1700 * 6 * 10, report.Rows.Count);
        Assert.Equal(5, env.Google.Counters["analytics"]); // 4 full pages of 25,000 and a short one
        Assert.Equal(report.Rows.Count, report.Rows.Select(r => (DateTime)r[0]! + "|" + r[1] + "|" + r[2]).Distinct().Count());
    }

    [Fact]
    public async Task A_large_report_streams_in_batches_as_it_is_read()
    {
        await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { AnalyticsDays = 200 });
        await env.ConnectAsync();
        var batches = new List<AnalyticsRows>();

        await env.Engine.Analytics("default").ListRowsAsync(new AnalyticsQuery
        {
            StartDate = DateTime.UtcNow.Date.AddDays(-400), EndDate = DateTime.UtcNow.Date, Metrics = new[] { "views" }, Dimensions = new[] { "day", "deviceType", "operatingSystem" },
        }, new ListingSink<AnalyticsRows>(batches.Add), CancellationToken.None);
        var columns = batches[0].Columns;

        Assert.Equal(200 * 6 * 10, batches.Sum(b => b.Rows.Count));
        Assert.True(batches.Count > 5, batches.Count + " batch(es)"); // one answer of about 1 MB, handed out as it is read
        Assert.All(batches, b => Assert.Same(columns, b.Columns));
    }
}
