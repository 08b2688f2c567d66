using System;
using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Queries a YouTube Analytics v2 report. Writes one object per row as the answer arrives, with properties named
    /// after the column headers and typed (integers, doubles, dates for day and month), shown as a table.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeAnalytics")]
    [OutputType(typeof(AnalyticsRow))]
    public sealed class GetYouTubeAnalyticsCommand : YtOAuthCmdlet
    {
        private RowType? rowType;

        /// <summary>First day (inclusive).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DateTime StartDate { get; set; }

        /// <summary>Last day (inclusive; default today).</summary>
        [Parameter(Position = 1)]
        [PSDefaultValue(Value = "today")]
        public DateTime EndDate { get; set; } = DateTime.Today;

        /// <summary>Metrics such as views, estimatedMinutesWatched, likes.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(MetricCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Metrics { get; set; } = new string[0];

        /// <summary>Dimensions such as day, month, video, country.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(DimensionCompleter))]
        public string[] Dimensions { get; set; } = new string[0];

        /// <summary>Filters such as "video==ID1,ID2;country==US".</summary>
        [Parameter]
        public string? Filter { get; set; }

        /// <summary>Sort columns; prefix '-' for descending.</summary>
        [Parameter]
        public string[] Sort { get; set; } = new string[0];

        /// <summary>Rows wanted in all (paged with startIndex when more than one answer holds).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [PSDefaultValue(Value = "every row")]
        public int MaxResults { get; set; }

        /// <summary>The channel (default: the connected one).</summary>
        [Parameter]
        [PSDefaultValue(Value = "the connected channel")]
        public string? ChannelId { get; set; }

        /// <summary>ISO 4217 currency for monetary metrics (default USD).</summary>
        [Parameter]
        [ValidatePattern(AnalyticsQuery.CurrencyPattern)]
        [PSDefaultValue(Value = "USD")]
        public string? Currency { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var query = new AnalyticsQuery
            {
                Ids = AnalyticsQuery.ChannelIds(ChannelId),
                StartDate = StartDate,
                EndDate = EndDate,
                Metrics = CommaList.Split(Metrics),
                Dimensions = CommaList.Split(Dimensions),
                Filters = Filter,
                Sort = CommaList.Split(Sort),
                MaxResults = MaxResults > 0 ? MaxResults : (int?)null,
                Currency = Currency,
            };
            try
            {
                var client = ModuleState.ForProfile(Profile, Vault).Engine.Analytics(Profile);
                Pump((emit, cancel) => client.ListRowsAsync(query, new ListingSink<AnalyticsRows>(emit), cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <inheritdoc />
        protected override void WriteItem(object item)
        {
            var batch = (AnalyticsRows)item;
            if (batch.Rows.Count == 0)
            {
                return; // a report with no rows: nothing to write, and no row type to make
            }

            if (rowType == null)
            {
                rowType = AnalyticsRowTypes.For(batch.Columns);
                AnalyticsRowTypes.EnsureView(rowType, this);
            }

            foreach (var row in batch.Rows)
            {
                WriteObject(rowType.Create(row));
            }
        }
    }
}
