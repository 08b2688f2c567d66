using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace YtOAuth.Emulator;

/// <summary>YouTube Data API v3 list methods and YouTube Analytics v2 reports.query, answering like Google.</summary>
internal static class YouTubeEndpoints
{
    private const string Auth = "https://www.googleapis.com/auth/";
    private static readonly string[] DataScopes = { Auth + "youtube", Auth + "youtube.force-ssl", Auth + "youtube.readonly", Auth + "youtubepartner" };
    private static readonly string[] AnalyticsScopes = { Auth + "yt-analytics.readonly", Auth + "yt-analytics-monetary.readonly" };
    private static readonly string[] ReadScopes = { Auth + "youtube", Auth + "youtube.readonly" };

    private static readonly Dictionary<string, (string Type, bool Monetary)> Metrics = new()
    {
        ["views"] = ("INTEGER", false), ["estimatedMinutesWatched"] = ("INTEGER", false), ["likes"] = ("INTEGER", false),
        ["subscribersGained"] = ("INTEGER", false), ["averageViewDuration"] = ("INTEGER", false),
        ["averageViewPercentage"] = ("FLOAT", false), ["estimatedRevenue"] = ("FLOAT", true),
    };

    private static readonly string[] Dimensions = { "day", "month", "video", "country" };

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapGet("/youtube/v3/playlists", context => Data(context, emulator, "playlists", Playlists));
        app.MapGet("/youtube/v3/playlistItems", context => Data(context, emulator, "playlistItems", PlaylistItems));
        app.MapGet("/youtube/v3/channels", context => Data(context, emulator, "channels", Channels));
        app.MapGet("/v2/reports", context => Reports(context, emulator));
    }

    private delegate Task<JsonObject?> Handler(HttpContext context, GoogleEmulator emulator, Caller caller);

    private sealed record Caller(Grant? Grant, bool ByKey);

    private static async Task Data(HttpContext context, GoogleEmulator emulator, string method, Handler handler)
    {
        emulator.Counters.Add("youtube");
        emulator.Counters.Add("youtube:" + method);
        if (await emulator.ApplyFaultAsync(context, FaultTarget.YouTube))
        {
            return;
        }

        var caller = await Authenticate(context, emulator, DataScopes, null);
        if (caller == null)
        {
            return;
        }

        if (!SpendQuota(emulator))
        {
            await Error(context, emulator, 403, "quotaExceeded", "youtube.quota",
                "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
            return;
        }

        if (string.IsNullOrEmpty(context.Request.Query["part"]))
        {
            await Error(context, emulator, 400, "required", "global", "Required parameter: part");
            return;
        }

        var body = await handler(context, emulator, caller);
        if (body != null)
        {
            await Send(context, emulator, 200, body);
        }
    }

    private static async Task<Caller?> Authenticate(HttpContext context, GoogleEmulator emulator, string[] anyOf, string[]? alsoOneOf)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = context.Request.Query["key"].ToString();
        if (header.Length == 0 && key.Length > 0)
        {
            if (key != emulator.Data.ApiKey)
            {
                await Error(context, emulator, 400, "keyInvalid", "usageLimits", "API key not valid. Please pass a valid API key.");
                return null;
            }

            return new Caller(null, true);
        }

        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) ||
            !emulator.State.AccessTokens.TryGetValue(header[7..], out var token) || token.Grant.Revoked || token.ExpiresUtc <= emulator.State.Now)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\"";
            await Error(context, emulator, 401, "authError", "global", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
                location: "Authorization");
            return null;
        }

        if (!token.Grant.Scopes.Any(anyOf.Contains) || (alsoOneOf != null && !token.Grant.Scopes.Any(alsoOneOf.Contains)))
        {
            await Error(context, emulator, 403, "insufficientPermissions", "global", "Request had insufficient authentication scopes.");
            return null;
        }

        return new Caller(token.Grant, false);
    }

    private static bool SpendQuota(GoogleEmulator emulator)
    {
        // Google's quota day turns at midnight Pacific time.
        var day = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(emulator.State.Now, "America/Los_Angeles").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return emulator.Quota.TrySpend(day, emulator.Settings.DailyQuota);
    }

    private static async Task<JsonObject?> Playlists(HttpContext context, GoogleEmulator emulator, Caller caller)
    {
        var q = context.Request.Query;
        var filters = new[] { "mine", "channelId", "id" }.Count(f => q.ContainsKey(f));
        if (filters != 1)
        {
            await Error(context, emulator, 400, filters == 0 ? "missingRequiredParameter" : "incompatibleParameters", "youtube.parameter",
                "Exactly one of mine, channelId or id must be given.");
            return null;
        }

        IEnumerable<EmulatedPlaylist> source;
        var data = emulator.Data;
        if (q.ContainsKey("mine"))
        {
            if (caller.ByKey)
            {
                await Error(context, emulator, 401, "required", "global", "Login Required.", location: "Authorization");
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
                await Error(context, emulator, 404, "channelNotFound", "youtube.playlist", "The channel specified in the channelId parameter cannot be found.");
                return null;
            }
        }
        else
        {
            var ids = q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length > 50)
            {
                await Error(context, emulator, 400, "invalidParameter", "youtube.parameter", "At most 50 ids may be given.");
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

    private static async Task<JsonObject?> PlaylistItems(HttpContext context, GoogleEmulator emulator, Caller caller)
    {
        var q = context.Request.Query;
        var playlistId = q["playlistId"].ToString();
        if (playlistId.Length == 0)
        {
            await Error(context, emulator, 400, "playlistIdRequired", "youtube.playlistItem", "The request must specify a playlist ID.");
            return null;
        }

        var data = emulator.Data;
        if (!data.ById.TryGetValue(playlistId, out var playlist))
        {
            await Error(context, emulator, 404, "playlistNotFound", "youtube.playlistItem", "The playlist identified with the request's playlistId parameter cannot be found.");
            return null;
        }

        if (playlist.Privacy == "private" && (caller.ByKey || playlist.ChannelId != data.ChannelId))
        {
            await Error(context, emulator, 403, "playlistItemsNotAccessible", "youtube.playlistItem", "The request is not properly authorized to retrieve the specified playlist.");
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

    private static async Task<JsonObject?> Channels(HttpContext context, GoogleEmulator emulator, Caller caller)
    {
        var q = context.Request.Query;
        var data = emulator.Data;
        var ids = q.ContainsKey("mine")
            ? (caller.ByKey ? null : new[] { data.ChannelId })
            : q["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids == null)
        {
            await Error(context, emulator, 401, "required", "global", "Login Required.", location: "Authorization");
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
            await Error(context, emulator, 400, "invalidParameter", "youtube.parameter", "Invalid value for maxResults: must be 0 to 50.");
            return null;
        }

        var offset = 0;
        var pageToken = q["pageToken"].ToString();
        if (pageToken.Length > 0 && !TryDecodeToken(pageToken, out offset))
        {
            await Error(context, emulator, 400, "invalidPageToken", "youtube.parameter", "The request specifies an invalid page token.");
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

    private static async Task Reports(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("analytics");
        if (await emulator.ApplyFaultAsync(context, FaultTarget.Analytics))
        {
            return;
        }

        var caller = await Authenticate(context, emulator, AnalyticsScopes, ReadScopes);
        if (caller == null)
        {
            return;
        }

        var q = context.Request.Query;
        var data = emulator.Data;
        var ids = q["ids"].ToString();
        if (ids.Length == 0 || q["startDate"].Count == 0 || q["endDate"].Count == 0 || q["metrics"].Count == 0)
        {
            await Error(context, emulator, 400, "required", "global", "Required parameters: ids, startDate, endDate, metrics.");
            return;
        }

        if (ids != "channel==MINE" && ids != "channel==" + data.ChannelId)
        {
            await Error(context, emulator, 403, "forbidden", "global", "Forbidden");
            return;
        }

        if (!DateTime.TryParseExact(q["startDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start) ||
            !DateTime.TryParseExact(q["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var end))
        {
            await Error(context, emulator, 400, "invalid", "global", "Invalid value for startDate or endDate (expected YYYY-MM-DD).");
            return;
        }

        var metrics = q["metrics"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var dims = q["dimensions"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var unknown = metrics.FirstOrDefault(m => !Metrics.ContainsKey(m));
        if (unknown != null)
        {
            await Error(context, emulator, 400, "badRequest", "global", $"Unknown identifier ({unknown}) given in field parameters.metrics.");
            return;
        }

        var unknownDim = dims.FirstOrDefault(d => !Dimensions.Contains(d));
        if (unknownDim != null || (dims.Contains("day") && dims.Contains("month")))
        {
            await Error(context, emulator, 400, "badRequest", "global", $"Unknown identifier ({unknownDim ?? "day,month"}) given in field parameters.dimensions.");
            return;
        }

        if (metrics.Any(m => Metrics[m].Monetary) && !caller.Grant!.Scopes.Contains(Auth + "yt-analytics-monetary.readonly"))
        {
            await Error(context, emulator, 403, "forbidden", "global", "Forbidden");
            return;
        }

        var filters = q["filters"].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split("==", 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => new HashSet<string>(f[1].Split(',')));
        var first = start > data.DataStart ? start : data.DataStart;
        var last = end < data.DataEnd ? end : data.DataEnd;
        var groups = new Dictionary<string, (string[] Keys, double[] Sums, int Count)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var video in data.Videos)
            {
                if (filters.TryGetValue("video", out var vf) && !vf.Contains(video)) continue;
                foreach (var country in data.Countries)
                {
                    if (filters.TryGetValue("country", out var cf) && !cf.Contains(country)) continue;
                    var keys = dims.Select(d => d switch
                    {
                        "day" => day.ToString("yyyy-MM-dd"), "month" => day.ToString("yyyy-MM"), "video" => video, _ => country,
                    }).ToArray();
                    var groupKey = string.Join("\u0001", keys);
                    var seed = day.ToString("yyyyMMdd") + video + country;
                    var values = metrics.Select(m => Fact(data, m, seed)).ToArray();
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
            }
        }

        var rows = groups.Values.Select(g => g.Keys.Cast<object>().Concat(metrics.Select((m, i) =>
            Metrics[m].Type == "INTEGER" ? (object)(long)(m == "averageViewDuration" ? g.Sums[i] / g.Count : g.Sums[i])
                : Math.Round(g.Sums[i] / (m == "averageViewPercentage" ? g.Count : 1), 4))).ToArray()).ToList();
        rows = Sort(rows, q["sort"].ToString(), dims, metrics);
        var startIndex = int.TryParse(q["startIndex"], out var si) ? si : 1;
        var maxResults = int.TryParse(q["maxResults"], out var mr) ? mr : int.MaxValue;
        if (startIndex < 1 || maxResults < 1)
        {
            await Error(context, emulator, 400, "invalid", "global", "startIndex and maxResults must be at least 1.");
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

        await Send(context, emulator, 200, body);
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

    /// <summary>Google's error body (§4): error.code, message, errors[].reason/domain, status.</summary>
    internal static Task Error(HttpContext context, GoogleEmulator emulator, int status, string reason, string domain, string message, string? location = null)
    {
        var detail = new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason };
        if (location != null)
        {
            detail["location"] = location;
            detail["locationType"] = "header";
        }

        var grpc = status switch { 400 => "INVALID_ARGUMENT", 401 => "UNAUTHENTICATED", 403 => "PERMISSION_DENIED", 404 => "NOT_FOUND", 429 => "RESOURCE_EXHAUSTED", _ => "UNAVAILABLE" };
        return Send(context, emulator, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["errors"] = new JsonArray(detail), ["status"] = grpc },
        }, applyFields: false);
    }

    /// <summary>Writes JSON, trimmed by the fields parameter, gzipped when the client accepts it; counts the bytes.</summary>
    private static async Task Send(HttpContext context, GoogleEmulator emulator, int status, JsonObject body, bool applyFields = true)
    {
        var fields = context.Request.Query["fields"].ToString();
        JsonNode output = applyFields && fields.Length > 0 ? FieldsFilter.Apply(body, fields) : body;
        var bytes = Encoding.UTF8.GetBytes(output.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            bytes = buffer.ToArray();
            context.Response.Headers.ContentEncoding = "gzip";
        }

        emulator.Counters.AddBytes(bytes.Length);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}

/// <summary>Google's partial-response "fields" syntax: a,b/c,items(id,snippet(title)).</summary>
internal static class FieldsFilter
{
    public static JsonNode Apply(JsonNode node, string fields)
    {
        var i = 0;
        return Filter(node, ParseList(fields, ref i));
    }

    private sealed class Selection : Dictionary<string, Selection?> { }

    // list := item (',' item)* ; item := name ('/' item | '(' list ')')?
    private static Selection ParseList(string s, ref int i)
    {
        var result = new Selection();
        while (i < s.Length && s[i] != ')')
        {
            var (name, sub) = ParseItem(s, ref i);
            if (name.Length > 0)
            {
                result[name] = result.TryGetValue(name, out var existing) && existing != null && sub != null ? Merge(existing, sub) : sub;
            }

            if (i < s.Length && s[i] == ',') i++;
        }

        return result;
    }

    private static (string Name, Selection? Sub) ParseItem(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is not (',' or '(' or ')' or '/')) i++;
        var name = s[start..i].Trim();
        if (i < s.Length && s[i] == '/')
        {
            i++;
            var (child, childSub) = ParseItem(s, ref i);
            return (name, new Selection { [child] = childSub });
        }

        if (i < s.Length && s[i] == '(')
        {
            i++;
            var sub = ParseList(s, ref i);
            i++; // ')'
            return (name, sub);
        }

        return (name, null);
    }

    private static Selection Merge(Selection a, Selection b)
    {
        foreach (var pair in b) a[pair.Key] = pair.Value;
        return a;
    }

    private static JsonNode Filter(JsonNode node, Selection selection)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(n => n == null ? null : Filter(n, selection)).ToArray());
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, sub) in selection)
                {
                    if (obj[key] is { } value)
                    {
                        result[key] = sub == null ? value.DeepClone() : Filter(value, sub);
                    }
                }

                return result;
            default:
                return node.DeepClone();
        }
    }
}
