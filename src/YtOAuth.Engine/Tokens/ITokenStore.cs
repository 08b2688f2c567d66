using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// Holds one <see cref="TokenRecord"/> per profile. Implementations: memory (this process only), files, and the
    /// SecretManagement vault (in the module). A store never deletes a record on its own account.
    /// </summary>
    public interface ITokenStore
    {
        /// <summary>Where records live, for messages (never a secret).</summary>
        string Description { get; }

        /// <summary>The record of a profile, or null when none is stored.</summary>
        Task<TokenRecord?> ReadAsync(string profile, CancellationToken cancellationToken);

        /// <summary>Stores the record whole, replacing any earlier one; a failure leaves the earlier one intact.</summary>
        Task WriteAsync(TokenRecord record, CancellationToken cancellationToken);

        /// <summary>Removes a profile's record; false when there was none.</summary>
        Task<bool> DeleteAsync(string profile, CancellationToken cancellationToken);

        /// <summary>Names of the stored profiles.</summary>
        Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken);

        /// <summary>
        /// Takes the lock that guards read-check-refresh-write of a profile, across processes wherever the store
        /// is shared across processes. Dispose the result to release it.
        /// </summary>
        Task<IDisposable> LockAsync(string profile, CancellationToken cancellationToken);
    }
}
