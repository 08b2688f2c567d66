using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>Forgets a profile's grant locally without revoking it at Google (Revoke-YouTubeToken does both).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "YouTube", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Output.YouTubeContext))]
    public sealed class DisconnectYouTubeCommand : YtOAuthCmdlet
    {
        /// <summary>Write the context of the forgotten profile (silent by default).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var (engine, scope, vault) = ModuleState.ForProfile(Profile, Vault);
                var where = engine.Store.Description;
                if (!ConfirmChange("profile '" + Profile + "' in " + where, "Forget the stored YouTube grant (it stays valid at Google)"))
                {
                    return;
                }

                // Read the profile only for -PassThru: ForgetAsync already tells whether anything was stored.
                var info = PassThru ? Run(cancel => engine.GetProfileAsync(Profile, cancel)) : null;
                if (!Run(cancel => engine.ForgetAsync(Profile, cancel)))
                {
                    Report(EngineErrors.NotConnected(Profile, where));
                    return;
                }

                ModuleState.Forget(Profile);
                if (info != null)
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
