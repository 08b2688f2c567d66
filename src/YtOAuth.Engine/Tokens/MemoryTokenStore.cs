using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>Keeps records in this process only (PowerShell's -ContextScope Process, tests).</summary>
    public sealed class MemoryTokenStore : ITokenStore
    {
        // Records are kept serialised so that callers never share a mutable instance with the store.
        private readonly ConcurrentDictionary<string, string> records = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        /// <inheritdoc />
        public string Description => "this session's memory";

        /// <inheritdoc />
        public Task<TokenRecord?> ReadAsync(string profile, CancellationToken cancellationToken) =>
            Task.FromResult(records.TryGetValue(profile, out var json) ? TokenRecord.Deserialize(json, profile) : null);

        /// <inheritdoc />
        public Task WriteAsync(TokenRecord record, CancellationToken cancellationToken)
        {
            records[ProfileName.Validate(record.Profile)] = record.Serialize();
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public Task<bool> DeleteAsync(string profile, CancellationToken cancellationToken) =>
            Task.FromResult(records.TryRemove(profile, out _));

        /// <inheritdoc />
        public Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(records.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList());

        /// <inheritdoc />
        public async Task<IDisposable> LockAsync(string profile, CancellationToken cancellationToken)
        {
            var gate = locks.GetOrAdd(profile, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Releaser(gate);
        }

        private sealed class Releaser : IDisposable
        {
            private SemaphoreSlim? gate;
            public Releaser(SemaphoreSlim gate) => this.gate = gate;
            public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
        }
    }
}
