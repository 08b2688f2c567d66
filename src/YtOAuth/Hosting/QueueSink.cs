using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
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

        /// <summary>A line wanted from the host (a pasted address): answered on the pipeline thread, null when none can be read.</summary>
        internal sealed class LineRequest
        {
            public TaskCompletionSource<string?> Answer { get; } = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <summary>Asks the pipeline thread for one line; a cancelled wait answers null.</summary>
        public Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var request = new LineRequest();
            cancellationToken.Register(() => request.Answer.TrySetResult(null));
            Queue.Add(request);
            return request.Answer.Task;
        }

        internal sealed class Output
        {
            public Output(object item) => Item = item;

            public object Item { get; }
        }
    }
}
