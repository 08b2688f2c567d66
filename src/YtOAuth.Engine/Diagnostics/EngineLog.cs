using System;
using System.Threading;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>The kinds of message the engine reports; the PowerShell layer maps them to its streams.</summary>
    public enum EngineMessageKind
    {
        /// <summary>A trace line for -Verbose.</summary>
        Verbose,
        /// <summary>Extra detail for -Debug.</summary>
        Debug,
        /// <summary>Something the user should notice but that does not stop the command.</summary>
        Warning,
        /// <summary>Something the user must see to go on (for example the consent URL to open).</summary>
        Information,
        /// <summary>Progress of a long listing.</summary>
        Progress,
    }

    /// <summary>One message from the engine. Texts never hold secrets.</summary>
    public sealed class EngineMessage
    {
        /// <summary>Creates a message.</summary>
        public EngineMessage(EngineMessageKind kind, string text, int percentComplete = -1)
        {
            Kind = kind;
            Text = text;
            PercentComplete = percentComplete;
        }

        /// <summary>What kind of message this is.</summary>
        public EngineMessageKind Kind { get; }

        /// <summary>The text, already redacted.</summary>
        public string Text { get; }

        /// <summary>For progress: 0-100, or -1 when unknown.</summary>
        public int PercentComplete { get; }

        /// <inheritdoc />
        public override string ToString() => Kind + ": " + Text;
    }

    /// <summary>Receives engine messages. The cmdlet implementation only enqueues: it may be called from any thread.</summary>
    public interface IEngineSink
    {
        /// <summary>Takes one message.</summary>
        void Write(EngineMessage message);
    }

    /// <summary>
    /// Where engine code reports to. The sink is ambient (flows with the async call) so that one shared engine
    /// can serve many callers, each hearing only its own messages. Every text passes the redactor on the way out.
    /// </summary>
    public static class EngineLog
    {
        private static readonly AsyncLocal<IEngineSink?> CurrentSink = new AsyncLocal<IEngineSink?>();

        /// <summary>Routes messages from this async flow to <paramref name="sink"/> until the result is disposed.</summary>
        public static IDisposable Use(IEngineSink sink)
        {
            var previous = CurrentSink.Value;
            CurrentSink.Value = sink;
            return new Restore(previous);
        }

        /// <summary>Whether this async flow has a sink: callers skip building costly texts when nobody listens.</summary>
        public static bool IsListening => CurrentSink.Value != null;

        /// <summary>Trace line for -Verbose.</summary>
        public static void Verbose(string text) => Write(EngineMessageKind.Verbose, text);

        /// <summary>Detail for -Debug.</summary>
        public static void Debug(string text) => Write(EngineMessageKind.Debug, text);

        /// <summary>A warning.</summary>
        public static void Warning(string text) => Write(EngineMessageKind.Warning, text);

        /// <summary>Something the user must see.</summary>
        public static void Information(string text) => Write(EngineMessageKind.Information, text);

        /// <summary>Progress of a long operation.</summary>
        public static void Progress(string text, int percentComplete) =>
            CurrentSink.Value?.Write(new EngineMessage(EngineMessageKind.Progress, Redactor.Redact(text), percentComplete));

        private static void Write(EngineMessageKind kind, string text) =>
            CurrentSink.Value?.Write(new EngineMessage(kind, Redactor.Redact(text)));

        private sealed class Restore : IDisposable
        {
            private readonly IEngineSink? previous;
            public Restore(IEngineSink? previous) => this.previous = previous;
            public void Dispose() => CurrentSink.Value = previous;
        }
    }
}
