using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

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
    }

    /// <summary>YouTube Analytics API v2: validated queries, typed rows, startIndex paging.</summary>
    public sealed class AnalyticsClient
    {
        private static readonly Regex Identifier = new Regex("^[0-9a-zA-Z]+$");
        private static readonly Regex IdsPattern = new Regex("^[a-zA-Z]+==[a-zA-Z0-9_+-]+$");
        private static readonly Regex Currency = new Regex(AnalyticsQuery.CurrencyPattern);
        private readonly ApiClient api;

        internal AnalyticsClient(ApiClient api) => this.api = api;

        /// <summary>Rows asked for in one call when paging.</summary>
        public int PageSize { get; set; } = 10000;

        /// <summary>Checks a query before any call is made; throws with what to change.</summary>
        public static void Validate(AnalyticsQuery query)
        {
            if (query.EndDate.Date < query.StartDate.Date)
            {
                throw Invalid("The end date " + query.EndDate.ToString("yyyy-MM-dd") + " is before the start date " + query.StartDate.ToString("yyyy-MM-dd") + ". Swap them.", "EndDate");
            }

            if (query.Metrics.Count == 0)
            {
                throw Invalid("At least one metric is needed, for example views,estimatedMinutesWatched.", "Metrics");
            }

            foreach (var name in query.Metrics.Concat(query.Dimensions))
            {
                if (!Identifier.IsMatch(name))
                {
                    throw Invalid("'" + name + "' is not a metric or dimension name (letters and digits only).", name);
                }
            }

            if (query.MaxResults.HasValue && query.MaxResults.Value < 1)
            {
                throw Invalid("MaxResults must be at least 1.", "MaxResults");
            }

            if (query.StartIndex < 1)
            {
                throw Invalid("StartIndex is 1-based and must be at least 1.", "StartIndex");
            }

            if (!IdsPattern.IsMatch(query.Ids))
            {
                throw Invalid("'" + query.Ids + "' is not a valid ids value. Use channel==MINE, channel==UC..., or contentOwner==NAME.", "Ids");
            }

            if (query.Currency != null && !Currency.IsMatch(query.Currency))
            {
                throw Invalid("'" + query.Currency + "' is not an ISO 4217 currency code such as USD or EUR.", "Currency");
            }
        }

        /// <summary>Runs the query, paging with startIndex when more rows are wanted than one answer holds.</summary>
        public async Task<AnalyticsReport> QueryAsync(AnalyticsQuery query, CancellationToken cancellationToken)
        {
            Validate(query);
            var baseUri = (await api.EndpointsAsync(cancellationToken).ConfigureAwait(false)).Analytics;
            var rows = new List<object?[]>();
            IReadOnlyList<AnalyticsColumn>? columns = null;
            var index = query.StartIndex;
            while (true)
            {
                int? ask = query.MaxResults.HasValue ? Math.Min(PageSize, query.MaxResults.Value - rows.Count) : (int?)null;
                var json = await api.GetAsync(baseUri, "reports?" + QueryString(query, index, ask), query.Ids, 0, cancellationToken).ConfigureAwait(false);
                List<JArray> page;
                try
                {
                    columns = columns ?? ((json["columnHeaders"] as JArray) ?? new JArray()).OfType<JObject>()
                        .Select(h => new AnalyticsColumn((string?)h["name"] ?? "column", (string?)h["columnType"] ?? "METRIC", (string?)h["dataType"] ?? "FLOAT"))
                        .ToList();
                    page = (json["rows"] as JArray)?.OfType<JArray>().ToList() ?? new List<JArray>();
                    foreach (var row in page)
                    {
                        rows.Add(columns.Select((c, i) => c.Convert(i < row.Count ? row[i] : null)).ToArray());
                    }
                }
                catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is ArgumentException || e is InvalidCastException || e is OverflowException)
                {
                    throw new YtOAuthException(ErrorCode.ServerError,
                        "The Analytics report could not be read (" + e.Message.TrimEnd('.') + "), so it was not used. This is the server's fault; try again later.", query.Ids, e);
                }

                // A full page when more are wanted means there may be more; a short one means the end.
                if (!ask.HasValue || page.Count < ask.Value || rows.Count >= query.MaxResults!.Value)
                {
                    break;
                }

                index += page.Count;
                Diagnostics.EngineLog.Progress("Analytics rows: " + rows.Count + " of up to " + query.MaxResults, (int)(rows.Count * 100L / query.MaxResults.Value));
            }

            return new AnalyticsReport(columns ?? new List<AnalyticsColumn>(), rows);
        }

        private static string QueryString(AnalyticsQuery q, int startIndex, int? maxResults)
        {
            var sb = new StringBuilder();
            void Add(string key, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    sb.Append(sb.Length == 0 ? string.Empty : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
                }
            }

            Add("ids", q.Ids);
            Add("startDate", q.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add("endDate", q.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add("metrics", string.Join(",", q.Metrics));
            Add("dimensions", string.Join(",", q.Dimensions));
            Add("filters", q.Filters);
            Add("sort", string.Join(",", q.Sort));
            Add("currency", q.Currency);
            if (maxResults.HasValue)
            {
                Add("maxResults", maxResults.Value.ToString(CultureInfo.InvariantCulture));
                Add("startIndex", startIndex.ToString(CultureInfo.InvariantCulture));
            }
            else if (startIndex > 1)
            {
                Add("startIndex", startIndex.ToString(CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static YtOAuthException Invalid(string message, string target) => new YtOAuthException(ErrorCode.InvalidArgument, message, target);
    }
}
