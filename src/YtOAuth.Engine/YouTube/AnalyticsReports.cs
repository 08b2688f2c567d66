using System;
using System.Collections.Generic;
using System.Linq;

// One file over 300 lines on purpose: it is a data table (Google's available reports, one entry a report, read best
// beside Google's pages) with the types that judge a query against it (ReportQuery, AnalyticsReport, Rule), and the
// emulator links this one file as source, so the table and its judges travel together.
// This file is compiled into the engine and, linked, into the emulator: the engine refuses what Google refuses and the
// emulator answers from the very same table. Keep it free of anything but the base library.
namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// The reports Google's YouTube Analytics API v2 serves, as data. Source: Google's "Available reports" pages,
    /// https://developers.google.com/youtube/analytics/channel_reports and
    /// https://developers.google.com/youtube/analytics/content_owner_reports (each report: its dimensions, filters,
    /// metrics, and for top lists the sort and maxResults cap). Anything outside them Google answers with 400
    /// "The query is not supported."
    /// <para>
    /// Rules are written as "kind:name,name": <c>req</c> every name, <c>one</c> exactly one, <c>some</c> one or more,
    /// <c>max1</c> zero or one, <c>any</c> zero or more. A filter may fix its value ("req:country==US") or name the
    /// values it takes ("req:insightTrafficSourceType==EXT_URL|YT_SEARCH").
    /// </para>
    /// </summary>
    internal static class AnalyticsReports
    {
        /// <summary>Google's text for a query outside the table.</summary>
        public const string NotSupported = "The query is not supported. Check the documentation at https://developers.google.com/youtube/analytics/v2/available_reports for a list of supported queries.";

        private const string Region = "max1:country,province,continent,subContinent";
        private const string RegionNoProvince = "max1:country,continent,subContinent";
        private const string VideoOrGroup = "max1:video,group";
        private const string PlaylistOrGroup = "max1:playlist,group";
        private const string Curated = "max1:isCurated==1"; // Google retired isCurated==1 in 2024; it is still taken

        private static readonly string[] VideoMetrics =
        {
            "views", "redViews", "comments", "likes", "dislikes", "videosAddedToPlaylists", "videosRemovedFromPlaylists", "shares",
            "estimatedMinutesWatched", "estimatedRedMinutesWatched", "averageViewDuration", "averageViewPercentage", "engagedViews",
            "annotationClickThroughRate", "annotationCloseRate", "annotationImpressions", "annotationClickableImpressions",
            "annotationClosableImpressions", "annotationClicks", "annotationCloses", "cardClickRate", "cardTeaserClickRate",
            "cardImpressions", "cardTeaserImpressions", "cardClicks", "cardTeaserClicks", "subscribersGained", "subscribersLost",
            "estimatedRevenue", "estimatedAdRevenue", "grossRevenue", "estimatedRedPartnerRevenue", "monetizedPlaybacks",
            "playbackBasedCpm", "adImpressions", "cpm",
        };

        private static readonly string[] ProvinceMetrics =
        {
            "views", "redViews", "estimatedMinutesWatched", "estimatedRedMinutesWatched", "averageViewDuration", "averageViewPercentage",
            "annotationClickThroughRate", "annotationCloseRate", "annotationImpressions", "annotationClickableImpressions",
            "annotationClosableImpressions", "annotationClicks", "annotationCloses", "cardClickRate", "cardTeaserClickRate",
            "cardImpressions", "cardTeaserImpressions", "cardClicks", "cardTeaserClicks",
        };

        private static readonly string[] SubscribedMetrics = ProvinceMetrics.Concat(new[] { "likes", "dislikes", "videosAddedToPlaylists", "videosRemovedFromPlaylists", "shares" }).ToArray();
        private static readonly string[] LiveMetrics = { "views", "redViews", "estimatedMinutesWatched", "estimatedRedMinutesWatched", "averageViewDuration" };
        private static readonly string[] ViewPercentageMetrics = LiveMetrics.Concat(new[] { "averageViewPercentage" }).ToArray();
        private static readonly string[] SourceMetrics = { "views", "estimatedMinutesWatched" };

        private static readonly string[] PlaylistMetrics =
        {
            "views", "redViews", "estimatedMinutesWatched", "estimatedRedMinutesWatched", "averageViewDuration", "playlistStarts",
            "viewsPerPlaylistStart", "averageTimeInPlaylist", "playlistViews", "playlistEstimatedMinutesWatched", "playlistAverageViewDuration",
        };

        private static readonly string[] PlaylistSourceMetrics = { "views", "estimatedMinutesWatched", "playlistStarts", "viewsPerPlaylistStart", "averageTimeInPlaylist", "playlistViews", "playlistEstimatedMinutesWatched" };

        private static readonly string[] TopVideoSort = { "views", "redViews", "estimatedMinutesWatched", "estimatedRedMinutesWatched" };
        private static readonly string[] TopVideoRegionSort = TopVideoSort.Concat(new[] { "estimatedRevenue", "estimatedRedPartnerRevenue", "subscribersGained", "subscribersLost" }).ToArray();
        private static readonly string[] TopPlaylistSort = { "views", "estimatedMinutesWatched", "playlistStarts", "playlistViews", "playlistEstimatedMinutesWatched" };

        /// <summary>Traffic-source types that have a detailed report.</summary>
        private const string DetailedSources = "ADVERTISING|CAMPAIGN_CARD|END_SCREEN|EXT_URL|NOTIFICATION|RELATED_VIDEO|SUBSCRIBER|YT_CHANNEL|YT_OTHER_PAGE|YT_SEARCH";

        /// <summary>Every report, in the order of Google's pages.</summary>
        public static readonly IReadOnlyList<AnalyticsReport> All = new[]
        {
            // Video reports
            new AnalyticsReport("Basic user activity", "", RegionNoProvince + " " + VideoOrGroup, VideoMetrics),
            new AnalyticsReport("Basic user activity for US states", "", "req:province " + VideoOrGroup, ProvinceMetrics),
            new AnalyticsReport("User activity over time", "one:day,month any:creatorContentType", RegionNoProvince + " " + VideoOrGroup, VideoMetrics),
            new AnalyticsReport("User activity over time in US states", "one:day,month any:creatorContentType", "req:province " + VideoOrGroup, ProvinceMetrics),
            new AnalyticsReport("User activity by country", "req:country any:creatorContentType", "max1:continent,subContinent " + VideoOrGroup, VideoMetrics),
            new AnalyticsReport("User activity by US state", "req:province any:creatorContentType", "req:country==US " + VideoOrGroup, ProvinceMetrics),
            new AnalyticsReport("User activity by subscribed status", "any:creatorContentType,subscribedStatus max1:day,month",
                RegionNoProvince + " " + VideoOrGroup + " any:subscribedStatus", SubscribedMetrics),
            new AnalyticsReport("User activity by subscribed status for US states", "any:creatorContentType,subscribedStatus max1:day,month",
                VideoOrGroup + " any:province,subscribedStatus", ProvinceMetrics),
            new AnalyticsReport("Playback details over time (live or on demand)", "any:creatorContentType,liveOrOnDemand,subscribedStatus,youtubeProduct max1:day,month",
                Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus,youtubeProduct", LiveMetrics),
            new AnalyticsReport("Playback details over time", "any:creatorContentType,subscribedStatus,youtubeProduct max1:day,month",
                Region + " " + VideoOrGroup + " any:subscribedStatus,youtubeProduct", ViewPercentageMetrics),
            new AnalyticsReport("Playback details by country (live or on demand)", "req:country any:creatorContentType,liveOrOnDemand,subscribedStatus,youtubeProduct",
                "max1:continent,subContinent " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus,youtubeProduct", LiveMetrics),
            new AnalyticsReport("Playback details by country", "req:country any:creatorContentType,subscribedStatus,youtubeProduct",
                "max1:continent,subContinent " + VideoOrGroup + " any:subscribedStatus,youtubeProduct", ViewPercentageMetrics),
            new AnalyticsReport("Playback details by US state (live or on demand)", "req:province any:creatorContentType,liveOrOnDemand,subscribedStatus,youtubeProduct",
                "req:country==US " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus,youtubeProduct", LiveMetrics),
            new AnalyticsReport("Playback details by US state", "req:province any:creatorContentType,subscribedStatus,youtubeProduct",
                "req:country==US " + VideoOrGroup + " any:subscribedStatus,youtubeProduct", ViewPercentageMetrics),
            new AnalyticsReport("Playback locations", "req:insightPlaybackLocationType any:creatorContentType,day,liveOrOnDemand,subscribedStatus",
                Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus", SourceMetrics),
            new AnalyticsReport("Playback location details", "req:insightPlaybackLocationDetail any:creatorContentType",
                "req:insightPlaybackLocationType==EMBEDDED " + Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus", SourceMetrics, SourceMetrics, 25),
            new AnalyticsReport("Traffic sources", "req:insightTrafficSourceType any:creatorContentType,day,liveOrOnDemand,subscribedStatus",
                Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus", SourceMetrics),
            new AnalyticsReport("Traffic source details", "req:insightTrafficSourceDetail any:creatorContentType",
                "req:insightTrafficSourceType==" + DetailedSources + " " + Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus", SourceMetrics, SourceMetrics, 25),
            new AnalyticsReport("Device types", "req:deviceType any:creatorContentType,day,liveOrOnDemand,subscribedStatus,youtubeProduct",
                Region + " " + VideoOrGroup + " any:operatingSystem,liveOrOnDemand,subscribedStatus,youtubeProduct", SourceMetrics),
            new AnalyticsReport("Operating systems", "req:operatingSystem any:creatorContentType,day,liveOrOnDemand,subscribedStatus,youtubeProduct",
                Region + " " + VideoOrGroup + " any:deviceType,liveOrOnDemand,subscribedStatus,youtubeProduct", SourceMetrics),
            new AnalyticsReport("Device types and operating systems", "req:deviceType,operatingSystem any:creatorContentType,day,liveOrOnDemand,subscribedStatus,youtubeProduct",
                Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus,youtubeProduct", SourceMetrics),
            new AnalyticsReport("Viewer demographics", "some:ageGroup,gender any:creatorContentType,liveOrOnDemand,subscribedStatus",
                Region + " " + VideoOrGroup + " any:liveOrOnDemand,subscribedStatus", new[] { "viewerPercentage" }),
            new AnalyticsReport("Engagement and content sharing", "req:sharingService any:creatorContentType,subscribedStatus",
                RegionNoProvince + " " + VideoOrGroup + " any:subscribedStatus", new[] { "shares" }),
            new AnalyticsReport("Audience retention", "req:elapsedVideoTimeRatio any:creatorContentType",
                "req:video any:audienceType,subscribedStatus,youtubeProduct", new[] { "audienceWatchRatio", "relativeRetentionPerformance" }),
            new AnalyticsReport("Top videos for regions", "req:video any:creatorContentType", RegionNoProvince, VideoMetrics, TopVideoRegionSort, 200),
            new AnalyticsReport("Top videos for US states", "req:video any:creatorContentType", "req:province any:subscribedStatus", ProvinceMetrics, TopVideoSort, 200),
            new AnalyticsReport("Top videos by subscribed status", "req:video any:creatorContentType", RegionNoProvince + " any:subscribedStatus", SubscribedMetrics, TopVideoSort, 200),
            new AnalyticsReport("Top videos by YouTube product", "req:video any:creatorContentType", Region + " any:subscribedStatus,youtubeProduct", ViewPercentageMetrics, TopVideoSort, 200),
            new AnalyticsReport("Top videos by playback detail", "req:video any:creatorContentType", Region + " any:liveOrOnDemand,subscribedStatus,youtubeProduct", ViewPercentageMetrics, TopVideoSort, 200),

            // Playlist reports
            new AnalyticsReport("Playlist activity", "", Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus,youtubeProduct", PlaylistMetrics),
            new AnalyticsReport("Playlist activity over time", "one:day,month any:subscribedStatus,youtubeProduct",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus,youtubeProduct", PlaylistMetrics),
            new AnalyticsReport("Playlist activity by country", "req:country any:subscribedStatus,youtubeProduct",
                Curated + " max1:continent,subContinent " + PlaylistOrGroup + " any:subscribedStatus,youtubeProduct", PlaylistMetrics),
            new AnalyticsReport("Playlist activity by US state", "req:province any:subscribedStatus,youtubeProduct",
                Curated + " req:country==US " + PlaylistOrGroup + " any:subscribedStatus,youtubeProduct", PlaylistMetrics),
            new AnalyticsReport("Playlist playback locations", "req:insightPlaybackLocationType any:day,subscribedStatus",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus", PlaylistSourceMetrics),
            new AnalyticsReport("Playlist playback location details", "req:insightPlaybackLocationDetail",
                Curated + " req:insightPlaybackLocationType==EMBEDDED " + Region + " " + PlaylistOrGroup + " any:subscribedStatus", PlaylistSourceMetrics, TopPlaylistSort, 25),
            new AnalyticsReport("Playlist traffic sources", "req:insightTrafficSourceType any:day,subscribedStatus",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus", PlaylistSourceMetrics),
            new AnalyticsReport("Playlist traffic source details", "req:insightTrafficSourceDetail",
                Curated + " req:insightTrafficSourceType==" + DetailedSources + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus", PlaylistSourceMetrics, TopPlaylistSort, 25),
            new AnalyticsReport("Playlist device types", "req:deviceType any:day,subscribedStatus,youtubeProduct",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:operatingSystem,subscribedStatus,youtubeProduct", PlaylistSourceMetrics),
            new AnalyticsReport("Playlist operating systems", "req:operatingSystem any:day,subscribedStatus,youtubeProduct",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:deviceType,subscribedStatus,youtubeProduct", PlaylistSourceMetrics),
            new AnalyticsReport("Playlist device types and operating systems", "req:deviceType,operatingSystem any:day,subscribedStatus,youtubeProduct",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus,youtubeProduct", PlaylistSourceMetrics),
            new AnalyticsReport("Playlist viewer demographics", "some:ageGroup,gender any:subscribedStatus",
                Curated + " " + Region + " " + PlaylistOrGroup + " any:subscribedStatus", new[] { "viewerPercentage" }),
            new AnalyticsReport("Top playlists", "req:playlist", Curated + " " + Region + " any:playlist,subscribedStatus,youtubeProduct", PlaylistMetrics, TopPlaylistSort, 200),

            // Ad performance reports (monetary scope)
            new AnalyticsReport("Ad performance", "req:adType max1:day", VideoOrGroup + " " + RegionNoProvince, new[] { "grossRevenue", "adImpressions", "cpm" }),
        };

        /// <summary>
        /// The report that serves the query, or null with the nearest ones (fewest changes first) and what each needs.
        /// An unset maxResults counts as "the caller fills in the cap" when the query says so (the engine does; a raw query does not).
        /// Content-owner queries (ids contentOwner==...) may also filter by channel, claimedStatus and uploaderType, and
        /// must filter by one of video, channel, group, claimedStatus or uploaderType.
        /// </summary>
        public static AnalyticsReport? Find(ReportQuery query, out IReadOnlyList<(AnalyticsReport Report, IReadOnlyList<string> Changes)> nearest)
        {
            var scored = new List<(AnalyticsReport Report, IReadOnlyList<string> Changes, int Cost)>();
            foreach (var report in All)
            {
                var changes = report.ChangesFor(query);
                if (changes.Count == 0)
                {
                    nearest = Array.Empty<(AnalyticsReport, IReadOnlyList<string>)>();
                    return report;
                }

                scored.Add((report, changes.Select(c => c.Text).ToList(), changes.Sum(c => c.Cost)));
            }

            // Cheapest first; of reports that want the very same changes only the first is named.
            var least = scored.Min(s => s.Cost);
            nearest = scored.Where(s => s.Cost <= least + 2).OrderBy(s => s.Cost).GroupBy(s => string.Join("\n", s.Changes)).Select(g => g.First())
                .Take(3).Select(s => (s.Report, s.Changes)).ToList();
            return null;
        }

        /// <summary>Every metric some report has: any other is an unknown identifier to Google.</summary>
        public static readonly ISet<string> KnownMetrics = new HashSet<string>(All.SelectMany(r => r.Metrics), StringComparer.Ordinal);

        /// <summary>Every dimension some report has.</summary>
        public static readonly ISet<string> KnownDimensions = new HashSet<string>(All.SelectMany(r => r.DimensionRules).SelectMany(r => r.Names), StringComparer.Ordinal);

        /// <summary>Splits Google's filters parameter ("video==a,b;country==US") into names and values.</summary>
        public static Dictionary<string, string> ParseFilters(string? filters)
        {
            var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in (filters ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var at = part.IndexOf("==", StringComparison.Ordinal);
                parsed[at < 0 ? part.Trim() : part.Substring(0, at).Trim()] = at < 0 ? string.Empty : part.Substring(at + 2).Trim();
            }

            return parsed;
        }
    }

    /// <summary>A reports.query as the table judges it.</summary>
    internal sealed class ReportQuery
    {
        public ReportQuery(bool contentOwner, IEnumerable<string> dimensions, IReadOnlyDictionary<string, string> filters, IEnumerable<string> metrics, IEnumerable<string> sort,
            int? maxResults, bool capFillsMaxResults)
        {
            ContentOwner = contentOwner;
            Dimensions = dimensions.ToList();
            Filters = filters;
            Metrics = metrics.ToList();
            Sort = sort.ToList();
            MaxResults = maxResults;
            CapFillsMaxResults = capFillsMaxResults;
        }

        public bool ContentOwner { get; }
        public IReadOnlyList<string> Dimensions { get; }
        public IReadOnlyDictionary<string, string> Filters { get; }
        public IReadOnlyList<string> Metrics { get; }
        public IReadOnlyList<string> Sort { get; }
        public int? MaxResults { get; }
        public bool CapFillsMaxResults { get; }
    }

    /// <summary>One report: which dimensions, filters and metrics it takes; for top lists, the sort and the row cap.</summary>
    internal sealed class AnalyticsReport
    {
        private static readonly string[] ContentOwnerFilters = { "channel", "claimedStatus", "uploaderType" };
        private static readonly string[] ContentOwnerNarrowing = { "video", "channel", "group", "claimedStatus", "uploaderType" };

        public AnalyticsReport(string name, string dimensions, string filters, string[] metrics, string[]? sortMetrics = null, int? maxRows = null)
        {
            Name = name;
            DimensionRules = Rule.Parse(dimensions);
            FilterRules = Rule.Parse(filters);
            Metrics = new HashSet<string>(metrics, StringComparer.Ordinal);
            SortMetrics = sortMetrics;
            MaxRows = maxRows;
        }

        /// <summary>The report's name as Google's pages head it.</summary>
        public string Name { get; }
        public IReadOnlyList<Rule> DimensionRules { get; }
        public IReadOnlyList<Rule> FilterRules { get; }
        public ISet<string> Metrics { get; }
        /// <summary>For top lists: the metrics it sorts by, descending only; null: any column, either way, or none.</summary>
        public string[]? SortMetrics { get; }
        /// <summary>The most rows one answer holds (maxResults cap); null: no cap, paged with startIndex.</summary>
        public int? MaxRows { get; }

        /// <summary>
        /// What this report wants that the query does not have, each with its cost (dropping a dimension asked for
        /// changes the report most; adding a sort or lowering maxResults least): nothing when it serves the query.
        /// </summary>
        public IReadOnlyList<(string Text, int Cost)> ChangesFor(ReportQuery query)
        {
            var changes = new List<(string Text, int Cost)>();
            Check("dimension", DimensionRules, query.Dimensions.ToDictionary(d => d, d => string.Empty), changes, Array.Empty<string>());
            for (var i = 0; i < changes.Count; i++)
            {
                // A dimension this report takes as a filter: say how to keep it.
                var name = changes[i].Text.StartsWith("leave out dimension ", StringComparison.Ordinal) ? changes[i].Text.Substring(20) : null;
                if (name != null && FilterRules.Any(r => r.Names.Contains(name)))
                {
                    changes[i] = (changes[i].Text + " (or keep one value as a filter: " + name + "==...)", changes[i].Cost);
                }
            }

            Check("filter", FilterRules, query.Filters, changes, query.ContentOwner ? ContentOwnerFilters : Array.Empty<string>());
            if (query.ContentOwner && !ContentOwnerNarrowing.Any(query.Filters.ContainsKey) && !DimensionRules.Any(r => r.Names.Contains("video") && r.Kind == RuleKind.Required))
            {
                changes.Add(("filter by one of video, channel, group, claimedStatus, uploaderType (content-owner reports need one)", 1));
            }

            var foreign = query.Metrics.Where(m => !Metrics.Contains(m)).ToList();
            if (foreign.Count > 0)
            {
                changes.Add(("leave out metric" + (foreign.Count > 1 ? "s " : " ") + string.Join(", ", foreign) + " (not in this report)", 2 * foreign.Count));
            }

            if (SortMetrics != null)
            {
                if (query.Sort.Count == 0 || query.Sort.Any(s => !s.StartsWith("-", StringComparison.Ordinal) || !SortMetrics.Contains(s.Substring(1))))
                {
                    changes.Add(("sort descending by one of " + string.Join(", ", SortMetrics.Select(m => "-" + m)), 1));
                }
            }

            if (MaxRows.HasValue && (query.MaxResults > MaxRows || (!query.MaxResults.HasValue && !query.CapFillsMaxResults)))
            {
                changes.Add(("ask for maxResults " + MaxRows + " or fewer (this report holds at most " + MaxRows + " rows)", 1));
            }

            return changes;
        }

        public override string ToString() => Name;

        private static void Check(string what, IReadOnlyList<Rule> rules, IReadOnlyDictionary<string, string> given, List<(string Text, int Cost)> changes, string[] alsoAllowed)
        {
            var weight = what == "dimension" ? 2 : 1;
            foreach (var name in given.Keys.Where(n => !rules.Any(r => r.Names.Contains(n)) && !alsoAllowed.Contains(n)))
            {
                changes.Add(("leave out " + what + " " + name, weight + 1));
            }

            foreach (var rule in rules)
            {
                var present = rule.Names.Where(given.ContainsKey).ToList();
                var names = string.Join(", ", rule.Names.Select(rule.Show));
                switch (rule.Kind)
                {
                    case RuleKind.Required:
                        changes.AddRange(rule.Names.Where(n => !given.ContainsKey(n)).Select(n => ("add " + what + " " + rule.Show(n), weight)));
                        break;
                    case RuleKind.ExactlyOne when present.Count != 1:
                        changes.Add(((present.Count == 0 ? "add one " : "keep only one ") + what + " of " + names, weight));
                        break;
                    case RuleKind.OneOrMore when present.Count == 0:
                        changes.Add(("add " + what + " " + names.Replace(", ", " and/or "), weight));
                        break;
                    case RuleKind.ZeroOrOne when present.Count > 1:
                        changes.Add(("keep at most one " + what + " of " + names, weight + 1));
                        break;
                }

                foreach (var name in present.Where(n => rule.Values(n) != null && !rule.Values(n)!.Contains(given[n])))
                {
                    changes.Add(("set " + what + " " + rule.Show(name), 1));
                }
            }
        }
    }

    internal enum RuleKind
    {
        Required,
        ExactlyOne,
        OneOrMore,
        ZeroOrOne,
        ZeroOrMore,
    }

    /// <summary>One rule of a report: some names, how many of them it takes, and for filters the values it accepts.</summary>
    internal sealed class Rule
    {
        private readonly Dictionary<string, string[]> values = new Dictionary<string, string[]>(StringComparer.Ordinal);

        private Rule(RuleKind kind, IEnumerable<string> names)
        {
            Kind = kind;
            var list = new List<string>();
            foreach (var entry in names)
            {
                var at = entry.IndexOf("==", StringComparison.Ordinal);
                var name = at < 0 ? entry : entry.Substring(0, at);
                list.Add(name);
                if (at >= 0)
                {
                    values[name] = entry.Substring(at + 2).Split('|');
                }
            }

            Names = list;
        }

        public RuleKind Kind { get; }
        public IReadOnlyList<string> Names { get; }

        /// <summary>The values a filter must have, or null for any.</summary>
        public string[]? Values(string name) => values.TryGetValue(name, out var accepted) ? accepted : null;

        /// <summary>A name as a person would write it: with its value when the rule fixes one.</summary>
        public string Show(string name) => values.TryGetValue(name, out var accepted) ? name + "==" + string.Join("|", accepted) : name;

        public static IReadOnlyList<Rule> Parse(string rules) =>
            rules.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(part =>
            {
                var colon = part.IndexOf(':');
                var kind = part.Substring(0, colon) switch
                {
                    "req" => RuleKind.Required,
                    "one" => RuleKind.ExactlyOne,
                    "some" => RuleKind.OneOrMore,
                    "max1" => RuleKind.ZeroOrOne,
                    "any" => RuleKind.ZeroOrMore,
                    _ => throw new ArgumentException("Unknown rule kind in '" + part + "'."),
                };
                return new Rule(kind, part.Substring(colon + 1).Split(','));
            }).ToList();
    }
}
