namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth thumbnail: a video's custom thumbnail (set).</summary>
internal sealed class ThumbnailCommand : Command
{
    public ThumbnailCommand()
        : base("thumbnail", "Set a video's custom thumbnail (set).")
    {
        Subcommands.Add(new ThumbnailSetCommand());
    }
}
