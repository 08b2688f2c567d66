using System;
using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>A YouTube Analytics v2 reports.query request.</summary>
    public sealed class AnalyticsQuery
    {
        /// <summary>What an ISO 4217 currency code looks like (the cmdlet validates with it too).</summary>
        public const string CurrencyPattern = "^[A-Z]{3}$";

        /// <summary>channel==MINE (default), channel==UC..., or contentOwner==NAME.</summary>
        public string Ids { get; set; } = ChannelIds(null);

        /// <summary>The ids value for a channel: the connected one when <paramref name="channelId"/> is null.</summary>
        public static string ChannelIds(string? channelId) => "channel==" + (channelId ?? "MINE");
        /// <summary>First day (inclusive).</summary>
        public DateTime StartDate { get; set; }
        /// <summary>Last day (inclusive).</summary>
        public DateTime EndDate { get; set; }
        /// <summary>Metrics, at least one.</summary>
        public IReadOnlyList<string> Metrics { get; set; } = new string[0];
        /// <summary>Dimensions.</summary>
        public IReadOnlyList<string> Dimensions { get; set; } = new string[0];
        /// <summary>Filters such as video==id1,id2;country==US.</summary>
        public string? Filters { get; set; }
        /// <summary>Sort columns, '-' for descending.</summary>
        public IReadOnlyList<string> Sort { get; set; } = new string[0];
        /// <summary>Rows wanted in all (null: whatever one answer holds).</summary>
        public int? MaxResults { get; set; }
        /// <summary>1-based index of the first row.</summary>
        public int StartIndex { get; set; } = 1;
        /// <summary>ISO 4217 currency for monetary metrics.</summary>
        public string? Currency { get; set; }

        /// <summary>Whether this is a content-owner report (ids contentOwner==NAME), judged by that page of Google's.</summary>
        internal bool IsContentOwner => Ids.StartsWith("contentOwner==", StringComparison.Ordinal);
    }
}
