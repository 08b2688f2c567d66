using System;
using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Typed rows of an Analytics report with its columns: the whole report (QueryAsync) or a batch as it arrives (ListRowsAsync).</summary>
    public sealed class AnalyticsRows
    {
        internal AnalyticsRows(IReadOnlyList<AnalyticsColumn> columns, IReadOnlyList<object?[]> rows)
        {
            Columns = columns;
            Rows = rows;
        }

        /// <summary>Dimensions first, then metrics, in request order, as Google named them; the same object in every batch of a report.</summary>
        public IReadOnlyList<AnalyticsColumn> Columns { get; }
        /// <summary>Rows; each value typed per its column.</summary>
        public IReadOnlyList<object?[]> Rows { get; }
    }
}
