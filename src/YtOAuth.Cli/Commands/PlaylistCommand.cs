namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth playlist: changes to one playlist, a subcommand each (create, set, add, remove, delete). Listing stays
/// with ytoauth playlists and ytoauth items: a plural noun lists, a singular one changes.
/// </summary>
internal sealed class PlaylistCommand : Command
{
    public PlaylistCommand()
        : base("playlist", "Change playlists: create, set, add videos, remove items, delete (each needs the Manage scope). " +
                           "To list them: ytoauth playlists; their items: ytoauth items.")
    {
        foreach (var command in new Command[] { new PlaylistCreateCommand(), new PlaylistSetCommand(), new PlaylistAddCommand(), new PlaylistRemoveCommand(), new PlaylistDeleteCommand() })
        {
            Subcommands.Add(command);
        }
    }
}
