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
        // The exact lines that set up a vault on a fresh home without a prompt: the -Password only creates the store,
        // and with -Authentication None it is never asked for again (an empty one is refused, hence a generated one).
        internal const string SetupCommands =
            "Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None -Confirm:$false " +
            "-Password (ConvertTo-SecureString ([guid]::NewGuid()) -AsPlainText -Force); " +
            "Register-SecretVault -Name YtOAuth -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault -AllowClobber";
        private const string SetupAdvice =
            "Install Microsoft.PowerShell.SecretManagement and Microsoft.PowerShell.SecretStore (Install-PSResource, or Install-Module ... -Scope CurrentUser), then run: " +
            SetupCommands + ". Or keep the grant in memory for this session only with Connect-YouTube -ContextScope Process.";

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
                .AddParameter("ErrorAction", "Stop"));
            var json = result.Output.Select(o => o?.BaseObject as string).FirstOrDefault(s => s != null);
            return Task.FromResult(json == null ? null : TokenRecord.Deserialize(json, profile, "secret '" + name + "' in vault '" + vault + "'"));
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
                .AddParameter("ErrorAction", "Stop"));
            var names = ProfileName.FromStoredNames(result.Output.Select(o => o?.Properties["Name"]?.Value as string), SecretPrefix, string.Empty);
            return Task.FromResult(names);
        }

        public Task<IDisposable> LockAsync(string profile, CancellationToken cancellationToken)
        {
            var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "YtOAuth", "locks");
            return FileLock.ForProfileAsync(folder, profile, cancellationToken, qualifier: Safe(VaultName) + ".");
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

                return (resolveOnly ? new List<PSObject>() : Run(build, "The vault '" + vault + "' failed.", setupProblem: false), vault);
            }
        }

        /// <summary>Runs one SecretManagement command. A failure says what failed; only a missing module or vault gets the set-up lines.</summary>
        private List<PSObject> Run(Action<PowerShell> build, string what, bool setupProblem = true)
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                build(ps);
                try
                {
                    return ps.Invoke().ToList();
                }
                catch (Exception e) when (!(e is YtOAuthException))
                {
                    // -ErrorAction Stop wraps the vault's own error; "not found" only means no record.
                    var error = (e as ActionPreferenceStopException)?.ErrorRecord?.Exception ?? (e as RuntimeException)?.ErrorRecord?.Exception ?? e;
                    if (error is ItemNotFoundException)
                    {
                        return new List<PSObject>();
                    }

                    var prompt = error is PSInvalidOperationException || error.Message.IndexOf("prompt", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                 error.Message.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0;
                    if (prompt)
                    {
                        throw new YtOAuthException(ErrorCode.StoreUnavailable,
                            "The vault '" + vault + "' wants a password or confirmation, and YtOAuth never prompts from the vault. Unlock it first (Unlock-SecretStore), " +
                            "or configure it for unattended use: Set-SecretStoreConfiguration -Scope CurrentUser -Authentication None -Interaction None -Password <its current password>.", vault, error);
                    }

                    if (!setupProblem)
                    {
                        // The vault is there and answered with an error (a full disk, a read-only store): SecretManagement
                        // replaces a secret whole, so what was stored before is unchanged.
                        throw new YtOAuthException(ErrorCode.StoreUnavailable,
                            what + " (" + error.Message + ") What it held before is unchanged. Fix the vault, or name another with -Vault, and run the command again.", vault, error);
                    }

                    throw VaultError(what + " (" + error.Message + ")", error);
                }
            }
        }

        private static YtOAuthException VaultError(string problem, Exception? inner) =>
            new YtOAuthException(ErrorCode.StoreUnavailable, problem + " To keep YouTube grants in a vault: " + SetupAdvice, "SecretManagement", inner);

        private static string Safe(string name) => new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
    }
}
