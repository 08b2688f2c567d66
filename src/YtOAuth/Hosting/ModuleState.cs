using System;
using System.Collections.Concurrent;
using YtOAuth.Engine;
using YtOAuth.Engine.Tokens;
using YtOAuth.Output;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// The engines of this PowerShell session, shared by every command so that caches and single-flight refresh
    /// span commands: one over memory (ContextScope Process) and one per SecretManagement vault.
    /// </summary>
    internal static class ModuleState
    {
        private static Lazy<AuthEngine> processEngine = NewProcessEngine();
        private static readonly ConcurrentDictionary<string, Lazy<(AuthEngine Engine, VaultTokenStore Store)>> VaultEngines =
            new ConcurrentDictionary<string, Lazy<(AuthEngine, VaultTokenStore)>>(StringComparer.OrdinalIgnoreCase);

        // Profiles connected with -ContextScope Process in this session live only in memory.
        private static readonly ConcurrentDictionary<string, bool> ProcessProfiles = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        // The profile commands use when -Profile is not given: the one connected or selected last in this session.
        private static (string Profile, string? Vault)? current;

        public static AuthEngine Process => processEngine.Value;

        /// <summary>
        /// The profile and vault a command works with: -Profile and -Vault when given; otherwise this session's current
        /// profile (Connect-YouTube or Set-YouTubeContext made it so) with its vault, and "default" when there is none.
        /// -Vault alone keeps the current profile's name.
        /// </summary>
        public static (string Profile, string? Vault) Resolve(string? profile, string? vault)
        {
            if (profile != null)
            {
                return (profile, vault);
            }

            var now = current;
            return now == null ? (ProfileName.Default, vault) : (now.Value.Profile, vault ?? now.Value.Vault);
        }

        /// <summary>The current profile of this session, or null when none was connected or selected.</summary>
        public static (string Profile, string? Vault)? Current => current;

        /// <summary>Makes <paramref name="profile"/> (in <paramref name="vault"/>, null for the default one or memory) current.</summary>
        public static void MakeCurrent(string profile, string? vault) => current = (profile, vault);

        /// <summary>The names of the profiles connected in this session's memory.</summary>
        public static System.Collections.Generic.IEnumerable<string> ProcessProfileNames => ProcessProfiles.Keys;

        /// <summary>The engine for a new connection.</summary>
        public static (AuthEngine Engine, string? Vault) ForConnect(ContextScope scope, string? vault)
        {
            if (scope == ContextScope.Process)
            {
                return (Process, null);
            }

            var entry = Vault(vault);
            return (entry.Engine, entry.Store.VaultName);
        }

        /// <summary>Records where a profile was connected, once the connection succeeded.</summary>
        public static void Connected(string profile, ContextScope scope)
        {
            if (scope == ContextScope.Process)
            {
                ProcessProfiles[profile] = true;
            }
            else
            {
                ProcessProfiles.TryRemove(profile, out _);
            }
        }

        /// <summary>The engine that holds <paramref name="profile"/>: this session's memory if it was connected there, else the vault.</summary>
        public static (AuthEngine Engine, ContextScope Scope, string? Vault) ForProfile(string profile, string? vault)
        {
            if (vault == null && ProcessProfiles.ContainsKey(profile))
            {
                return (Process, ContextScope.Process, null);
            }

            var entry = Vault(vault);
            return (entry.Engine, ContextScope.CurrentUser, entry.Store.VaultName);
        }

        /// <summary>Forgets that a profile lived in memory.</summary>
        public static void Forget(string profile)
        {
            ProcessProfiles.TryRemove(profile, out _);
            if (current?.Profile == profile)
            {
                current = null; // a forgotten profile cannot stay current: commands fall back to "default"
            }
        }

        /// <summary>The vault engine without resolving anything yet.</summary>
        public static (AuthEngine Engine, VaultTokenStore Store) Vault(string? vault) =>
            VaultEngines.GetOrAdd(vault ?? string.Empty, key => new Lazy<(AuthEngine, VaultTokenStore)>(() =>
            {
                var store = new VaultTokenStore(key.Length == 0 ? null : key);
                return (Create(store), store);
            })).Value;

        /// <summary>Releases every engine and vault runspace and forgets this session's grants (module removal).</summary>
        public static void Reset()
        {
            var old = System.Threading.Interlocked.Exchange(ref processEngine, NewProcessEngine());
            if (old.IsValueCreated)
            {
                old.Value.Dispose();
            }

            foreach (var entry in VaultEngines.Values)
            {
                if (entry.IsValueCreated)
                {
                    entry.Value.Engine.Dispose();
                    entry.Value.Store.Dispose();
                }
            }

            VaultEngines.Clear();
            ProcessProfiles.Clear();
            current = null;
        }

        private static Lazy<AuthEngine> NewProcessEngine() => new Lazy<AuthEngine>(() => Create(new MemoryTokenStore()));

        private static AuthEngine Create(ITokenStore store) => new AuthEngine(new AuthEngineOptions { Store = store });
    }
}
