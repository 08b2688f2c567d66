using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// The current profile's context (or -Profile's, or every stored one): account, scopes, consent age, expiry. Never a
    /// secret. Writes nothing when the profile is not connected, as Get-MgContext does, so that
    /// <c>if (-not (Get-YouTubeContext))</c> asks "am I connected?".
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeContext")]
    [OutputType(typeof(YouTubeContext))]
    public sealed class GetYouTubeContextCommand : YtOAuthCmdlet
    {
        /// <summary>List every stored profile instead of one.</summary>
        [Parameter]
        public SwitchParameter ListAvailable { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                if (!ListAvailable)
                {
                    WriteCurrent();
                    return;
                }

                foreach (var info in Run(cancel => ModuleState.Process.GetProfilesAsync(cancel)))
                {
                    WriteObject(new YouTubeContext(info, ContextScope.Process, null));
                }

                try
                {
                    var vault = ModuleState.Vault(Vault);
                    var vaultName = vault.Store.VaultName;
                    foreach (var info in Run(cancel => vault.Engine.GetProfilesAsync(cancel)))
                    {
                        WriteObject(new YouTubeContext(info, ContextScope.CurrentUser, vaultName));
                    }
                }
                catch (YtOAuthException e) when (e.Code == ErrorCode.StoreUnavailable && !VaultNamed)
                {
                    // Without SecretManagement there is only this session's memory to list.
                    WriteVerbose(e.Message);
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <summary>-Vault given on the command line: a vault that is not there is then an error, not "not connected".</summary>
        private bool VaultNamed => MyInvocation.BoundParameters.ContainsKey(nameof(Vault));

        private string ConnectHint => ErrorIds.Render(new Remedy(RemedyKind.Connect, Profile))!;

        private void WriteCurrent()
        {
            try
            {
                var (engine, scope, vault) = ModuleState.ForProfile(Profile, Vault);
                var info = Run(cancel => engine.GetProfileAsync(Profile, cancel));
                if (info != null)
                {
                    WriteObject(new YouTubeContext(info, scope, vault));
                    return;
                }

                WriteVerbose(EngineErrors.NotConnected(Profile, engine.Store.Description).Message + " " + ConnectHint);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.StoreUnavailable && !VaultNamed)
            {
                // No vault to look in: not connected either.
                WriteVerbose("Profile '" + Profile + "' is not connected in this session, and there is no vault to look in (" + e.Message + ") " + ConnectHint);
            }
        }
    }
}
