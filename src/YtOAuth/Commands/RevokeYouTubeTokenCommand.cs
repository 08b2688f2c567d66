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
                    Report(new YtOAuthException(ErrorCode.NoStoredGrant, "No YouTube grant is stored for profile '" + Profile + "' in " + StoreName(vault) + "; there is nothing to revoke.", Profile));
                    return;
                }

                var target = "profile '" + Profile + "' (" + (info.AccountLabel ?? "unknown channel") + ") in " + StoreName(vault);
                var whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf");
                var why = Interactivity.WhyUnattended(Host);
                if (why != null && !whatIf && !Force && WouldConfirm())
                {
                    // A confirmation prompt in an unattended session would fail or hang: say what to pass instead.
                    Report(new YtOAuthException(ErrorCode.InteractionRequired,
                        "Revoke-YouTubeToken asks for confirmation, and this session is unattended (" + why + "). Pass -Force (or -Confirm:$false) to revoke " + target + ".", Profile));
                    return;
                }

                if (!(Force && !whatIf) && !ShouldProcess(target, "Revoke the YouTube grant at Google and remove it"))
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

        /// <summary>Whether ShouldProcess would prompt: -Confirm given, or $ConfirmPreference at or below High.</summary>
        private bool WouldConfirm()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter switchValue)
            {
                return switchValue.IsPresent;
            }

            return !(GetVariableValue("ConfirmPreference") is ConfirmImpact preference) || (preference != ConfirmImpact.None && preference <= ConfirmImpact.High);
        }
    }
}
