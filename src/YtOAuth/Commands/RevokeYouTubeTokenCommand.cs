using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Revokes a profile's grant at Google, then removes it from the store. When Google cannot confirm (network,
    /// server error) the stored grant is kept and the error says so.
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "YouTubeToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Output.YouTubeContext))]
    public sealed class RevokeYouTubeTokenCommand : YtOAuthCmdlet
    {
        /// <summary>Revoke without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the context of the revoked profile (silent by default).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var (engine, scope, vault) = ModuleState.ForProfile(Profile, Vault);
                var info = Run(cancel => engine.GetProfileAsync(Profile, cancel));
                if (info == null)
                {
                    Report(EngineErrors.NotConnected(Profile, engine.Store.Description));
                    return;
                }

                var target = "profile '" + Profile + "' (" + (info.AccountLabel ?? "unknown channel") + ") in " + engine.Store.Description;
                if (!ConfirmChange(target, "Revoke the YouTube grant at Google and remove it", Force))
                {
                    return;
                }

                Run(cancel => engine.RevokeAsync(Profile, cancel));
                ModuleState.Forget(Profile);
                WriteVerbose("Revoked and removed " + target + ".");
                if (PassThru)
                {
                    WriteObject(new Output.YouTubeContext(info, scope, vault));
                }
            }
            catch (YtOAuthException e)
            {
                Report(e);
            }
        }
    }
}
