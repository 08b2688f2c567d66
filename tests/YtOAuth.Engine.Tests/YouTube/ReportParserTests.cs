using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

public class ReportParserTests
{
    private const string Headers =
        "\"columnHeaders\":[{\"name\":\"day\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"},{\"name\":\"video\",\"columnType\":\"DIMENSION\",\"dataType\":\"STRING\"}," +
        "{\"name\":\"views\",\"columnType\":\"METRIC\",\"dataType\":\"INTEGER\"},{\"name\":\"averageViewPercentage\",\"columnType\":\"METRIC\",\"dataType\":\"FLOAT\"}]";

    private const string Rows = "\"rows\":[[\"2026-11-01\",\"vid\\u00e9o\\\"1\",12,45.5],[\"2026-11-01\",\"v2\",3.0,null],[\"2026-11-02\",\"v2\",7,1e2]]";

    /// <summary>Feeds the answer in pieces of <paramref name="piece"/> bytes, as a slow network would hand them over.</summary>
    private static (IReadOnlyList<AnalyticsColumn> Columns, List<object?[]> Rows, int Batches) Parse(string json, int piece)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var parser = new ReportParser();
        var rows = new List<object?[]>();
        var buffer = new List<byte>();
        var batches = 0;
        for (var offset = 0; ; offset += piece)
        {
            var final = offset >= bytes.Length;
            buffer.AddRange(bytes.Skip(offset).Take(piece));
            var used = parser.Feed(buffer.ToArray(), final);
            buffer.RemoveRange(0, used);
            if (parser.Ready.Count > 0)
            {
                batches++;
                rows.AddRange(parser.TakeReady());
            }

            if (final)
            {
                Assert.True(parser.Complete);
                return (parser.Columns!, rows, batches);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void Rows_come_out_typed_whatever_the_pieces_the_answer_arrives_in(int piece)
    {
        var (columns, rows, _) = Parse("{\"kind\":\"youtubeAnalytics#resultTable\"," + Headers + "," + Rows + "}", piece);

        Assert.Equal(new[] { "day", "video", "views", "averageViewPercentage" }, columns.Select(c => c.Name));
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { new DateTime(2026, 11, 1), "vidéo\"1", 12L, 45.5 }, rows[0]);
        Assert.Equal(new object?[] { new DateTime(2026, 11, 1), "v2", 3L, null }, rows[1]);
        Assert.Equal(100.0, rows[2][3]);
    }

    [Fact]
    public void Rows_are_handed_out_as_the_bytes_arrive_not_at_the_end()
    {
        var many = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"[\"2026-11-01\",\"v{i % 7}\",{i},0.5]"));
        var (_, rows, batches) = Parse("{" + Headers + ",\"rows\":[" + many + "]}", 4096);

        Assert.Equal(2000, rows.Count);
        Assert.True(batches > 10, $"{batches} batch(es)");
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (object)(long)i), rows.Select(r => r[2]));
    }

    [Fact]
    public void Repeated_dimension_values_are_one_object()
    {
        var (_, rows, _) = Parse("{" + Headers + "," + Rows + "}", 5);

        Assert.Same(rows[1][1], rows[2][1]); // "v2" twice: one string
        Assert.Same(rows[0][0], rows[1][0]); // the same day: one boxed date
    }

    [Fact]
    public void Rows_before_headers_and_unknown_members_are_handled()
    {
        var json = "{\"extra\":{\"nested\":[1,{\"rows\":[[\"x\"]]}]}," + Rows + ",\"more\":[[1],[2]]," + Headers + ",\"kind\":\"k\"}";
        var (columns, rows, _) = Parse(json, 3);

        Assert.Equal(4, columns.Count);
        Assert.Equal(3, rows.Count);
        Assert.Equal(12L, rows[0][2]);
        Assert.Equal("vidéo\"1", rows[0][1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Integer_columns_that_carry_a_decimal_point_are_read_as_whole_numbers(int piece)
    {
        // Google has been seen sending INTEGER values as 0.0 (and 12.0); as numbers, or as text before the headers.
        var rows = "\"rows\":[[\"2026-11-01\",\"v\",0.0,0.0],[\"2026-11-02\",\"v\",12.0,1],[\"2026-11-03\",\"v\",\"0.0\",2.5]]";
        var (_, before, _) = Parse("{" + rows + "," + Headers + "}", piece);
        var (_, after, _) = Parse("{" + Headers + "," + rows + "}", piece);

        foreach (var parsed in new[] { before, after })
        {
            Assert.Equal(new object?[] { 0L, 12L, 0L }, parsed.Select(r => r[2]));
            Assert.Equal(new object?[] { 0.0, 1.0, 2.5 }, parsed.Select(r => r[3]));
        }
    }

    [Fact]
    public void An_errors_member_is_kept_once_read_whole()
    {
        var parser = new ReportParser();
        var json = Encoding.UTF8.GetBytes("{\"errors\":{\"requestId\":\"r\",\"error\":[{\"code\":\"FORBIDDEN\",\"externalErrorMessage\":\"Not yours\",\"argument\":[\"a\"]}]},\"kind\":\"k\"}");

        parser.Feed(json, final: true);

        Assert.Equal(("FORBIDDEN", "Not yours"), (parser.Errors!.Code, parser.Errors.Message));
        Assert.True(parser.Complete);
    }

    [Fact]
    public void A_report_without_rows_has_columns_and_no_rows()
    {
        var (columns, rows, _) = Parse("{" + Headers + "}", 10);

        Assert.Equal(4, columns.Count);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("{" + Headers + ",\"rows\":[[\"2026-11-01\",\"v\",1,2]")]           // cut short
    [InlineData("{" + Headers + ",\"rows\":[{\"day\":\"2026-11-01\"}]}")]              // a row that is not an array
    [InlineData("{" + Headers + ",\"rows\":[[\"2026-11-01\",[1],1,2]]}")]              // a nested value in a row
    [InlineData("[1,2,3]")]                                                             // not an object
    [InlineData("{\"rows\":[[\"a\",1]]}")]                                              // rows and never any headers
    [InlineData("{" + Headers + ",\"rows\":[[\"1 Nov 2026\",\"v\",1,2]]}")]            // a day that is not a date
    [InlineData("{" + Headers + ",\"rows\":[[\"2026-11-01\",\"v\",\"many\",2]]}")]     // a count that is not a number
    public void An_answer_that_is_not_a_report_is_refused(string json)
    {
        var error = Record.Exception(() => Parse(json, 16));

        Assert.True(error is JsonException || error is FormatException, error?.GetType() + ": " + error?.Message);
    }
}
