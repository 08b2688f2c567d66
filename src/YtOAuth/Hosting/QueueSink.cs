using System.Collections.Concurrent;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// The bridge between worker threads and the pipeline thread: the engine and the command's async work only
    /// enqueue (messages and output objects); the cmdlet drains on its own thread, the only one allowed to write.
    /// </summary>
    internal sealed class QueueSink : IEngineSink
    {
        public BlockingCollection<object> Queue { get; } = new BlockingCollection<object>();

        public void Write(EngineMessage message) => Queue.Add(message);

        /// <summary>An object for WriteObject, wrapped so that it cannot be mistaken for a message.</summary>
        public void Emit(object item) => Queue.Add(new Output(item));

        internal sealed class Output
        {
            public Output(object item) => Item = item;

            public object Item { get; }
        }
    }
}
