using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Reads a reports.query answer as its bytes arrive, with System.Text.Json's forward-only reader and no document
    /// tree: the column headers, then each row converted once into typed values (see <see cref="AnalyticsColumn"/>).
    /// Feed it whatever bytes have come; it keeps its place between calls and collects finished rows in
    /// <see cref="Ready"/> for the caller to hand out. Google sends columnHeaders before rows; a server that sends
    /// them after has its rows kept as JSON text and converted when the headers come.
    /// </summary>
    internal sealed partial class ReportParser
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (not in netstandard2.0's enum): the per-token methods are compiled
        /// optimized at once. Left to tiered compilation they run unoptimized for the first reports of a session,
        /// measured at three times slower, and a PowerShell session keeps compiling so it tiers up late.
        /// </summary>
        internal const MethodImplOptions Hot = (MethodImplOptions)512;

        private static readonly byte[] ColumnHeadersName = Encoding.UTF8.GetBytes("columnHeaders");
        private static readonly byte[] RowsName = Encoding.UTF8.GetBytes("rows");
        private static readonly byte[] ErrorsName = Encoding.UTF8.GetBytes("errors");

        private readonly List<AnalyticsColumn> headers = new List<AnalyticsColumn>();
        private readonly List<byte[]> rowsBeforeHeaders = new List<byte[]>();
        private JsonReaderState state = new JsonReaderState();
        private Place place = Place.Start;
        private Place afterSkip;
        private int skipDepth;
        private TopValue nextTopValue;
        private string? headerField;
        private string? headerName;
        private string? headerColumnType;
        private string? headerDataType;
        private object?[]? row;
        private MemoryStream? rowText;
        private int column;
        private SeenValues?[] caches = new SeenValues?[0];
        private ReportErrors? errorsSoFar;
        private string? errorsField;
        private int errorsDepth;

        private enum Place
        {
            Start,
            Top,
            Headers,
            Header,
            Rows,
            Row,
            Skip,
            Errors,
            End,
        }

        private enum TopValue
        {
            Other,
            ColumnHeaders,
            Rows,
            Errors,
        }

        /// <summary>The columns, once the headers have been read.</summary>
        public IReadOnlyList<AnalyticsColumn>? Columns { get; private set; }

        /// <summary>Rows converted since the caller last took them.</summary>
        public List<object?[]> Ready { get; private set; } = new List<object?[]>();

        /// <summary>The answer's "errors" object once it has been read whole: the answer is a failure, not a report.</summary>
        public ReportErrors? Errors { get; private set; }

        /// <summary>Rows in this answer so far.</summary>
        public int RowCount { get; private set; }

        /// <summary>The closing brace of the answer has been read.</summary>
        public bool Complete => place == Place.End;

        /// <summary>Takes the rows converted so far.</summary>
        public List<object?[]> TakeReady()
        {
            var taken = Ready;
            Ready = new List<object?[]>();
            return taken;
        }

        /// <summary>
        /// Reads the whole tokens in <paramref name="data"/> (all of it when <paramref name="final"/>) and returns how
        /// many bytes it used; the rest must be offered again with more after it. Throws
        /// <see cref="JsonException"/> or <see cref="FormatException"/> for an answer that is not a report.
        /// </summary>
        [MethodImpl(Hot)]
        public int Feed(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, state);
            while (reader.Read())
            {
                Handle(ref reader);
            }

            state = reader.CurrentState;
            if (final && place != Place.End)
            {
                throw new FormatException("the answer ended before the report did");
            }

            if (final && rowsBeforeHeaders.Count > 0)
            {
                throw new FormatException("it has rows but no column headers");
            }

            return (int)reader.BytesConsumed;
        }

        [MethodImpl(Hot)]
        private void Handle(ref Utf8JsonReader reader)
        {
            var token = reader.TokenType;
            switch (place)
            {
                case Place.Start:
                    place = token == JsonTokenType.StartObject ? Place.Top : throw new FormatException("the answer is not a JSON object");
                    break;
                case Place.Top:
                    if (token == JsonTokenType.PropertyName)
                    {
                        nextTopValue = reader.ValueTextEquals(RowsName) ? TopValue.Rows : reader.ValueTextEquals(ColumnHeadersName) ? TopValue.ColumnHeaders
                            : reader.ValueTextEquals(ErrorsName) ? TopValue.Errors : TopValue.Other;
                    }
                    else if (token == JsonTokenType.EndObject)
                    {
                        place = Place.End;
                    }
                    else if (token == JsonTokenType.StartArray && nextTopValue == TopValue.ColumnHeaders)
                    {
                        place = Place.Headers;
                    }
                    else if (token == JsonTokenType.StartArray && nextTopValue == TopValue.Rows)
                    {
                        place = Place.Rows;
                    }
                    else if (token == JsonTokenType.StartObject && nextTopValue == TopValue.Errors)
                    {
                        errorsSoFar = new ReportErrors();
                        errorsDepth = reader.CurrentDepth;
                        place = Place.Errors;
                    }
                    else
                    {
                        SkipIfNested(ref reader, Place.Top);
                    }

                    break;
                case Place.Headers:
                    if (token == JsonTokenType.StartObject)
                    {
                        headerName = headerColumnType = headerDataType = null;
                        place = Place.Header;
                    }
                    else if (token == JsonTokenType.EndArray)
                    {
                        UseHeaders();
                        place = Place.Top;
                    }
                    else
                    {
                        throw new FormatException("a column header is not an object");
                    }

                    break;
                case Place.Header:
                    if (token == JsonTokenType.PropertyName)
                    {
                        headerField = reader.GetString();
                    }
                    else if (token == JsonTokenType.EndObject)
                    {
                        headers.Add(new AnalyticsColumn(headerName ?? "column" + (headers.Count + 1), headerColumnType ?? "METRIC", headerDataType ?? "FLOAT"));
                        place = Place.Headers;
                    }
                    else if (token == JsonTokenType.String)
                    {
                        var text = reader.GetString();
                        switch (headerField)
                        {
                            case "name": headerName = text; break;
                            case "columnType": headerColumnType = text; break;
                            case "dataType": headerDataType = text; break;
                        }
                    }
                    else
                    {
                        SkipIfNested(ref reader, Place.Header);
                    }

                    break;
                case Place.Rows:
                    if (token == JsonTokenType.StartArray)
                    {
                        StartRow();
                    }
                    else if (token == JsonTokenType.EndArray)
                    {
                        place = Place.Top;
                    }
                    else
                    {
                        throw new FormatException("a row is not an array");
                    }

                    break;
                case Place.Row:
                    if (token == JsonTokenType.EndArray)
                    {
                        EndRow();
                    }
                    else if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                    {
                        throw new FormatException("a row holds a nested value");
                    }
                    else if (row != null)
                    {
                        if (column < row.Length)
                        {
                            row[column] = Value(ref reader, column);
                        }

                        column++;
                    }
                    else
                    {
                        KeepAsText(ref reader);
                    }

                    break;
                case Place.Skip:
                    if ((token == JsonTokenType.EndObject || token == JsonTokenType.EndArray) && reader.CurrentDepth == skipDepth)
                    {
                        place = afterSkip;
                    }

                    break;
                case Place.Errors:
                    ReadErrors(ref reader);
                    break;
                case Place.End:
                    break;
            }
        }

        /// <summary>Keeps the first code, message and location found anywhere in "errors" (Errors{error[ErrorProto]}).</summary>
        private void ReadErrors(ref Utf8JsonReader reader)
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                errorsField = reader.GetString();
                errorsSoFar!.Any = true;
            }
            else if (token == JsonTokenType.String)
            {
                var text = reader.GetString();
                switch (errorsField)
                {
                    case "code": errorsSoFar!.Code ??= text; break;
                    case "externalErrorMessage": errorsSoFar!.Message ??= text; break;
                    case "location": errorsSoFar!.Location ??= text; break;
                }
            }
            else if (token == JsonTokenType.EndObject && reader.CurrentDepth == errorsDepth)
            {
                // An empty "errors": {} says nothing failed.
                Errors = errorsSoFar!.Any ? errorsSoFar : null;
                place = Place.Top;
            }
        }

        private void SkipIfNested(ref Utf8JsonReader reader, Place returnTo)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                skipDepth = reader.CurrentDepth;
                afterSkip = returnTo;
                place = Place.Skip;
            }
        }
    }
}
