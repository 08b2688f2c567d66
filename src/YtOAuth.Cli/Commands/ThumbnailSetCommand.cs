namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth thumbnail set: a JPEG or PNG as a video's thumbnail; prints its address.</summary>
internal sealed class ThumbnailSetCommand : VerbCommand
{
    private readonly Argument<string> video = new("videoId") { Description = "The video." };
    private readonly Argument<string> image = new("file") { Description = "A JPEG or PNG, at most 2 MiB (1280x720 is usual)." };

    public ThumbnailSetCommand()
        : base("set", "Set a video's custom thumbnail (the channel must be verified for custom thumbnails); prints its address. Example:" + Environment.NewLine +
                      "  ytoauth thumbnail set dQw4w9WgXcQ cover.jpg")
    {
        Arguments.Add(video);
        Arguments.Add(image);
        Add(SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var videoId = parse.GetValue(video)!;
        var address = await engine.Editor(parse.GetValue(SharedOptions.Profile)!).SetThumbnailAsync(videoId, parse.GetValue(image)!, cancel);
        if (parse.GetValue(SharedOptions.Json))
        {
            Output.JsonObject(("VideoId", videoId), ("ThumbnailUrl", address));
        }
        else
        {
            Console.WriteLine(address);
        }

        return ExitCodes.Success;
    }
}
