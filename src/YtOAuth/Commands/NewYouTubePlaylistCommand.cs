using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Creates a playlist on the connected channel (private unless told); writes it.</summary>
    [Cmdlet(VerbsCommon.New, "YouTubePlaylist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubePlaylist))]
    public sealed class NewYouTubePlaylistCommand : YtOAuthCmdlet
    {
        /// <summary>Title.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Title { get; set; } = string.Empty;

        /// <summary>Description.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>private, unlisted or public.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PrivacyCompleter))]
        [PSDefaultValue(Value = "private")]
        public string? Privacy { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                if (!ConfirmChange("playlist '" + Title + "' (" + (Privacy ?? "private") + ") on the channel of profile '" + Profile + "'", "Create the playlist"))
                {
                    return;
                }

                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                var change = new PlaylistChange { Title = Title, Description = Description, Privacy = Privacy };
                WriteObject(new YouTubePlaylist(Run(cancel => editor.CreatePlaylistAsync(change, cancel))));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
