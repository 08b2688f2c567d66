using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Cli;

/// <summary>
/// The engine's messages on standard error: information always, the rest with --verbose or --debug, and progress
/// only for a command that asked for a <see cref="ProgressLine"/> (an upload), only on a terminal.
/// </summary>
internal sealed class ConsoleSink(bool verbose, bool debug, ProgressLine? progress = null) : IEngineSink
{
    /// <summary>The sink for this command line's --verbose and --debug.</summary>
    public static ConsoleSink For(ParseResult parse, ProgressLine? progress = null)
    {
        var debug = parse.GetValue(SharedOptions.Debug);
        return new ConsoleSink(parse.GetValue(SharedOptions.Verbose) || debug, debug, progress);
    }

    public void Write(EngineMessage message)
    {
        if (message.Kind == EngineMessageKind.Progress)
        {
            progress?.Show(message.Text);
            return;
        }

        var line = message.Kind switch
        {
            EngineMessageKind.Information => message.Text,
            EngineMessageKind.Warning => "warning: " + message.Text,
            EngineMessageKind.Verbose when verbose => "verbose: " + message.Text,
            EngineMessageKind.Debug when debug => "debug: " + message.Text,
            _ => null,
        };
        if (line != null)
        {
            progress?.Clear();
            Console.Error.WriteLine(line);
        }
    }
}
