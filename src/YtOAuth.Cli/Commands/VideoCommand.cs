namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth video: changes to one video (set). Reading stays with ytoauth videos: a plural noun lists, a singular one changes.</summary>
internal sealed class VideoCommand : Command
{
    public VideoCommand()
        : base("video", "Change a video's metadata (set). To read videos: ytoauth videos; to upload one: ytoauth upload.")
    {
        Subcommands.Add(new VideoSetCommand());
    }
}
