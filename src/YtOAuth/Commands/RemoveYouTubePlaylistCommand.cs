using System.Management.Automation;

namespace YtOAuth.Commands
{
    /// <summary>Deletes playlists (their videos stay); from the pipeline: playlist ids or playlists. Asks first (High impact).</summary>
    [Cmdlet(VerbsCommon.Remove, "YouTubePlaylist", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveYouTubePlaylistCommand : YtOAuthChangeCmdlet
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
        protected override void ProcessRecord() =>
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.Playlist(this, InputObject!), "playlist", _ => "Delete the playlist (its videos stay)",
                async (editor, id, cancel) =>
                {
                    await editor.DeletePlaylistAsync(id, cancel).ConfigureAwait(false);
                    return null;
                }, Force);
    }
}
