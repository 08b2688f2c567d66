using System.Collections.Concurrent;

namespace YtOAuth.Emulator;

/// <summary>Queued faults per endpoint.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentDictionary<FaultTarget, ConcurrentQueue<Fault>> queues = new();

    /// <summary>The next calls to <paramref name="target"/> meet these faults, one each.</summary>
    public void Add(FaultTarget target, params Fault[] faults)
    {
        var queue = queues.GetOrAdd(target, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Takes the next fault for a target, if any.</summary>
    public Fault? Next(FaultTarget target)
    {
        if (!queues.TryGetValue(target, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            if (!queue.TryPeek(out var fault))
            {
                return null;
            }

            // A fault with AfterCalls lets that many calls through first (e.g. a drop in the middle of paging).
            if (fault.AfterCalls > 0)
            {
                queue.TryDequeue(out _);
                var rest = queue.ToArray();
                queue.Clear();
                queue.Enqueue(fault with { AfterCalls = fault.AfterCalls - 1 });
                foreach (var f in rest)
                {
                    queue.Enqueue(f);
                }

                return null;
            }

            queue.TryDequeue(out _);
            return fault;
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear() => queues.Clear();
}
