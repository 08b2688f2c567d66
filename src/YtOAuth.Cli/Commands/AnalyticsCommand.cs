using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth analytics: a YouTube Analytics report, its rows written as they arrive.</summary>
internal sealed class AnalyticsCommand : VerbCommand
{
    private readonly DateTime today = DateTime.UtcNow.Date;
    private readonly Option<DateTime?> start;
    private readonly Option<DateTime?> end;
    private readonly Option<string[]> metrics = CommaListOption.Create("--metrics", "Metrics, comma-separated (default: views).");
    private readonly Option<string[]> dimensions = CommaListOption.Create("--dimensions", "Dimensions, comma-separated: day, month, video, country...");
    private readonly Option<int?> max = new Option<int?>("--max") { Description = "Rows wanted in all (paged when more than one answer holds)." }.Ranged(1, int.MaxValue);
    private readonly Option<string[]> sort = CommaListOption.Create("--sort", "Sort columns, comma-separated; '-' before one sorts it descending: --sort -views (top videos need it).");
    private readonly Option<string?> filters = new("--filters") { Description = "Filters as Google takes them: country==US, video==ID1,ID2, several joined by ';'." };
    private readonly Option<string?> currency = new("--currency") { Description = "ISO 4217 currency of monetary metrics, such as EUR (Google's default: USD)." };

    public AnalyticsCommand()
        : base("analytics", "A YouTube Analytics report. Examples:" + Environment.NewLine +
                            "  ytoauth analytics --start 2026-11-01 --metrics views,likes --dimensions day" + Environment.NewLine +
                            "  ytoauth analytics --metrics views,estimatedMinutesWatched --dimensions video --sort -views --max 10" + Environment.NewLine +
                            "  ytoauth analytics --metrics views --dimensions day --filters 'country==US'")
    {
        start = DateOption.Create("--start", "First day", "28 days ago", today.AddDays(-28));
        end = DateOption.Create("--end", "Last day", "today", today);
        Add(start, end, metrics, dimensions, max, sort, filters, currency, SharedOptions.Json);

    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var json = parse.GetValue(SharedOptions.Json);
        Output? rows = null;
        await engine.Analytics(parse.GetValue(SharedOptions.Profile)!).ListRowsAsync(new AnalyticsQuery
        {
            StartDate = parse.GetValue(start) ?? today.AddDays(-28),
            EndDate = parse.GetValue(end) ?? today,
            Metrics = CommaListOption.ValuesOrNull(parse, metrics) ?? new List<string> { "views" },
            Dimensions = CommaListOption.Values(parse, dimensions),
            MaxResults = parse.GetValue(max),
            Sort = CommaListOption.Values(parse, sort),
            Filters = parse.GetValue(filters),
            Currency = parse.GetValue(currency),
        }, new ListingSink<AnalyticsRows>(batch =>
        {
            // Rows are written as they arrive (the table view still waits for all of them to size its columns).
            rows ??= Output.Rows(json, batch.Columns.Select(c => c.Name).ToArray());
            foreach (var row in batch.Rows)
            {
                rows.Add(row);
            }
        }), cancel);
        rows!.End(); // a report with no rows is still one batch: its header is written
        return ExitCodes.Success;
    }
}
