using System.Collections.Generic;

namespace YtOAuth.Engine
{
    /// <summary>A structured hint attached to a <see cref="YtOAuthException"/>: the engine knows what to do, the front end says how.</summary>
    public sealed class Remedy
    {
        /// <summary>Creates a remedy.</summary>
        public Remedy(RemedyKind kind, string profile, bool force = false, IReadOnlyList<string>? scopes = null)
        {
            Kind = kind;
            Profile = profile;
            Force = force;
            Scopes = scopes;
        }

        /// <summary>What to do.</summary>
        public RemedyKind Kind { get; }

        /// <summary>The profile it concerns.</summary>
        public string Profile { get; }

        /// <summary>Whether a new consent must be forced (a grant that exists but no longer serves).</summary>
        public bool Force { get; }

        /// <summary>Friendly scope names to ask for, or null for the default ones.</summary>
        public IReadOnlyList<string>? Scopes { get; }

        /// <inheritdoc />
        public override string ToString() => Kind + " " + Profile + (Force ? " (force)" : string.Empty) + (Scopes == null ? string.Empty : " [" + string.Join(",", Scopes) + "]");
    }
}
