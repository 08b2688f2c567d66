using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// Keeps each profile's record as one secret ("YtOAuth.&lt;profile&gt;") in a Microsoft.PowerShell.SecretManagement
    /// vault. It runs the SecretManagement commands in a runspace of its own, never the caller's: the engine calls
    /// it from worker threads. That runspace has no host, so a vault that wants a password fails instead of
    /// prompting and hanging an unattended script. The cross-process refresh lock is a lock file per profile.
    /// </summary>
    internal sealed class VaultTokenStore : ITokenStore, IDisposable
    {
        internal const string SecretPrefix = "YtOAuth.";
        private const string SetupAdvice =
            "Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore -Scope CurrentUser; " +
            "Register-SecretVault -Name YtOAuth -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault; " +
            "Set-SecretStoreConfiguration -Authentication None -Interaction None (for unattended use). " +
            "Or keep the grant in memory for this session only with Connect-YouTube -ContextScope Process.";

        private readonly object gate = new object();
        private readonly string? requestedVault;
        private Runspace? runspace;
        private string? vault;

        public VaultTokenStore(string? vaultName)
        {
            requestedVault = vaultName;
        }

        /// <summary>The vault in use (resolving the default vault on first use).</summary>
        public string VaultName => vault ?? Invoke(_ => { }, resolveOnly: true).Vault;

        public string Description => "SecretManagement vault '" + VaultName + "'";

        public Task<TokenRecord?> ReadAsync(string profile, CancellationToken cancellationToken)
        {
            var name = SecretPrefix + ProfileName.Validate(profile);
            var result = Invoke(ps => ps.AddCommand("Get-Secret").AddParameter("Name", name).AddParameter("Vault", vault).AddParameter("AsPlainText")
                .AddParameter("ErrorAction", "SilentlyContinue"));
            var json = result.Output.Select(o => o?.BaseObject as string).FirstOrDefault(s => s != null);
            return Task.FromResult(json == null ? null : TokenRecord.Deserialize(json, "secret '" + name + "' in vault '" + vault + "'"));
        }

        public Task WriteAsync(TokenRecord record, CancellationToken cancellationToken)
        {
            var name = SecretPrefix + ProfileName.Validate(record.Profile);
            // SecretManagement replaces the secret whole; a failed Set-Secret leaves the previous value.
            Invoke(ps => ps.AddCommand("Set-Secret").AddParameter("Name", name).AddParameter("Secret", record.Serialize()).AddParameter("Vault", vault)
                .AddParameter("ErrorAction", "Stop"));
            return Task.CompletedTask;
        }

        public async Task<bool> DeleteAsync(string profile, CancellationToken cancellationToken)
        {
            if (await ReadAsync(profile, cancellationToken).ConfigureAwait(false) == null)
            {
                return false;
            }

            Invoke(ps => ps.AddCommand("Remove-Secret").AddParameter("Name", SecretPrefix + profile).AddParameter("Vault", vault).AddParameter("ErrorAction", "Stop"));
            return true;
        }

        public Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken)
        {
            var result = Invoke(ps => ps.AddCommand("Get-SecretInfo").AddParameter("Name", SecretPrefix + "*").AddParameter("Vault", vault)
                .AddParameter("ErrorAction", "SilentlyContinue"));
            IReadOnlyList<string> names = result.Output
                .Select(o => o?.Properties["Name"]?.Value as string)
                .Where(n => n != null && n.StartsWith(SecretPrefix, StringComparison.Ordinal))
                .Select(n => n!.Substring(SecretPrefix.Length))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(names);
        }

        public Task<IDisposable> LockAsync(string profile, CancellationToken cancellationToken)
        {
            var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "YtOAuth", "locks");
            Directory.CreateDirectory(folder);
            return FileLock.AcquireAsync(Path.Combine(folder, Safe(VaultName) + "." + ProfileName.Validate(profile) + ".lock"), FileLock.DefaultTimeout, cancellationToken);
        }

        public void Dispose()
        {
            lock (gate)
            {
                runspace?.Dispose();
                runspace = null;
            }
        }

        private (List<PSObject> Output, string Vault) Invoke(Action<PowerShell> build, bool resolveOnly = false)
        {
            lock (gate)
            {
                if (runspace == null)
                {
                    runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                    runspace.Open();
                    Run(ps => ps.AddCommand("Import-Module").AddParameter("Name", "Microsoft.PowerShell.SecretManagement").AddParameter("ErrorAction", "Stop"),
                        "Microsoft.PowerShell.SecretManagement is not installed.");
                }

                if (vault == null)
                {
                    var vaults = Run(ps => ps.AddCommand("Get-SecretVault").AddParameter("ErrorAction", "Stop"), "SecretManagement could not list vaults.");
                    var match = vaults.FirstOrDefault(v => requestedVault == null
                        ? v.Properties["IsDefault"]?.Value is bool isDefault && isDefault
                        : string.Equals(v.Properties["Name"]?.Value as string, requestedVault, StringComparison.OrdinalIgnoreCase));
                    vault = match?.Properties["Name"]?.Value as string
                        ?? throw VaultError(requestedVault == null ? "No default SecretManagement vault is registered." : "No SecretManagement vault named '" + requestedVault + "' is registered.", null);
                }

                return (resolveOnly ? new List<PSObject>() : Run(build, "The vault '" + vault + "' failed."), vault);
            }
        }

        private List<PSObject> Run(Action<PowerShell> build, string what)
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                build(ps);
                try
                {
                    var output = ps.Invoke().ToList();
                    if (ps.HadErrors && ps.Streams.Error.Count > 0 && ps.Streams.Error[0].Exception is Exception error && !(error is ItemNotFoundException))
                    {
                        throw error;
                    }

                    return output;
                }
                catch (Exception e) when (!(e is YtOAuthException))
                {
                    var prompt = e is PSInvalidOperationException || e.Message.IndexOf("prompt", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                 e.Message.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0;
                    if (prompt)
                    {
                        throw new YtOAuthException(ErrorCode.StoreUnavailable,
                            "The vault '" + vault + "' wants a password or confirmation, and YtOAuth never prompts from the vault. Unlock it first (Unlock-SecretStore), " +
                            "or configure it for unattended use: Set-SecretStoreConfiguration -Authentication None -Interaction None.", vault, e);
                    }

                    throw VaultError(what + " (" + e.Message + ")", e);
                }
            }
        }

        private static YtOAuthException VaultError(string problem, Exception? inner) =>
            new YtOAuthException(ErrorCode.StoreUnavailable, problem + " To keep YouTube grants in a vault: " + SetupAdvice, "SecretManagement", inner);

        private static string Safe(string name) => new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
    }
}
