using System;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>One message from the engine. Texts never hold secrets.</summary>
    public sealed class EngineMessage
    {
        /// <summary>Creates a message.</summary>
        public EngineMessage(EngineMessageKind kind, string text, int percentComplete = -1, int secondsRemaining = -1)
        {
            Kind = kind;
            Text = text;
            PercentComplete = percentComplete;
            SecondsRemaining = secondsRemaining;
        }

        /// <summary>What kind of message this is.</summary>
        public EngineMessageKind Kind { get; }

        /// <summary>The text, already redacted.</summary>
        public string Text { get; }

        /// <summary>For progress: 0-100, or -1 when unknown.</summary>
        public int PercentComplete { get; }

        /// <summary>For progress: seconds left at the current rate, or -1 when unknown.</summary>
        public int SecondsRemaining { get; }

        /// <inheritdoc />
        public override string ToString() => Kind + ": " + Text;
    }
}
