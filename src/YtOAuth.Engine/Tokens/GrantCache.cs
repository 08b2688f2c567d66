using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// The last record seen per profile, so repeated calls need not read the store (a vault read can be slow),
    /// with its access-token answer built once: the hot path of GetAccessTokenAsync is one lookup and one
    /// comparison, and allocates nothing.
    /// </summary>
    internal sealed class GrantCache
    {
        private readonly ConcurrentDictionary<string, Entry> entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        public void Set(TokenRecord record) => entries[record.Profile] = new Entry(record);

        public void Remove(string profile) => entries.TryRemove(profile, out _);

        /// <summary>The cached answer when its token is not yet due for a refresh (see <see cref="TokenRecord.RefreshMargin"/>).</summary>
        public Task<AccessTokenResult>? ValidToken(string profile, DateTime nowUtc, TimeSpan minimumValidity, TimeSpan skew) =>
            entries.TryGetValue(profile, out var entry) && entry.Answer != null && entry.Record.HasAccessTokenValidFor(nowUtc, entry.Record.RefreshMargin(minimumValidity, skew))
                ? entry.Answer
                : null;

        private sealed class Entry
        {
            public Entry(TokenRecord record)
            {
                Record = record;
                Answer = string.IsNullOrEmpty(record.AccessToken) || record.AccessTokenExpiresUtc == null ? null : Task.FromResult(new AccessTokenResult(record));
            }

            public TokenRecord Record { get; }

            public Task<AccessTokenResult>? Answer { get; }
        }
    }
}
