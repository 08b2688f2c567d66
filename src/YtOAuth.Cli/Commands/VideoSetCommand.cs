namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth video set: change a video's metadata; what is not given stays as it is (the engine reads the video first).</summary>
internal sealed class VideoSetCommand : VerbCommand
{
    private readonly Argument<string> id = new("videoId") { Description = "The video." };
    private readonly VideoFieldOptions fields = new(forNewVideo: false);

    public VideoSetCommand()
        : base("set", "Change a video's title, description, tags, category, privacy, schedule or made-for-kids; prints the video. Needs the Manage scope. Example:" +
                      Environment.NewLine + "  ytoauth video set dQw4w9WgXcQ --title \"Final cut\" --privacy public")
    {
        Arguments.Add(id);
        Add(fields.All.ToArray());
        Add(SharedOptions.Json);
        Validators.Add(r =>
        {
            if (!fields.AnyGiven(r))
            {
                r.AddError("Give what to change: --title, --description, --tags, --category-id, --privacy, --publish-at or --made-for-kids.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var change = fields.Read(parse);
        change.Id = parse.GetValue(id)!;
        using var engine = StoreFolder.OpenEngine(parse);
        var video = await engine.Editor(parse.GetValue(SharedOptions.Profile)!).UpdateVideoAsync(change, cancel);
        var rows = ResourceColumns.Videos.Rows(parse.GetValue(SharedOptions.Json));
        rows.Add(video);
        rows.End();
        return ExitCodes.Success;
    }
}
