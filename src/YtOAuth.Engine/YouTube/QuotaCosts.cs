namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// What each YouTube Data API method costs, from Google's quota cost table ("Quota Calculator",
    /// developers.google.com/youtube/v3/determine_quota_cost). Google charges every request, invalid and failed ones
    /// included, at least one unit, and every page of a listing again. Newer versions of that page move search.list
    /// and videos.insert to buckets of their own (100 calls a day each); the units below are those the
    /// 10,000-unit table gives them. Analytics calls spend none of these units.
    /// </summary>
    internal static class QuotaCosts
    {
        /// <summary>Units per "resource.method".</summary>
        public static readonly System.Collections.Generic.IReadOnlyDictionary<string, int> Table = new System.Collections.Generic.Dictionary<string, int>(System.StringComparer.Ordinal)
        {
            ["activities.list"] = 1,
            ["captions.list"] = 50, ["captions.insert"] = 400, ["captions.update"] = 450, ["captions.delete"] = 50, ["captions.download"] = 200,
            ["channelBanners.insert"] = 50,
            ["channels.list"] = 1, ["channels.update"] = 50,
            ["channelSections.list"] = 1, ["channelSections.insert"] = 50, ["channelSections.update"] = 50, ["channelSections.delete"] = 50,
            ["comments.list"] = 1, ["comments.insert"] = 50, ["comments.update"] = 50, ["comments.setModerationStatus"] = 50, ["comments.delete"] = 50, ["comments.markAsSpam"] = 50,
            ["commentThreads.list"] = 1, ["commentThreads.insert"] = 50, ["commentThreads.update"] = 50,
            ["guideCategories.list"] = 1, ["i18nLanguages.list"] = 1, ["i18nRegions.list"] = 1,
            ["members.list"] = 1, ["membershipsLevels.list"] = 1,
            ["playlistItems.list"] = 1, ["playlistItems.insert"] = 50, ["playlistItems.update"] = 50, ["playlistItems.delete"] = 50,
            ["playlists.list"] = 1, ["playlists.insert"] = 50, ["playlists.update"] = 50, ["playlists.delete"] = 50,
            ["search.list"] = 100,
            ["subscriptions.list"] = 1, ["subscriptions.insert"] = 50, ["subscriptions.delete"] = 50,
            ["thumbnails.set"] = 50,
            ["videoAbuseReportReasons.list"] = 1, ["videoCategories.list"] = 1,
            ["videos.list"] = 1, ["videos.insert"] = 1600, ["videos.update"] = 50, ["videos.rate"] = 50, ["videos.getRating"] = 1, ["videos.reportAbuse"] = 50, ["videos.delete"] = 50,
            ["watermarks.set"] = 50, ["watermarks.unset"] = 50,
        };

        /// <summary>The units of a method named as "resource.method".</summary>
        public static int Of(string method) => Table.TryGetValue(method, out var units) ? units : throw new System.ArgumentException("No quota cost is known for " + method + ".", nameof(method));

        /// <summary>
        /// The units a Data API request costs, from its HTTP method and its path under the API base
        /// ("playlists?part=...", "videos/rate", "/youtube/v3/search"): GET is list, POST insert, PUT update, DELETE delete,
        /// and a second path segment names the method itself (videos/rate, thumbnails/set). A method missing from the
        /// table costs what its kind usually costs (a read 1, a write 50): Google charges every request something.
        /// </summary>
        public static int ForRequest(System.Net.Http.HttpMethod method, string path)
        {
            var name = MethodName(method, path);
            return name != null && Table.TryGetValue(name, out var units) ? units : method == System.Net.Http.HttpMethod.Get ? 1 : 50;
        }

        /// <summary>"resource.method" for a request, or null when the path names no resource.</summary>
        public static string? MethodName(System.Net.Http.HttpMethod method, string path)
        {
            var bare = path.Split('?')[0].Trim('/');
            const string Base = "youtube/v3/";
            var at = bare.IndexOf(Base, System.StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                bare = bare.Substring(at + Base.Length);
            }

            var segments = bare.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                return null;
            }

            var resource = segments[0];
            if (segments.Length > 1)
            {
                // thumbnails/set, videos/rate, comments/markAsSpam ...; captions/{id} is a caption's download.
                var named = resource + "." + segments[1];
                return Table.ContainsKey(named) ? named : resource == "captions" && method == System.Net.Http.HttpMethod.Get ? "captions.download" : named;
            }

            var verb = method == System.Net.Http.HttpMethod.Get ? "list"
                : method == System.Net.Http.HttpMethod.Post ? "insert"
                : method == System.Net.Http.HttpMethod.Put ? "update"
                : method == System.Net.Http.HttpMethod.Delete ? "delete"
                : method.Method.ToLowerInvariant();
            return resource + "." + verb;
        }
    }
}
