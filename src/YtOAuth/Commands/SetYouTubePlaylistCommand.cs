using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Changes playlists' title, description or privacy (what is not given stays); from the pipeline: playlist ids or playlists.</summary>
    [Cmdlet(VerbsCommon.Set, "YouTubePlaylist", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubePlaylist))]
    public sealed class SetYouTubePlaylistCommand : YtOAuthCmdlet
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
        protected override void BeginProcessing()
        {
            // Every call reads the playlist and writes it back (51 units): one that changes nothing is refused before it costs.
            if (!Changes.Any(MyInvocation.BoundParameters.ContainsKey))
            {
                Fail(new YtOAuthException(ErrorCode.InvalidArgument, "Say what to change: -" + string.Join(", -", Changes) + "."));
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var playlists = ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.Playlist(this, InputObject!);
            try
            {
                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                foreach (var (id, title) in playlists)
                {
                    if (!ConfirmChange(PipedResource.Describe("playlist", id, title, Profile), "Change " + string.Join(", ", Changes.Where(MyInvocation.BoundParameters.ContainsKey))))
                    {
                        continue;
                    }

                    try
                    {
                        var change = new PlaylistChange { Title = Title, Description = Description, Privacy = Privacy };
                        WriteObject(new YouTubePlaylist(Run(cancel => editor.UpdatePlaylistAsync(id, change, cancel))));
                    }
                    catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
                    {
                        Report(e); // this playlist failed; the next one is still changed
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
