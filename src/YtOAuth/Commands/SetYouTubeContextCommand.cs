using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Makes a stored profile this session's current one: the commands that follow use it when they are given no
    /// -Profile, as Set-AzContext does for Az. Connect-YouTube makes the profile it connects current by itself.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "YouTubeContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(YouTubeContext))]
    public sealed class SetYouTubeContextCommand : YtOAuthCmdlet
    {
        /// <summary>Write the context that became current (silent by default).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                if (!MyInvocation.BoundParameters.ContainsKey(nameof(Profile)))
                {
                    Fail(new YtOAuthException(ErrorCode.InvalidArgument,
                        "Name the profile to make current: Set-YouTubeContext -Profile <name>. Get-YouTubeContext -ListAvailable lists the stored ones."));
                }

                // The profile must exist where the commands that follow will look for it, or they would all fail later.
                var (engine, scope, vault) = ModuleState.ForProfile(Profile, Vault);
                var info = Run(cancel => engine.GetProfileAsync(Profile, cancel));
                if (info == null)
                {
                    Fail(EngineErrors.NotConnected(Profile, engine.Store.Description));
                }

                if (!ShouldProcess("profile '" + Profile + "' in " + engine.Store.Description, "Make the current YouTube profile of this session"))
                {
                    return;
                }

                ModuleState.MakeCurrent(Profile, Vault);
                if (PassThru)
                {
                    WriteObject(new YouTubeContext(info!, scope, vault));
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
