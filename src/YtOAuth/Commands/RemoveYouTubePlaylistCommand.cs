using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>Deletes playlists (their videos stay); from the pipeline: playlist ids or playlists. Asks first (High impact).</summary>
    [Cmdlet(VerbsCommon.Remove, "YouTubePlaylist", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveYouTubePlaylistCommand : YtOAuthCmdlet
    {
        /// <summary>Playlists by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Playlists from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        /// <summary>Playlist ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("PlaylistId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>What is piped in: playlist ids, playlists, or objects with a PlaylistId property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var playlists = ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.Playlist(this, InputObject!);
            try
            {
                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                foreach (var (id, title) in playlists)
                {
                    var target = PipedResource.Describe("playlist", id, title, Profile);
                    if (!ConfirmChange(target, "Delete the playlist (its videos stay)", Force))
                    {
                        continue;
                    }

                    try
                    {
                        Run(async cancel =>
                        {
                            await editor.DeletePlaylistAsync(id, cancel).ConfigureAwait(false);
                            return true;
                        });
                        WriteVerbose("Deleted " + target + ".");
                    }
                    catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
                    {
                        Report(e); // this playlist failed; the next one is still deleted
                    }
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
