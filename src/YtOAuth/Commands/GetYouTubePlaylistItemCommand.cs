using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>The items of playlists, in order; from the pipeline: playlist ids, playlists, or channels (their uploads).</summary>
    [Cmdlet(VerbsCommon.Get, "YouTubePlaylistItem", DefaultParameterSetName = PlaylistIdSet, SupportsPaging = true)]
    [OutputType(typeof(YouTubePlaylistItem))]
    public sealed class GetYouTubePlaylistItemCommand : YtOAuthCmdlet
    {
        /// <summary>Playlists by id.</summary>
        public const string PlaylistIdSet = "PlaylistId";
        /// <summary>Playlists from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        /// <summary>Playlist ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PlaylistIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] PlaylistId { get; set; } = new string[0];

        /// <summary>
        /// What is piped in: playlist ids, playlists, channels (their uploads playlist), or objects with a PlaylistId or
        /// UploadsPlaylistId property (a CSV row). Anything else is refused.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                var piped = Piped(InputObject!);
                if (piped == null)
                {
                    return;
                }

                PlaylistId = new[] { piped };
            }

            var skip = PagingParameters.Skip;
            var limit = PagingParameters.First == ulong.MaxValue ? (int?)null : (int)System.Math.Min(int.MaxValue, skip + PagingParameters.First);
            try
            {
                var youtube = ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                foreach (var playlist in PlaylistId)
                {
                    try
                    {
                        ulong index = 0;
                        Pump((emit, cancel) => youtube.ListPlaylistItemsAsync(new PlaylistItemQuery { PlaylistId = playlist, Limit = limit }, new ListingSink<PlaylistItem>(item =>
                        {
                            if (index++ >= skip)
                            {
                                emit(new YouTubePlaylistItem(item));
                            }
                        }), cancel));
                    }
                    catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
                    {
                        Report(e); // one playlist failed; the next one is still listed
                    }
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e); // quota, grant or network: the next playlist would fail the same way
            }

            CompleteProgress();
        }

        /// <summary>The playlist a piped object stands for, or null (refused) when it stands for none.</summary>
        private string? Piped(PSObject input)
        {
            const string Takes = "playlist ids, playlists and channels";
            switch (input.BaseObject)
            {
                case string id:
                    return id;
                case YouTubePlaylist playlist:
                    return playlist.Id;
                case YouTubeChannel channel when !string.IsNullOrEmpty(channel.UploadsPlaylistId):
                    return channel.UploadsPlaylistId;
                case YouTubeVideo _:
                case YouTubePlaylistItem _:
                    RefuseInput(input, Takes, "Pipe a playlist, or give its id: Get-YouTubePlaylistItem -PlaylistId <id>.");
                    return null;
                case PSCustomObject _ when PipedProperty(input, "PlaylistId", "UploadsPlaylistId") is string id:
                    return id;
                default:
                    RefuseInput(input, Takes + " (or objects with a PlaylistId property)");
                    return null;
            }
        }
    }
}
