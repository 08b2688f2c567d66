using System.Management.Automation;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Changes playlists' title, description or privacy (what is not given stays); from the pipeline: playlist ids or playlists.</summary>
    [Cmdlet(VerbsCommon.Set, "YouTubePlaylist", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubePlaylist))]
    public sealed class SetYouTubePlaylistCommand : YtOAuthChangeCmdlet
    {
        /// <summary>Playlists by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Playlists from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private static readonly string[] Changes = { nameof(Title), nameof(Description), nameof(Privacy) };

        /// <summary>Playlist ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("PlaylistId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>What is piped in: playlist ids, playlists, or objects with a PlaylistId property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>New title.</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>New description.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>private, unlisted or public.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PrivacyCompleter))]
        public string? Privacy { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => RequireAnyOf(Changes);

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.Playlist(this, InputObject!), "playlist", _ => "Change " + Given(Changes),
                async (editor, id, cancel) => new YouTubePlaylist(await editor.UpdatePlaylistAsync(id, new PlaylistChange { Title = Title, Description = Description, Privacy = Privacy },
                    cancel).ConfigureAwait(false)));
    }
}
