using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Cli;

/// <summary>The engine's messages on standard error: information always, the rest with --verbose or --debug.</summary>
internal sealed class ConsoleSink(bool verbose, bool debug) : IEngineSink
{
    public void Write(EngineMessage message)
    {
        switch (message.Kind)
        {
            case EngineMessageKind.Information: Console.Error.WriteLine(message.Text); break;
            case EngineMessageKind.Warning: Console.Error.WriteLine("warning: " + message.Text); break;
            case EngineMessageKind.Verbose when verbose: Console.Error.WriteLine("verbose: " + message.Text); break;
            case EngineMessageKind.Debug when debug: Console.Error.WriteLine("debug: " + message.Text); break;
        }
    }
}
