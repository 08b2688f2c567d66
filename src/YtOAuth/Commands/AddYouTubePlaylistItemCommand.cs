using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Adds videos to a playlist, at the end or from -Position on, in the order given; writes the new entries. From the
    /// pipeline: video ids, videos (Publish-YouTubeVideo's, Get-YouTubeVideo's) or playlist items (their video).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "YouTubePlaylistItem", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubePlaylistItem))]
    public sealed class AddYouTubePlaylistItemCommand : YtOAuthCmdlet
    {
        /// <summary>Videos by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Videos from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private int added;

        /// <summary>The playlist to add to.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string PlaylistId { get; set; } = string.Empty;

        /// <summary>Video ids.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public string[] VideoId { get; set; } = new string[0];

        /// <summary>What is piped in: video ids, videos, playlist items (their video), or objects with a VideoId property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Where the first video goes (0 is the top); the next ones follow it. Without it, at the end.</summary>
        [Parameter]
        [PSDefaultValue(Value = "the end of the playlist")]
        public int? Position { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var videos = ParameterSetName == IdSet ? PipedResource.Ids(VideoId) : PipedResource.Video(this, InputObject!);
            try
            {
                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                foreach (var (id, title) in videos)
                {
                    // Each video goes after the one added before it, so piped videos keep their order.
                    var position = Position + added;
                    var where = position.HasValue ? " at position " + position : string.Empty;
                    if (!ConfirmChange(PipedResource.Describe("video", id, title, Profile), "Add to playlist " + PlaylistId + where))
                    {
                        continue;
                    }

                    try
                    {
                        WriteObject(new YouTubePlaylistItem(Run(cancel => editor.AddPlaylistItemAsync(PlaylistId, id, position, cancel))));
                        added++;
                    }
                    catch (YtOAuthException e) when (e.ConcernsOnlyThisItem && e.Target != PlaylistId)
                    {
                        Report(e); // this video failed; the next one is still added
                    }
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e); // the playlist is missing, or quota, grant, scope or network: the next video would fail the same way
            }
        }
    }
}
