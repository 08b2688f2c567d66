using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>YouTube Analytics API v2: validated queries, typed rows, startIndex paging.</summary>
    public sealed class AnalyticsClient
    {
        private static readonly Regex Identifier = new Regex("^[0-9a-zA-Z]+$");
        private static readonly Regex IdsPattern = new Regex("^[a-zA-Z]+==[a-zA-Z0-9_+-]+$");
        private static readonly Regex Currency = new Regex(AnalyticsQuery.CurrencyPattern);
        private readonly ApiClient api;

        internal AnalyticsClient(ApiClient api) => this.api = api;

        /// <summary>Bytes read from the network at a time; rows are handed out as each bufferful is read.</summary>
        private const int BufferSize = 64 * 1024;

        /// <summary>Rows asked for in one call when paging a report without a row cap (a capped one is asked for in one call).</summary>
        public int PageSize { get; set; } = 10000;

        /// <summary>
        /// Checks a query before any call is made and returns the report of Google's that serves it; throws with what
        /// to change, naming the nearest reports, for a query Google would answer with "The query is not supported".
        /// </summary>
        internal static AnalyticsReport Validate(AnalyticsQuery query)
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

            var unknown = query.Metrics.FirstOrDefault(m => !AnalyticsReports.KnownMetrics.Contains(m));
            if (unknown != null)
            {
                throw Invalid("'" + unknown + "' is not a YouTube Analytics metric (Google answers \"Unknown identifier\"). Metrics are named like views, estimatedMinutesWatched, likes, "
                    + "averageViewPercentage, subscribersGained; see https://developers.google.com/youtube/analytics/metrics.", "Metrics");
            }

            var unknownDimension = query.Dimensions.FirstOrDefault(d => !AnalyticsReports.KnownDimensions.Contains(d));
            if (unknownDimension != null)
            {
                throw Invalid("'" + unknownDimension + "' is not a YouTube Analytics dimension (Google answers \"Unknown identifier\"). Dimensions are named like day, month, country, "
                    + "deviceType, video; see https://developers.google.com/youtube/analytics/dimensions.", "Dimensions");
            }

            // The engine fills in maxResults for a capped report itself, so an unset one is no reason to refuse.
            var asked = new ReportQuery(query.IsContentOwner, query.Dimensions, AnalyticsReports.ParseFilters(query.Filters),
                query.Metrics, query.Sort, query.MaxResults, capFillsMaxResults: true);
            return AnalyticsReports.Find(asked, out var nearest) ?? throw Unsupported(query, nearest);
        }

        private static YtOAuthException Unsupported(AnalyticsQuery query, IReadOnlyList<(AnalyticsReport Report, IReadOnlyList<string> Changes)> nearest)
        {
            var asked = "dimensions " + (query.Dimensions.Count == 0 ? "(none)" : string.Join(",", query.Dimensions)) + ", metrics " + string.Join(",", query.Metrics)
                + (string.IsNullOrEmpty(query.Filters) ? string.Empty : ", filters " + query.Filters)
                + (query.Sort.Count == 0 ? string.Empty : ", sort " + string.Join(",", query.Sort))
                + (query.MaxResults.HasValue ? ", maxResults " + query.MaxResults.Value.ToString(CultureInfo.InvariantCulture) : string.Empty);
            var message = new StringBuilder("YouTube Analytics has no report for " + asked + " (Google answers such a query with 400 \"The query is not supported\"). ")
                .Append("The nearest reports Google serves:");
            foreach (var (report, changes) in nearest)
            {
                message.Append(Environment.NewLine).Append("  - ").Append(report.Name).Append(": ").Append(string.Join("; ", changes)).Append('.');
            }

            message.Append(Environment.NewLine).Append("All reports: https://developers.google.com/youtube/analytics/")
                .Append(query.IsContentOwner ? "content_owner_reports" : "channel_reports");
            return new YtOAuthException(ErrorCode.InvalidArgument, message.ToString(), "Dimensions");
        }

        /// <summary>Runs the query and collects every row; see <see cref="ListRowsAsync"/> for rows as they arrive.</summary>
        public async Task<AnalyticsRows> QueryAsync(AnalyticsQuery query, CancellationToken cancellationToken)
        {
            IReadOnlyList<AnalyticsColumn>? columns = null;
            var rows = new List<object?[]>();
            await ListRowsAsync(query, new ListingSink<AnalyticsRows>(batch =>
            {
                columns = batch.Columns;
                rows.AddRange(batch.Rows);
            }), cancellationToken).ConfigureAwait(false);
            return new AnalyticsRows(columns!, rows);
        }

        /// <summary>
        /// Runs the query, handing rows to <paramref name="sink"/> a batch at a time as the answer arrives (the first
        /// rows before the last are read), paging with startIndex when more rows are wanted than one answer holds.
        /// A report with no rows is handed out as one batch of none, so that its columns are still known.
        /// </summary>
        public async Task ListRowsAsync(AnalyticsQuery query, ListingSink<AnalyticsRows> sink, CancellationToken cancellationToken)
        {
            var columns = await RowsAsync(query, sink.OnItem, cancellationToken).ConfigureAwait(false);
            if (columns.HandedOut == 0)
            {
                sink.OnItem(new AnalyticsRows(columns.Columns, new object?[0][]));
            }
        }

        /// <summary>The columns of the report and how many rows were handed to <paramref name="onRows"/>.</summary>
        private async Task<(IReadOnlyList<AnalyticsColumn> Columns, int HandedOut)> RowsAsync(AnalyticsQuery query, Action<AnalyticsRows> onRows, CancellationToken cancellationToken)
        {
            var report = Validate(query);
            var baseUri = (await api.EndpointsAsync(cancellationToken).ConfigureAwait(false)).Analytics;
            IReadOnlyList<AnalyticsColumn>? columns = null;
            var handedOut = 0;
            var index = query.StartIndex;
            if (report.MaxRows.HasValue)
            {
                // A top list is one answer of at most its cap: Google gives no page after it, so there is nothing to page.
                var ask = query.MaxResults ?? report.MaxRows.Value;
                var uri = new Uri(baseUri, "reports?" + QueryString(query, index, ask));
                var answer = await api.StreamAsync(uri, query.Ids, 0, response => ReadAnswerAsync(response, uri, null, 0, onRows, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                if (!query.MaxResults.HasValue && answer.RowCount >= report.MaxRows.Value)
                {
                    Diagnostics.EngineLog.Warning("'" + report.Name + "' holds at most " + report.MaxRows.Value + " rows and this answer is full: these are the top "
                        + report.MaxRows.Value + ", and there may be more that Google does not list. Narrow it with filters to see others.");
                }

                return (answer.Columns ?? new AnalyticsColumn[0], answer.RowCount);
            }

            while (true)
            {
                int? ask = query.MaxResults.HasValue ? Math.Min(PageSize, query.MaxResults.Value - handedOut) : (int?)null;
                var uri = new Uri(baseUri, "reports?" + QueryString(query, index, ask));
                var parser = await api.StreamAsync(uri, query.Ids, 0, response => ReadAnswerAsync(response, uri, columns, handedOut, onRows, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                columns = columns ?? parser.Columns ?? new AnalyticsColumn[0];
                handedOut += parser.RowCount;

                // A full page when more are wanted means there may be more; a short one means the end.
                if (!ask.HasValue || parser.RowCount < ask.Value || handedOut >= query.MaxResults!.Value)
                {
                    return (columns, handedOut);
                }

                index += parser.RowCount;
                Diagnostics.EngineLog.Progress("Analytics rows: " + handedOut + " of up to " + query.MaxResults, (int)(handedOut * 100L / query.MaxResults.Value));
            }
        }

        /// <summary>Reads one answer a bufferful at a time, handing out the rows each bufferful finishes.</summary>
        private async Task<ReportParser> ReadAnswerAsync(HttpResponseMessage response, Uri uri, IReadOnlyList<AnalyticsColumn>? earlierColumns, int handedOut,
            Action<AnalyticsRows> onRows, CancellationToken cancellationToken)
        {
            var parser = new ReportParser();
            var buffer = new byte[BufferSize];
            var held = 0;
            Func<string> progress = () => (handedOut + parser.RowCount).ToString("N0", CultureInfo.InvariantCulture) + " row(s)"; // for an error only
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                while (true)
                {
                    if (held == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2); // one token longer than the buffer
                    }

                    var read = await api.Http.ReadBodyAsync(body, buffer, held, buffer.Length - held, uri, progress, cancellationToken).ConfigureAwait(false);
                    held += read;
                    int used;
                    try
                    {
                        used = parser.Feed(new ReadOnlySpan<byte>(buffer, 0, held), final: read == 0);
                    }
                    catch (Exception e) when (e is System.Text.Json.JsonException || e is FormatException || e is OverflowException || e is InvalidOperationException)
                    {
                        throw new YtOAuthException(ErrorCode.ServerError,
                            "The Analytics report could not be read (" + e.Message.TrimEnd('.') + "), so the rest of it was not used. This is the server's fault; try again later.", uri.GetLeftPart(UriPartial.Path), e);
                    }

                    if (parser.Errors != null)
                    {
                        throw ErrorsInAnswer(parser.Errors, uri);
                    }

                    Buffer.BlockCopy(buffer, used, buffer, 0, held - used);
                    held -= used;
                    if (parser.Ready.Count > 0)
                    {
                        // Every page of a report has the same columns: hand out the first page's object throughout.
                        onRows(new AnalyticsRows(earlierColumns ?? parser.Columns!, parser.TakeReady()));
                    }

                    if (read == 0)
                    {
                        return parser;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        /// <summary>
        /// A 200 answer that carries "errors" (discovery: "the presence of an error field signals that the operation has
        /// failed") is a failure, never an empty report.
        /// </summary>
        private static YtOAuthException ErrorsInAnswer(ReportErrors errors, Uri uri)
        {
            var code = errors.Code ?? string.Empty;
            var kind = code.IndexOf("FORBIDDEN", StringComparison.OrdinalIgnoreCase) >= 0 ? ErrorCode.Forbidden
                : code.IndexOf("NOT_FOUND", StringComparison.OrdinalIgnoreCase) >= 0 ? ErrorCode.NotFound
                : code.IndexOf("BAD_REQUEST", StringComparison.OrdinalIgnoreCase) >= 0 || code.IndexOf("INVALID", StringComparison.OrdinalIgnoreCase) >= 0 ? ErrorCode.BadRequest
                : ErrorCode.ServerError;
            var said = errors.Message ?? (code.Length > 0 ? code : "no reason given");
            return new YtOAuthException(kind, "YouTube Analytics answered the report with an error instead of rows: " + said.TrimEnd('.')
                + (errors.Location != null ? " (at " + errors.Location + ")" : string.Empty) + ". The report failed; it is not an empty one.", uri.GetLeftPart(UriPartial.Path));
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
