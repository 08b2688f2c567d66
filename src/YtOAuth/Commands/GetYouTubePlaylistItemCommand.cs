using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>The items of playlists, in order; playlists from the pipeline (Get-YouTubePlaylist, a channel's UploadsPlaylistId).</summary>
    [Cmdlet(VerbsCommon.Get, "YouTubePlaylistItem", SupportsPaging = true)]
    [OutputType(typeof(YouTubePlaylistItem))]
    public sealed class GetYouTubePlaylistItemCommand : YtOAuthCmdlet
    {
        /// <summary>Playlist ids; from the pipeline as strings, or objects with a PlaylistId, UploadsPlaylistId or Id property.</summary>
        // PowerShell tries the aliases in this order: a channel's UploadsPlaylistId must win over its own Id.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UploadsPlaylistId", "Id")]
        [ValidateNotNullOrEmpty]
        public string[] PlaylistId { get; set; } = new string[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
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
                        Pump((emit, cancel) => youtube.ListPlaylistItemsAsync(playlist, limit, item =>
                        {
                            if (index++ >= skip)
                            {
                                emit(new YouTubePlaylistItem(item));
                            }
                        }, cancel));
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
    }
}
