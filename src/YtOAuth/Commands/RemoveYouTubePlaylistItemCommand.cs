using System.Management.Automation;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Removes entries from their playlists (the videos stay); from the pipeline: playlist items (Get-YouTubePlaylistItem's)
    /// or their ids. Asks first (High impact).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "YouTubePlaylistItem", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveYouTubePlaylistItemCommand : YtOAuthChangeCmdlet
    {
        /// <summary>Playlist items by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Playlist items from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        /// <summary>Playlist item ids (the Id of Get-YouTubePlaylistItem's objects, not the video id).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("PlaylistItemId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>What is piped in: playlist items or their ids.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.PlaylistItem(this, InputObject!), "playlist item",
                _ => "Remove the entry from its playlist (the video stays)",
                async (editor, id, cancel) =>
                {
                    await editor.RemovePlaylistItemAsync(id, cancel).ConfigureAwait(false);
                    return null;
                }, Force);
    }
}
