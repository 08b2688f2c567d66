using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth upload: publish a video with Google's resumable upload, then its thumbnail and playlist. The engine keeps
/// the upload with the grant, so the same command run again after Ctrl+C, a kill or a reboot continues from the bytes
/// YouTube confirmed: one video, never a second.
/// </summary>
internal sealed class UploadCommand : VerbCommand
{
    private const int MiB = 1024 * 1024;

    private readonly Argument<string> file = new("file") { Description = "The video file." };
    private readonly VideoFieldOptions fields = new(forNewVideo: true);
    private readonly Option<string?> playlist = new("--playlist") { Description = "A playlist id to add the video to once it is up.", HelpName = "playlistId" };
    private readonly Option<string?> thumbnail = new("--thumbnail") { Description = "A JPEG or PNG (at most 2 MiB) to set as its thumbnail once it is up.", HelpName = "file" };
    private readonly Option<int?> chunkSize = new Option<int?>("--chunk-size-mib")
    {
        Description = "MiB a request (default 32); the smaller, the less a dropped connection repeats.", HelpName = "N",
    }.Ranged(1, 1024);

    public UploadCommand()
        : base("upload", "Upload a video (private unless told), resumable: run the same command again after an interruption and it continues. " +
                         "Needs the Upload scope (ytoauth connect --scope Upload adds it). Progress shows on a terminal. Examples:" + Environment.NewLine +
                         "  ytoauth upload render.mp4 --title \"Nightly build\" --tags ci,render --playlist PLxxxxxxxx" + Environment.NewLine +
                         "  ytoauth upload talk.mp4 --title Talk --publish-at 2026-12-01T18:00Z --thumbnail cover.jpg --json")
    {
        Arguments.Add(file);
        Add(fields.All.ToArray());
        Add(playlist, thumbnail, chunkSize, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var metadata = fields.Read(parse);
        var upload = new VideoUpload
        {
            Path = parse.GetValue(file)!,
            Title = metadata.Title!,
            Description = metadata.Description,
            Tags = metadata.Tags,
            CategoryId = metadata.CategoryId,
            Privacy = metadata.Privacy,
            PublishAt = metadata.PublishAt,
            MadeForKids = metadata.MadeForKids,
            PlaylistId = parse.GetValue(playlist),
            ThumbnailPath = parse.GetValue(thumbnail),
        };
        if (parse.GetValue(chunkSize) is int mib)
        {
            upload.ChunkSize = mib * MiB; // whole MiB are always a multiple of the 256 KiB YouTube requires
        }

        var progress = ProgressLine.OnTerminal();
        using var log = EngineLog.Use(ConsoleSink.For(parse, progress));
        using var engine = StoreFolder.OpenEngine(parse);
        Video video;
        try
        {
            video = await engine.Publisher(parse.GetValue(SharedOptions.Profile)!).PublishAsync(upload, null, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            progress?.Clear();
            Console.Error.WriteLine("ytoauth: stopped. The upload is kept: run the same command again to continue where YouTube confirmed it.");
            return ExitCodes.Interrupted; // the entry point answers with the signal's own code
        }
        finally
        {
            progress?.Clear();
        }

        var rows = ResourceColumns.Videos.Rows(parse.GetValue(SharedOptions.Json));
        rows.Add(video);
        rows.End();
        return ExitCodes.Success;
    }
}
