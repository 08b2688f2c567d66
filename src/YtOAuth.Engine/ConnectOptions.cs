using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>Settings of an interactive or device connect.</summary>
    public sealed class ConnectOptions
    {
        /// <summary>Profile to store the grant under.</summary>
        public string Profile { get; set; } = ProfileName.Default;
        /// <summary>Scope URLs to ask for (see <see cref="OAuth.Scopes.Resolve"/>).</summary>
        public IReadOnlyList<string> Scopes { get; set; } = OAuth.Scopes.Default;
        /// <summary>Account hint for the consent page.</summary>
        public string? LoginHint { get; set; }
        /// <summary>Ask consent again even if a stored grant covers the scopes.</summary>
        public bool Force { get; set; }
        /// <summary>How long to wait for the user.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>Open a browser (false: only show the URL).</summary>
        public bool OpenBrowser { get; set; } = true;
        /// <summary>Whether a person can act; false fails at once instead of waiting.</summary>
        public bool AllowInteraction { get; set; } = true;

        /// <summary>
        /// Without a browser on this machine: reads one address the user pastes (null at the end of input). The
        /// browser-flow consent then also completes from the address a browser elsewhere ended on.
        /// </summary>
        public Func<CancellationToken, Task<string?>>? ReadPastedAddress { get; set; }

        /// <summary>A copy asking for <paramref name="scopes"/>.</summary>
        internal ConnectOptions WithScopes(IReadOnlyList<string> scopes)
        {
            var copy = (ConnectOptions)MemberwiseClone();
            copy.Scopes = scopes;
            return copy;
        }
    }
}
