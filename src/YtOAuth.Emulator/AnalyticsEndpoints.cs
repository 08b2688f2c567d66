using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Emulator;

/// <summary>
/// YouTube Analytics v2 reports.query over seeded or generated data: Google's reports table (the engine's
/// AnalyticsReports.cs, linked into this project) decides which queries are served and how many rows a top list holds;
/// then grouping by dimensions, sorting, startIndex paging.
/// </summary>
internal static class AnalyticsEndpoints
{
    /// <summary>Metrics whose values are fractional (Google's FLOAT columns); every other metric is an INTEGER count.</summary>
    private static readonly HashSet<string> FloatMetrics = new()
    {
        "averageViewPercentage", "annotationClickThroughRate", "annotationCloseRate", "cardClickRate", "cardTeaserClickRate", "estimatedRevenue",
        "estimatedAdRevenue", "grossRevenue", "estimatedRedPartnerRevenue", "playbackBasedCpm", "cpm", "viewerPercentage", "audienceWatchRatio",
        "relativeRetentionPerformance", "viewsPerPlaylistStart", "averageTimeInPlaylist",
    };

    /// <summary>Metrics that need the monetary scope.</summary>
    private static readonly HashSet<string> MonetaryMetrics = new()
    {
        "estimatedRevenue", "estimatedAdRevenue", "grossRevenue", "estimatedRedPartnerRevenue", "monetizedPlaybacks", "playbackBasedCpm", "adImpressions", "cpm",
    };

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        var answered = new RecentlyMade<byte[]>(32);
        var reports = new RecentlyMade<List<object[]>>(4);
        app.MapGet("/v2/reports", context => Reports(context, emulator, answered, reports));
    }

    private static async Task Reports(HttpContext context, GoogleEmulator emulator, RecentlyMade<byte[]> answered, RecentlyMade<List<object[]>> reports)
    {
        emulator.Counters.Add("analytics");
        if (await FaultInjection.ApplyAsync(emulator, context, FaultTarget.Analytics))
        {
            return;
        }

        var caller = await ApiResponses.Authenticate(context, emulator, ApiResponses.AnalyticsScopes, ApiResponses.ReadScopes);
        if (caller == null)
        {
            return;
        }

        // The report data never changes while the emulator runs, so a repeated query (each page of a paged one)
        // reuses the report, and the very same query the answer.
        var query = context.Request.QueryString.Value ?? string.Empty;
        if (answered.TryGet(query, out var known))
        {
            await ApiResponses.SendBytes(context, known);
            return;
        }

        var q = context.Request.Query;
        var data = emulator.Data;
        var ids = q["ids"].ToString();
        if (ids.Length == 0 || q["startDate"].Count == 0 || q["endDate"].Count == 0 || q["metrics"].Count == 0)
        {
            await ApiResponses.Error(context, 400, "required", "global", "Required parameters: ids, startDate, endDate, metrics.");
            return;
        }

        if (ids != "channel==MINE" && ids != "channel==" + data.ChannelId)
        {
            await ApiResponses.Error(context, 403, "forbidden", "global", "Forbidden");
            return;
        }

        if (!DateTime.TryParseExact(q["startDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start) ||
            !DateTime.TryParseExact(q["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var end))
        {
            await ApiResponses.Error(context, 400, "invalid", "global", "Invalid value for startDate or endDate (expected YYYY-MM-DD).");
            return;
        }

        var metrics = q["metrics"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var dims = q["dimensions"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var unknown = metrics.FirstOrDefault(m => !AnalyticsReports.KnownMetrics.Contains(m));
        if (unknown != null)
        {
            await ApiResponses.Error(context, 400, "badRequest", "global", $"Unknown identifier ({unknown}) given in field parameters.metrics.");
            return;
        }

        var unknownDim = dims.FirstOrDefault(d => !AnalyticsReports.KnownDimensions.Contains(d));
        if (unknownDim != null)
        {
            await ApiResponses.Error(context, 400, "badRequest", "global", $"Unknown identifier ({unknownDim}) given in field parameters.dimensions.");
            return;
        }

        var startIndex = int.TryParse(q["startIndex"], out var si) ? si : 1;
        int? maxResults = int.TryParse(q["maxResults"], out var mr) ? mr : null;
        if (startIndex < 1 || maxResults < 1)
        {
            await ApiResponses.Error(context, 400, "invalid", "global", "startIndex and maxResults must be at least 1.");
            return;
        }

        var filters = AnalyticsReports.ParseFilters(q["filters"]);
        var sort = q["sort"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var report = AnalyticsReports.Find(new ReportQuery(false, dims, filters, metrics, sort, maxResults, capFillsMaxResults: false), out _);
        if (report == null)
        {
            await ApiResponses.Error(context, 400, "badRequest", "global", AnalyticsReports.NotSupported);
            return;
        }

        if (metrics.Any(MonetaryMetrics.Contains) && !caller.Grant!.Scopes.Contains(ApiResponses.MonetaryScope))
        {
            await ApiResponses.Error(context, 403, "forbidden", "global", "Forbidden");
            return;
        }

        var reportKey = string.Join("&", start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd"), q["metrics"], q["dimensions"], q["filters"], q["sort"]);
        if (!reports.TryGet(reportKey, out var rows))
        {
            rows = reports.Add(reportKey, Sort(Rows(data, filters, start, end, metrics, dims), sort, dims, metrics));
        }

        var page = rows.Skip(startIndex - 1).Take(maxResults ?? int.MaxValue).ToList();
        var headers = new JsonArray(dims.Select(d => (JsonNode)new JsonObject { ["name"] = d, ["columnType"] = "DIMENSION", ["dataType"] = "STRING" })
            .Concat(metrics.Select(m => (JsonNode)new JsonObject { ["name"] = m, ["columnType"] = "METRIC", ["dataType"] = FloatMetrics.Contains(m) ? "FLOAT" : "INTEGER" })).ToArray());
        var body = new JsonObject { ["kind"] = "youtubeAnalytics#resultTable", ["columnHeaders"] = headers };
        if (page.Count > 0)
        {
            body["rows"] = new JsonArray(page.Select(r => (JsonNode)new JsonArray(r.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>())).ToArray());
        }

        var fields = q["fields"].ToString();
        JsonNode output = fields.Length > 0 ? FieldsFilter.Apply(body, fields) : body;
        await ApiResponses.SendBytes(context, answered.Add(query, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(output)));
    }

    /// <summary>The values of the dimensions generated data has beyond days, months, videos, playlists and countries (Google's own names).</summary>
    private static readonly Dictionary<string, string[]> DimensionValues = new()
    {
        ["province"] = new[] { "US-CA", "US-NY", "US-TX", "US-WA" },
        ["deviceType"] = new[] { "DESKTOP", "MOBILE", "TABLET", "TV", "GAME_CONSOLE", "UNKNOWN_PLATFORM" },
        ["operatingSystem"] = new[] { "ANDROID", "IOS", "WINDOWS", "MACINTOSH", "LINUX", "CHROMECAST", "PLAYSTATION", "XBOX", "SMART_TV", "OTHER" },
        ["subscribedStatus"] = new[] { "SUBSCRIBED", "UNSUBSCRIBED" },
        ["youtubeProduct"] = new[] { "CORE", "GAMING", "KIDS", "UNKNOWN" },
        ["liveOrOnDemand"] = new[] { "LIVE", "ON_DEMAND" },
        ["creatorContentType"] = new[] { "VIDEO_ON_DEMAND", "SHORTS", "LIVE_STREAM", "STORY" },
        ["insightTrafficSourceType"] = new[]
        {
            "ADVERTISING", "ANNOTATION", "CAMPAIGN_CARD", "END_SCREEN", "EXT_URL", "NO_LINK_EMBEDDED", "NO_LINK_OTHER", "NOTIFICATION", "PLAYLIST",
            "PROMOTED", "RELATED_VIDEO", "SHORTS", "SUBSCRIBER", "YT_CHANNEL", "YT_OTHER_PAGE", "YT_PLAYLIST_PAGE", "YT_SEARCH",
        },
        ["insightPlaybackLocationType"] = new[] { "BROWSE", "CHANNEL", "EMBEDDED", "EXTERNAL_APP", "MOBILE", "SEARCH", "WATCH", "YT_OTHER" },
        // More details than a detailed report's cap of 25, so the cap shows.
        ["insightTrafficSourceDetail"] = Enumerable.Range(1, 40).Select(i => "source-" + i).ToArray(),
        ["insightPlaybackLocationDetail"] = Enumerable.Range(1, 40).Select(i => "site-" + i + ".example").ToArray(),
        ["ageGroup"] = new[] { "age13-17", "age18-24", "age25-34", "age35-44", "age45-54", "age55-64", "age65-" },
        ["gender"] = new[] { "female", "male", "user_specified" },
        ["sharingService"] = new[] { "COPY_PASTE", "EMBED", "FACEBOOK", "TWITTER", "WHATS_APP", "OTHER" },
        ["elapsedVideoTimeRatio"] = Enumerable.Range(1, 100).Select(i => (i / 100.0).ToString("0.00", CultureInfo.InvariantCulture)).ToArray(),
        ["adType"] = new[] { "auctionInstream", "auctionBumperInstream", "auctionDisplay", "reservedInstream" },
    };

    /// <summary>Metrics that add up over days, videos and countries (the others are averages and rates).</summary>
    private static bool Summed(string metric) => FloatMetrics.Contains(metric) ? metric.EndsWith("Revenue", StringComparison.Ordinal) : metric != "averageViewDuration";

    /// <summary>The values a dimension takes over the period, or null for one the data has no list of.</summary>
    private static IReadOnlyList<string>? Values(YouTubeData data, string dimension, DateTime first, DateTime last) => dimension switch
    {
        "day" => Enumerable.Range(0, (last - first).Days + 1).Select(i => first.AddDays(i).ToString("yyyy-MM-dd")).ToArray(),
        "month" => Enumerable.Range(0, (last - first).Days + 1).Select(i => first.AddDays(i).ToString("yyyy-MM")).Distinct().ToArray(),
        "video" => data.Videos,
        "playlist" => data.Playlists.Select(p => p.Id).ToArray(),
        "country" => data.Countries,
        _ => DimensionValues.GetValueOrDefault(dimension),
    };

    /// <summary>
    /// The report's rows before sorting and paging: seeded facts summed by the asked dimensions, or generated data with
    /// one row for each combination of the asked dimensions' values that passes the filters.
    /// </summary>
    private static List<object[]> Rows(YouTubeData data, IReadOnlyDictionary<string, string> filters, DateTime start, DateTime end, string[] metrics, string[] dims)
    {
        var first = start > data.DataStart ? start : data.DataStart;
        var last = end < data.DataEnd ? end : data.DataEnd;
        var wanted = filters.ToDictionary(f => f.Key, f => new HashSet<string>(f.Value.Split(',')));
        if (first > last)
        {
            return new List<object[]>();
        }

        if (data.SeededFacts != null)
        {
            return SeededRows(data.SeededFacts.Where(f => f.Day >= first && f.Day <= last), wanted, metrics, dims);
        }

        // A filter on a value the data does not have (an unknown video) leaves nothing; on something that is not a
        // dimension, it picks a slice of the data, which seeds its numbers.
        if (wanted.Any(f => Values(data, f.Key, first, last) is { } known && !known.Any(f.Value.Contains)))
        {
            return new List<object[]>();
        }

        var slice = string.Join(";", filters.Where(f => !dims.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        var lists = dims.Select(d => (Values(data, d, first, last) ?? new[] { "UNKNOWN" }).Where(v => !wanted.TryGetValue(d, out var w) || w.Contains(v)).ToArray()).ToArray();
        var periodDays = (last - first).Days + 1;
        var rows = new List<object[]>();
        var keys = new string[dims.Length];
        void Fill(int level)
        {
            if (level == dims.Length)
            {
                // Sums cover the days a row stands for: one for a day, the month's days in the period, or the whole period.
                var days = dims.Contains("day") ? 1
                    : dims.Contains("month") ? Enumerable.Range(0, periodDays).Count(i => first.AddDays(i).ToString("yyyy-MM") == keys[Array.IndexOf(dims, "month")])
                    : periodDays;
                var seed = string.Join("|", keys) + "|" + slice;
                rows.Add(keys.Cast<object>().Concat(metrics.Select(m => Value(data, m, seed, Summed(m) ? days : 1))).ToArray());
                return;
            }

            foreach (var value in lists[level])
            {
                keys[level] = value;
                Fill(level + 1);
            }
        }

        Fill(0);
        return rows;
    }

    /// <summary>Seeded facts that pass the filters, summed by the asked dimensions (a dimension the seed file does not give takes its first value).</summary>
    private static List<object[]> SeededRows(IEnumerable<AnalyticsFact> facts, Dictionary<string, HashSet<string>> wanted, string[] metrics, string[] dims)
    {
        string Of(AnalyticsFact fact, string dimension) => dimension switch
        {
            "day" => fact.Day.ToString("yyyy-MM-dd"), "month" => fact.Day.ToString("yyyy-MM"), "video" => fact.Video, "country" => fact.Country,
            "deviceType" => fact.DeviceType, "operatingSystem" => fact.OperatingSystem,
            _ => DimensionValues.TryGetValue(dimension, out var values) ? values[0] : "UNKNOWN",
        };

        var groups = new Dictionary<string, (string[] Keys, double[] Sums, int Count)>();
        foreach (var fact in facts.Where(f => wanted.All(w => !(w.Key is "video" or "country" or "deviceType" or "operatingSystem") || w.Value.Contains(Of(f, w.Key)))))
        {
            var keys = dims.Select(d => Of(fact, d)).ToArray();
            var values = metrics.Select(m => fact.Metrics.TryGetValue(m, out var v) ? v : 0).ToArray();
            var groupKey = string.Join("\u0001", keys);
            if (groups.TryGetValue(groupKey, out var g))
            {
                for (var i = 0; i < values.Length; i++) g.Sums[i] += values[i];
                groups[groupKey] = (g.Keys, g.Sums, g.Count + 1);
            }
            else
            {
                groups[groupKey] = (keys, values, 1);
            }
        }

        return groups.Values.Select(g => g.Keys.Cast<object>().Concat(metrics.Select((m, i) =>
        {
            var value = Summed(m) ? g.Sums[i] : g.Sums[i] / g.Count;
            return FloatMetrics.Contains(m) ? Math.Round(value, 4) : (object)(long)value;
        })).ToArray()).ToList();
    }

    /// <summary>A generated metric value for a row: counts and revenue for <paramref name="days"/> days, averages and rates as they are.</summary>
    private static object Value(YouTubeData data, string metric, string seed, int days) => metric switch
    {
        "views" => (long)data.Number("views" + seed, 200) * days,
        "estimatedMinutesWatched" => (long)data.Number("minutes" + seed, 900) * days,
        "averageViewDuration" => 30L + data.Number("avd" + seed, 300),
        "averageViewPercentage" => 10 + data.Number("avp" + seed, 8000) / 100.0,
        "viewerPercentage" => data.Number("share" + seed, 10000) / 100.0,
        _ when FloatMetrics.Contains(metric) => Math.Round(data.Number(metric + seed, 5000) / 1000.0 * days, 4),
        _ => (long)data.Number(metric + seed, 20) * days,
    };

    private static List<object[]> Sort(List<object[]> rows, string[] sort, string[] dims, string[] metrics)
    {
        var columns = dims.Concat(metrics).ToList();
        IOrderedEnumerable<object[]>? ordered = null;
        foreach (var key in sort)
        {
            var descending = key.StartsWith('-');
            var index = columns.IndexOf(descending ? key[1..] : key);
            if (index < 0) continue;
            Func<object[], object> pick = r => r[index];
            ordered = ordered == null
                ? (descending ? rows.OrderByDescending(pick, Comparer<object>.Default) : rows.OrderBy(pick, Comparer<object>.Default))
                : (descending ? ordered.ThenByDescending(pick, Comparer<object>.Default) : ordered.ThenBy(pick, Comparer<object>.Default));
        }

        return (ordered ?? rows.OrderBy(r => string.Join("|", r.Take(dims.Length)), StringComparer.Ordinal)).ToList();
    }
}
