using System;
using System.Collections.Generic;
using System.Linq;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>YouTube scopes by friendly name, and the rules about which flow may ask for which.</summary>
    public static class Scopes
    {
        private const string Prefix = "https://www.googleapis.com/auth/";

        /// <summary>Read channels, playlists and items.</summary>
        public const string YouTubeReadOnly = Prefix + "youtube.readonly";
        /// <summary>YouTube Analytics reports (non-monetary).</summary>
        public const string AnalyticsReadOnly = Prefix + "yt-analytics.readonly";
        /// <summary>YouTube Analytics reports including revenue.</summary>
        public const string AnalyticsMonetary = Prefix + "yt-analytics-monetary.readonly";
        /// <summary>Manage the YouTube account.</summary>
        public const string Manage = Prefix + "youtube";
        /// <summary>Manage, including deletes, over SSL only.</summary>
        public const string ForceSsl = Prefix + "youtube.force-ssl";
        /// <summary>Upload videos.</summary>
        public const string Upload = Prefix + "youtube.upload";
        /// <summary>Content-owner (CMS) access.</summary>
        public const string Partner = Prefix + "youtubepartner";

        /// <summary>Friendly name to scope URL; the names tab completion offers.</summary>
        public static readonly IReadOnlyDictionary<string, string> Friendly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ReadOnly"] = YouTubeReadOnly,
            ["Analytics"] = AnalyticsReadOnly,
            ["AnalyticsMonetary"] = AnalyticsMonetary,
            ["Manage"] = Manage,
            ["ForceSsl"] = ForceSsl,
            ["Upload"] = Upload,
            ["Partner"] = Partner,
        };

        /// <summary>Any one of these lets a grant read channels, playlists and items (Data API list methods).</summary>
        public static readonly IReadOnlyList<string> DataApiRead = new[] { YouTubeReadOnly, Manage, ForceSsl, Partner };

        /// <summary>Any one of these lets a grant change videos, playlists and playlist items (Data API insert, update, delete).</summary>
        public static readonly IReadOnlyList<string> DataApiWrite = new[] { Manage, ForceSsl, Partner };

        /// <summary>Any one of these lets a grant upload videos and set thumbnails (videos.insert, thumbnails.set); Upload alone does nothing else.</summary>
        public static readonly IReadOnlyList<string> VideoUpload = new[] { Upload, Manage, ForceSsl, Partner };

        /// <summary>Any one of these lets a grant query Analytics reports (with one of <see cref="AnalyticsAlsoNeeds"/>).</summary>
        public static readonly IReadOnlyList<string> AnalyticsRead = new[] { AnalyticsReadOnly, AnalyticsMonetary };

        /// <summary>
        /// reports.query also wants YouTube read access: Google's reports.query page states that youtube.readonly is
        /// required besides an Analytics scope (youtube, which includes reading, serves as well).
        /// </summary>
        public static readonly IReadOnlyList<string> AnalyticsAlsoNeeds = new[] { YouTubeReadOnly, Manage };

        /// <summary>What reports.query needs: one scope of each group.</summary>
        public static readonly IReadOnlyList<IReadOnlyList<string>> AnalyticsQuery = new[] { AnalyticsRead, AnalyticsAlsoNeeds };

        /// <summary>
        /// The names Google answers for the OpenID shorthand scopes: asked as "email" and "profile", they are granted
        /// as userinfo.email and userinfo.profile (and Google adds openid).
        /// </summary>
        private static readonly IReadOnlyDictionary<string, string> GrantedAs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = Prefix + "userinfo.email",
            ["profile"] = Prefix + "userinfo.profile",
        };

        /// <summary>A scope as Google names it in a grant (email is userinfo.email, profile is userinfo.profile); others unchanged.</summary>
        public static string AsGranted(string scope) => GrantedAs.TryGetValue(scope, out var granted) ? granted : scope;

        /// <summary>The scopes asked for that a grant does not cover, comparing them as Google names them.</summary>
        public static string[] NotCovered(IEnumerable<string> asked, IEnumerable<string> granted)
        {
            var have = new HashSet<string>(granted.Select(AsGranted), StringComparer.Ordinal);
            return asked.Where(s => !have.Contains(AsGranted(s))).Distinct().ToArray();
        }

        /// <summary>What a connection asks for when no scope is named: playlists and analytics (reports.query now also wants youtube.readonly).</summary>
        public static readonly IReadOnlyList<string> Default = new[] { YouTubeReadOnly, AnalyticsReadOnly };

        /// <summary>The only YouTube-related scopes Google allows in the device flow.</summary>
        public static readonly IReadOnlyList<string> DeviceFlowAllowed = new[]
        {
            "openid", "email", "profile", Manage, YouTubeReadOnly,
        };

        /// <summary>Turns friendly names and scope URLs into scope URLs (deduplicated, order kept); none given means <see cref="Default"/>.</summary>
        public static IReadOnlyList<string> Resolve(IEnumerable<string>? names)
        {
            var result = new List<string>();
            foreach (var name in (names ?? Enumerable.Empty<string>()).SelectMany(n => n.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries)))
            {
                string scope;
                if (Friendly.TryGetValue(name, out var url))
                {
                    scope = url;
                }
                else if (name.StartsWith("https://", StringComparison.Ordinal) || name == "openid" || name == "email" || name == "profile")
                {
                    scope = name;
                }
                else
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument,
                        "'" + name + "' is not a known scope. Use one of " + string.Join(", ", Friendly.Keys) + ", or a full scope URL such as " + YouTubeReadOnly + ".", name);
                }

                if (!result.Contains(scope))
                {
                    result.Add(scope);
                }
            }

            return result.Count == 0 ? Default : result;
        }

        /// <summary>The friendly name of a scope URL, or the URL's last part.</summary>
        public static string ShortName(string scope)
        {
            foreach (var pair in Friendly)
            {
                if (pair.Value == scope)
                {
                    return pair.Key;
                }
            }

            return scope.StartsWith(Prefix, StringComparison.Ordinal) ? scope.Substring(Prefix.Length) : scope;
        }

        /// <summary>Splits the space-separated scope field of a token response.</summary>
        public static string[] Parse(string? scopeField) =>
            (scopeField ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
    }
}
