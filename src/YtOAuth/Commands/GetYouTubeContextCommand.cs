using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Lists stored profiles: account, scopes, consent age, expiry. Never a secret.</summary>
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
                    var (engine, scope, vault) = ModuleState.ForProfile(Profile, Vault);
                    var info = Run(cancel => engine.GetProfileAsync(Profile, cancel));
                    if (info == null)
                    {
                        Fail(EngineErrors.NotConnected(Profile, engine.Store.Description));
                    }

                    WriteObject(new YouTubeContext(info!, scope, vault));
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
                catch (YtOAuthException e) when (e.Code == ErrorCode.StoreUnavailable && Vault == null)
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
    }
}
