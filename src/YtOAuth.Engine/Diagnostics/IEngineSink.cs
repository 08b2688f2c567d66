using System;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>Receives engine messages. The cmdlet implementation only enqueues: it may be called from any thread.</summary>
    public interface IEngineSink
    {
        /// <summary>Takes one message.</summary>
        void Write(EngineMessage message);
    }
}
