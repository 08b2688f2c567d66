namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth's root: the shared flags and one command a verb (Commands/&lt;Verb&gt;Command.cs). Flags mean the same in
/// every command, and values are checked with the module's ranges, so a mistake is a usage error (exit 2) before
/// anything runs. Each action renders what the engine returns.
/// </summary>
internal sealed class CliCommand : RootCommand
{
    private CliCommand()
        : base("ytoauth: YouTube under OAuth 2.0 from a plain shell. Grants are kept in files in one folder: --store DIR, else $" + SharedOptions.StoreVariable +
               ", else " + SharedOptions.StoreFallbackText + "." + Environment.NewLine + Environment.NewLine + ExitCodes.Table)
    {
        foreach (var option in new Option[] { SharedOptions.Store, SharedOptions.Profile, SharedOptions.EndpointBase, SharedOptions.Verbose, SharedOptions.Debug })
        {
            Options.Add(option);
        }

        foreach (var command in new Command[]
                 {
                     new ConnectCommand(), new TokenCommand(), new ChannelCommand(), new PlaylistsCommand(), new ItemsCommand(), new VideosCommand(), new AnalyticsCommand(),
                     new UploadCommand(), new PlaylistCommand(), new VideoCommand(), new ThumbnailCommand(), new RevokeCommand(), new DisconnectCommand(), new ContextsCommand(), new EmulatorCommand(), new DemoCommand(),
                 })
        {
            Subcommands.Add(command);
        }

        EmptyValues.Refuse(this);
    }

    /// <summary>
    /// Parses without response files: System.CommandLine would read a value like @GoogleDevelopers as a file to splice
    /// in, and YouTube handles start with @.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => new CliCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
}
