using System;
using System.Threading;

namespace YtOAuth.Engine.Diagnostics
{
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
        public static void Progress(string text, int percentComplete, int secondsRemaining = -1) =>
            CurrentSink.Value?.Write(new EngineMessage(EngineMessageKind.Progress, Redactor.Redact(text), percentComplete, secondsRemaining));

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
