using System;
using System.Collections.Generic;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>Outcome of a connect: connected, or declined by the user (a result, not an error, so the caller can branch).</summary>
    public sealed class ConnectResult
    {
        internal ConnectResult(ProfileInfo? profile, IReadOnlyList<string> missingScopes, string? declinedReason, bool reused)
        {
            Profile = profile;
            MissingScopes = missingScopes;
            DeclinedReason = declinedReason;
            ReusedExistingGrant = reused;
        }

        /// <summary>True when a grant is now stored.</summary>
        public bool Connected => Profile != null;
        /// <summary>The stored profile.</summary>
        public ProfileInfo? Profile { get; }
        /// <summary>Requested scopes the user did not grant (granular consent).</summary>
        public IReadOnlyList<string> MissingScopes { get; }
        /// <summary>Why consent was declined (for example access_denied).</summary>
        public string? DeclinedReason { get; }
        /// <summary>True when an earlier grant already covered the request and no consent was asked.</summary>
        public bool ReusedExistingGrant { get; }
    }
}
