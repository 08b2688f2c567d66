using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth videos: videos by id with their statistics; '-' reads ids from standard input, so a listing can be piped in.</summary>
internal sealed class VideosCommand : VerbCommand
{
    private readonly Option<string[]> ids = CommaListOption.Ids("Video ids (comma-separated or repeated); '-' reads them from standard input, one a line.", required: true);

    public VideosCommand()
        : base("videos", "Show videos by id with their statistics, 50 a call. Example:" + Environment.NewLine +
                         "  ytoauth items --playlist PLxxxxxxxx --json | jq -r .VideoId | ytoauth videos --id -")
    {
        Add(ids, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var wanted = CommaListOption.Values(parse, ids);
        if (wanted.Contains("-"))
        {
            wanted = wanted.Where(i => i != "-").Concat(ReadLines(Console.In)).ToList();
        }

        using var engine = StoreFolder.OpenEngine(parse);
        var rows = ResourceColumns.Videos.Rows(parse.GetValue(SharedOptions.Json));
        var missing = new Misses();
        await engine.YouTube(parse.GetValue(SharedOptions.Profile)!).ListVideosAsync(new VideoQuery { Ids = wanted }, new ListingSink<Video>(rows.Add) { OnNotFound = missing.Report }, cancel);
        rows.End();
        return missing.ExitCode;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line.Trim();
            }
        }
    }
}
