using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace YtOAuth.Benchmarks;

/// <summary>The results as markdown: one table per case, then the bars.</summary>
internal static class Markdown
{
    public const string Command = "dotnet run -c Release --project benchmarks/YtOAuth.Benchmarks";

    public static string Document(IReadOnlyList<CaseResult> cases, BenchContext context)
    {
        var text = new StringBuilder();
        text.AppendLine("# YtOAuth benchmark, " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        text.AppendLine();
        text.AppendLine($"`{Command}` on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                        $"PowerShell {context.ToolVersions["pwsh"]}, Node.js {context.ToolVersions["node"]} " +
                        "(@googleapis/youtube 35.0.0, @googleapis/youtubeanalytics 7.0.0, google-auth-library 10.5.0; Google.Apis.Auth 1.78.0).");
        text.AppendLine($"The emulator runs in its own process. {context.Rounds} counted rounds a case after 3 warm-up rounds; in each round every contender " +
                        $"runs {context.Inner} times ({context.Inner * 2} for the quick in-process ones, 3 for the hand-written pwsh loops), interleaved with the others in an " +
                        "order that rotates each round, and the round keeps its mean without the fastest and slowest run; garbage is collected before each run. " +
                        "Spread: median absolute deviation over the median. Ratio: median over the baseline's median; RatioSD: standard deviation of the round-by-round ratios.");
        text.AppendLine();
        text.AppendLine("## Bars");
        text.AppendLine();
        text.AppendLine("| case | contender | against | ratio | RatioSD | bar | met |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var result in cases)
        {
            foreach (var bar in result.Bars)
            {
                text.AppendLine($"| {result.Title} | {bar.Contender} | {bar.Against} | {bar.Ratio:F2} | {bar.RatioSD:F3} | " +
                                (double.IsNaN(bar.Limit) ? "(reported)" : (bar.AtLeast ? "≥ " : "≤ ") + bar.Limit.ToString("F2", CultureInfo.InvariantCulture)) + " | " +
                                (double.IsNaN(bar.Limit) ? "" : bar.Met ? "yes" : "**no**") + " |");
            }
        }

        foreach (var result in cases)
        {
            text.AppendLine();
            text.Append(Case(result));
        }

        return text.ToString();
    }

    public static string Case(CaseResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("## " + result.Title);
        text.AppendLine();
        text.AppendLine(result.What);
        text.AppendLine();
        if (result.Sizes != null)
        {
            text.AppendLine("| contender | " + string.Join(" | ", result.Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture) + " " + result.SizeUnit)) + " |");
            text.AppendLine("|---|" + string.Concat(result.Sizes.Select(_ => "---|")));
            foreach (var series in result.Series)
            {
                text.AppendLine("| " + series.Name + " | " + string.Join(" | ", series.Values.Select(v => v.ToString(v < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " " + result.Unit)) + " |");
            }
        }
        else
        {
            var baseline = result.Baseline;
            text.AppendLine($"| contender | median | spread | ratio to baseline | RatioSD |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var series in result.Series)
            {
                var (ratio, sd) = Statistics.Ratio(series, baseline);
                text.AppendLine($"| {series.Name}{(series.Baseline ? " (baseline)" : "")} | {Value(series.Median, result.Unit)} | ±{series.Spread:P1} | " +
                                (series.Baseline ? "1.00 | —" : $"{ratio:F2} | {sd:F3}") + " |");
            }
        }

        if (result.Note != null)
        {
            text.AppendLine();
            text.AppendLine(result.Note);
        }

        return text.ToString();
    }

    private static string Value(double value, string unit) =>
        (value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("F1", CultureInfo.InvariantCulture)) + " " + unit;
}
