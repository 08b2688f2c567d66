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

/// <summary>YouTube Analytics v2 reports.query over seeded facts: validation, grouping by dimensions, sorting, startIndex paging.</summary>
internal static class AnalyticsEndpoints
{
    private static readonly Dictionary<string, (string Type, bool Monetary)> Metrics = new()
    {
        ["views"] = ("INTEGER", false), ["estimatedMinutesWatched"] = ("INTEGER", false), ["likes"] = ("INTEGER", false),
        ["subscribersGained"] = ("INTEGER", false), ["averageViewDuration"] = ("INTEGER", false),
        ["averageViewPercentage"] = ("FLOAT", false), ["estimatedRevenue"] = ("FLOAT", true),
    };

    private static readonly string[] Dimensions = { "day", "month", "video", "country" };

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        var answered = new RecentlyMade<byte[]>(32);
        var reports = new RecentlyMade<List<object[]>>(4);
        app.MapGet("/v2/reports", context => Reports(context, emulator, answered, reports));
    }

    private static async Task Reports(HttpContext context, GoogleEmulator emulator, RecentlyMade<byte[]> answered, RecentlyMade<List<object[]>> reports)
    {
        emulator.Counters.Add("analytics");
        if (await emulator.ApplyFaultAsync(context, FaultTarget.Analytics))
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
        var unknown = metrics.FirstOrDefault(m => !Metrics.ContainsKey(m));
        if (unknown != null)
        {
            await ApiResponses.Error(context, 400, "badRequest", "global", $"Unknown identifier ({unknown}) given in field parameters.metrics.");
            return;
        }

        var unknownDim = dims.FirstOrDefault(d => !Dimensions.Contains(d));
        if (unknownDim != null || (dims.Contains("day") && dims.Contains("month")))
        {
            await ApiResponses.Error(context, 400, "badRequest", "global", $"Unknown identifier ({unknownDim ?? "day,month"}) given in field parameters.dimensions.");
            return;
        }

        if (metrics.Any(m => Metrics[m].Monetary) && !caller.Grant!.Scopes.Contains(ApiResponses.MonetaryScope))
        {
            await ApiResponses.Error(context, 403, "forbidden", "global", "Forbidden");
            return;
        }

        var reportKey = string.Join("&", start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd"), q["metrics"], q["dimensions"], q["filters"], q["sort"]);
        if (!reports.TryGet(reportKey, out var rows))
        {
            rows = reports.Add(reportKey, Sort(Rows(data, q, start, end, metrics, dims), q["sort"].ToString(), dims, metrics));
        }

        var startIndex = int.TryParse(q["startIndex"], out var si) ? si : 1;
        var maxResults = int.TryParse(q["maxResults"], out var mr) ? mr : int.MaxValue;
        if (startIndex < 1 || maxResults < 1)
        {
            await ApiResponses.Error(context, 400, "invalid", "global", "startIndex and maxResults must be at least 1.");
            return;
        }

        var page = rows.Skip(startIndex - 1).Take(maxResults).ToList();
        var headers = new JsonArray(dims.Select(d => (JsonNode)new JsonObject { ["name"] = d, ["columnType"] = "DIMENSION", ["dataType"] = "STRING" })
            .Concat(metrics.Select(m => (JsonNode)new JsonObject { ["name"] = m, ["columnType"] = "METRIC", ["dataType"] = Metrics[m].Type })).ToArray());
        var body = new JsonObject { ["kind"] = "youtubeAnalytics#resultTable", ["columnHeaders"] = headers };
        if (page.Count > 0)
        {
            body["rows"] = new JsonArray(page.Select(r => (JsonNode)new JsonArray(r.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>())).ToArray());
        }

        var fields = q["fields"].ToString();
        JsonNode output = fields.Length > 0 ? FieldsFilter.Apply(body, fields) : body;
        await ApiResponses.SendBytes(context, answered.Add(query, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(output)));
    }

    /// <summary>The report's rows, grouped by the asked dimensions, before sorting and paging.</summary>
    private static List<object[]> Rows(YouTubeData data, IQueryCollection q, DateTime start, DateTime end, string[] metrics, string[] dims)
    {
        var filters = q["filters"].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split("==", 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => new HashSet<string>(f[1].Split(',')));
        var first = start > data.DataStart ? start : data.DataStart;
        var last = end < data.DataEnd ? end : data.DataEnd;
        var groups = new Dictionary<string, (string[] Keys, double[] Sums, int Count)>();
        bool Wanted(string video, string country) =>
            (!filters.TryGetValue("video", out var vf) || vf.Contains(video)) && (!filters.TryGetValue("country", out var cf) || cf.Contains(country));
        foreach (var fact in Facts(data, first, last, metrics, Wanted))
        {
            var keys = dims.Select(d => d switch
            {
                "day" => fact.Day.ToString("yyyy-MM-dd"), "month" => fact.Day.ToString("yyyy-MM"), "video" => fact.Video, _ => fact.Country,
            }).ToArray();
            var groupKey = string.Join("\u0001", keys);
            var values = fact.Values;
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
            Metrics[m].Type == "INTEGER" ? (object)(long)(m == "averageViewDuration" ? g.Sums[i] / g.Count : g.Sums[i])
                : Math.Round(g.Sums[i] / (m == "averageViewPercentage" ? g.Count : 1), 4))).ToArray()).ToList();
    }

    /// <summary>The last few things made for a key (reports, answers), newest first.</summary>
    private sealed class RecentlyMade<T>(int capacity) where T : class
    {
        private readonly LinkedList<(string Key, T Value)> made = new();

        public bool TryGet(string key, out T value)
        {
            lock (made)
            {
                value = made.FirstOrDefault(a => a.Key == key).Value;
                return value != null;
            }
        }

        public T Add(string key, T value)
        {
            lock (made)
            {
                made.AddFirst((key, value));
                if (made.Count > capacity)
                {
                    made.RemoveLast();
                }
            }

            return value;
        }
    }

    /// <summary>
    /// The facts in range that pass the filters, with the asked metrics' values: the seed file's report rows (a metric
    /// they leave out counts 0), or generated ones for every day, video and country.
    /// </summary>
    private static IEnumerable<(DateTime Day, string Video, string Country, double[] Values)> Facts(
        YouTubeData data, DateTime first, DateTime last, string[] metrics, Func<string, string, bool> wanted)
    {
        if (data.SeededFacts != null)
        {
            foreach (var fact in data.SeededFacts.Where(f => f.Day >= first && f.Day <= last && wanted(f.Video, f.Country)))
            {
                yield return (fact.Day, fact.Video, fact.Country, metrics.Select(m => fact.Metrics.TryGetValue(m, out var v) ? v : 0).ToArray());
            }

            yield break;
        }

        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var video in data.Videos)
            {
                foreach (var country in data.Countries)
                {
                    if (wanted(video, country))
                    {
                        var seed = day.ToString("yyyyMMdd") + video + country;
                        yield return (day, video, country, metrics.Select(m => Fact(data, m, seed)).ToArray());
                    }
                }
            }
        }
    }

    private static double Fact(YouTubeData data, string metric, string seed) => metric switch
    {
        "views" => data.Number("views" + seed, 200),
        "estimatedMinutesWatched" => data.Number("minutes" + seed, 900),
        "likes" => data.Number("likes" + seed, 20),
        "subscribersGained" => data.Number("subs" + seed, 5),
        "averageViewDuration" => 30 + data.Number("avd" + seed, 300),
        "averageViewPercentage" => 10 + data.Number("avp" + seed, 8000) / 100.0,
        _ => data.Number("revenue" + seed, 5000) / 1000.0,
    };

    private static List<object[]> Sort(List<object[]> rows, string sort, string[] dims, string[] metrics)
    {
        var columns = dims.Concat(metrics).ToList();
        IOrderedEnumerable<object[]>? ordered = null;
        foreach (var key in sort.Split(',', StringSplitOptions.RemoveEmptyEntries))
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
