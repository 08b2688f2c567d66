using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace YtOAuth.Cli;

/// <summary>
/// Rows for people and for scripts: a table on a terminal, tab-separated values with a header when the output is
/// piped or redirected, and one JSON object a line with --json. Nothing reaches standard output before the first
/// row or the end, so a command that fails at once leaves standard output empty.
/// </summary>
internal abstract class Output
{
    public static Output Rows(bool json, params string[] headers) =>
        json ? new JsonLines(headers) : Console.IsOutputRedirected ? new Tsv(headers) : new Table(headers);

    /// <summary>One JSON object of named values on one line.</summary>
    public static void JsonObject(params (string Name, object? Value)[] fields) =>
        Console.WriteLine(JsonSerializer.Serialize(fields.ToDictionary(f => f.Name, f => JsonValue(f.Value))));

    /// <summary>A day as yyyy-MM-dd (as flags take it), any other value as it is; lists stay arrays.</summary>
    private static object? JsonValue(object? value) => value is DateTime d && d.TimeOfDay == TimeSpan.Zero ? Format.Date(d) : value;

    public abstract void Add(params object?[] values);

    public virtual void End()
    {
    }

    private sealed class Tsv(string[] headers) : Output
    {
        private readonly StringBuilder line = new();
        private object?[] lastValues = Array.Empty<object?>();
        private string[] lastTexts = Array.Empty<string>();
        private bool headerWritten;

        /// <summary>One write a row. A value that repeats down a column (the engine shares them) is formatted once.</summary>
        public override void Add(params object?[] values)
        {
            WriteHeader();
            if (lastValues.Length != values.Length)
            {
                (lastValues, lastTexts) = (new object?[values.Length], new string[values.Length]);
            }

            line.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                if (values[i] is null || !ReferenceEquals(values[i], lastValues[i]))
                {
                    (lastValues[i], lastTexts[i]) = (values[i], Format.Text(values[i]).Replace('\t', ' ').Replace('\n', ' '));
                }

                line.Append(lastTexts[i]);
            }

            Console.Out.WriteLine(line);
        }

        /// <summary>The header of an empty listing.</summary>
        public override void End() => WriteHeader();

        private void WriteHeader()
        {
            if (!headerWritten)
            {
                headerWritten = true;
                Console.Out.WriteLine(string.Join('\t', headers));
            }
        }
    }

    private sealed class JsonLines(string[] headers) : Output
    {
        public override void Add(params object?[] values) =>
            Console.WriteLine(JsonSerializer.Serialize(headers.Zip(values).ToDictionary(p => p.First, p => JsonValue(p.Second))));
    }

    private sealed class Table(string[] headers) : Output
    {
        private readonly List<string[]> rows = new();

        public override void Add(params object?[] values) => rows.Add(values.Select(v => Markup.Escape(Format.Text(v))).ToArray());

        public override void End()
        {
            var table = new Spectre.Console.Table().Border(TableBorder.Simple);
            foreach (var header in headers)
            {
                table.AddColumn(header);
            }

            foreach (var row in rows)
            {
                table.AddRow(row);
            }

            Console.Out.Flush();
            AnsiConsole.Write(table);
        }
    }
}
