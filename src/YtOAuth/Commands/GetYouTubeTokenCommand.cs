using System;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// A valid access token for a profile, refreshed from the stored refresh token when due. Never prompts:
    /// with no stored grant it fails at once and names the Connect-YouTube command to run.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeToken")]
    [OutputType(typeof(YouTubeAccessToken))]
    [OutputType(typeof(string))]
    [OutputType(typeof(System.Security.SecureString))]
    public sealed class GetYouTubeTokenCommand : YtOAuthCmdlet
    {
        /// <summary>Write the token as plain text instead of an object holding a SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        /// <summary>The refresh token instead: the grant itself, to carry to a server or a CI secret.</summary>
        [Parameter]
        public SwitchParameter RefreshToken { get; set; }

        /// <summary>Refresh even if the current token is still valid.</summary>
        [Parameter]
        public SwitchParameter ForceRefresh { get; set; }

        /// <summary>The token must stay valid at least this many seconds.</summary>
        [Parameter]
        [ValidateRange(0, 3500)]
        [PSDefaultValue(Value = "0")]
        public int MinimumValiditySec { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var (engine, _, _) = ModuleState.ForProfile(Profile, Vault);
                if (RefreshToken)
                {
                    var refresh = Run(cancel => engine.GetRefreshTokenAsync(Profile, cancel));
                    WriteObject(AsPlainText ? (object)refresh : Output.YouTubeAccessToken.ToSecureString(refresh));
                    return;
                }

                var token = Run(cancel => engine.GetAccessTokenAsync(Profile, TimeSpan.FromSeconds(MinimumValiditySec), ForceRefresh, cancel));
                if (AsPlainText)
                {
                    WriteObject(token.Token);
                }
                else
                {
                    WriteObject(new YouTubeAccessToken(token));
                }
            }
            catch (YtOAuthException e)
            {
                Report(e);
            }
        }
    }
}
