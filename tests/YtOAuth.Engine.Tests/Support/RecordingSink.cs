using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>Keeps every engine message for assertions (thread-safe: the engine may report from any thread).</summary>
public sealed class RecordingSink : IEngineSink
{
    private readonly ConcurrentQueue<EngineMessage> messages = new();

    public IReadOnlyList<EngineMessage> Messages => messages.ToList();

    public IEnumerable<string> Texts(EngineMessageKind kind) => messages.Where(m => m.Kind == kind).Select(m => m.Text);

    public void Write(EngineMessage message) => messages.Enqueue(message);
}
