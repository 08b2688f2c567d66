using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Adds videos to a playlist, at the end or from -Position on, in the order given; writes the new entries. From the
    /// pipeline: video ids, videos (Publish-YouTubeVideo's, Get-YouTubeVideo's) or playlist items (their video).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "YouTubePlaylistItem", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubePlaylistItem))]
    public sealed class AddYouTubePlaylistItemCommand : YtOAuthChangeCmdlet
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
        protected override void ProcessRecord() =>
            // Each video goes after the one added before it, so piped videos keep their order.
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(VideoId) : PipedResource.Video(this, InputObject!), "video",
                _ => "Add to playlist " + PlaylistId + (Position.HasValue ? " at position " + (Position + added) : string.Empty),
                async (editor, id, cancel) =>
                {
                    var item = await editor.AddPlaylistItemAsync(PlaylistId, id, Position + added, cancel).ConfigureAwait(false);
                    added++;
                    return new YouTubePlaylistItem(item);
                });

        /// <inheritdoc />
        /// <remarks>A playlist that is not there ends the command: every next video would meet it too.</remarks>
        protected override bool ConcernsOnlyThisTarget(YtOAuthException e) => e.ConcernsOnlyThisItem && e.Target != PlaylistId;
    }
}
