using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// The bridge between worker threads and the pipeline thread: the engine and the command's async work only
    /// enqueue (messages and output objects); the cmdlet drains on its own thread, the only one allowed to write.
    /// Output objects travel in batches (waking the pipeline thread per object cost more than the object), held at
    /// most <see cref="BatchDelay"/> so that the first ones still show at once. The queue holds a few entries only:
    /// when the pipeline is slower than the engine, the engine waits instead of piling rows up in memory.
    /// </summary>
    internal sealed class QueueSink : IEngineSink, IDisposable
    {
        private const int QueueLimit = 8;
        private const int BatchLimit = 256;
        private static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(10);
        private readonly object gate = new object();
        private readonly CancellationToken abandoned;
        private readonly Timer flushTimer;
        private List<object>? pending;
        private bool closed;

        /// <param name="abandoned">Cancelled when the pipeline thread stops draining; a waiting writer then gives up.</param>
        public QueueSink(CancellationToken abandoned)
        {
            this.abandoned = abandoned;
            flushTimer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        }

        public BlockingCollection<object> Queue { get; } = new BlockingCollection<object>(QueueLimit);

        public void Write(EngineMessage message) => Add(message);

        /// <summary>An object for WriteObject (or a failed item's exception), batched with those around it.</summary>
        public void Emit(object item)
        {
            lock (gate)
            {
                if (closed)
                {
                    return; // the command is over: nobody will write it
                }

                if (pending == null)
                {
                    pending = new List<object>();
                    flushTimer.Change(BatchDelay, Timeout.InfiniteTimeSpan);
                }

                pending.Add(item);
                if (pending.Count >= BatchLimit)
                {
                    FlushLocked();
                }
            }
        }

        /// <summary>Hands over the objects held back, as one batch.</summary>
        public void Flush()
        {
            lock (gate)
            {
                try
                {
                    FlushLocked();
                }
                catch (OperationCanceledException)
                {
                    // the pipeline stopped; the timer has nobody to tell
                }
            }
        }

        /// <summary>After the work ended: the last objects, then the end of the queue.</summary>
        public void Complete()
        {
            lock (gate)
            {
                try
                {
                    FlushLocked();
                }
                catch (OperationCanceledException)
                {
                }

                closed = true;
                Queue.CompleteAdding();
            }
        }

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
            Add(request);
            return request.Answer.Task;
        }

        /// <summary>Objects for WriteObject, in the order they were emitted.</summary>
        internal sealed class Output
        {
            public Output(IReadOnlyList<object> items) => Items = items;

            public IReadOnlyList<object> Items { get; }
        }

        /// <summary>Queues a message or request after the objects emitted before it, so the order is kept.</summary>
        private void Add(object entry)
        {
            lock (gate)
            {
                if (closed)
                {
                    return;
                }

                FlushLocked();
                Queue.Add(entry, abandoned);
            }
        }

        private void FlushLocked()
        {
            if (pending == null || closed)
            {
                return;
            }

            var batch = pending;
            pending = null;
            Queue.Add(new Output(batch), abandoned); // may wait for the pipeline thread; it never takes this lock
        }

        public void Dispose()
        {
            lock (gate)
            {
                closed = true;
            }

            flushTimer.Dispose();
        }
    }
}
