using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Videos by id, with their statistics and content details; from the pipeline: video ids, videos, or playlist items (their video).</summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeVideo", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(YouTubeVideo))]
    public sealed class GetYouTubeVideoCommand : YtOAuthCmdlet
    {
        /// <summary>Videos by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Videos from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private readonly List<string> ids = new List<string>();

        /// <summary>Video ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// What is piped in: video ids, videos, playlist items (their VideoId, not the item's own Id; a deleted entry
        /// has none and is skipped), or objects with a VideoId property (a CSV row). Anything else is refused.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Fetched 50 a call at the end.
            if (ParameterSetName == IdSet)
            {
                ids.AddRange(Id);
                return;
            }

            switch (InputObject?.BaseObject)
            {
                case string id:
                    ids.Add(id);
                    break;
                case YouTubeVideo video:
                    ids.Add(video.Id);
                    break;
                case YouTubePlaylistItem item:
                    if (!string.IsNullOrEmpty(item.VideoId))
                    {
                        ids.Add(item.VideoId!);
                    }

                    break;
                case YouTubePlaylist _:
                    RefuseInput(InputObject!, "video ids, videos and playlist items",
                        "A playlist is not a video; for its videos, list its items first: Get-YouTubePlaylist | Get-YouTubePlaylistItem | Get-YouTubeVideo.");
                    break;
                case YouTubeChannel _:
                    RefuseInput(InputObject!, "video ids, videos and playlist items",
                        "For a channel's uploads: Get-YouTubeChannel | Get-YouTubePlaylistItem | Get-YouTubeVideo.");
                    break;
                case PSCustomObject _ when InputObject!.Properties["VideoId"] != null:
                    var piped = PipedProperty(InputObject, "VideoId");
                    if (piped != null)
                    {
                        ids.Add(piped); // a row without a video id (a deleted entry) is skipped, as the item itself would be
                    }

                    break;
                default:
                    RefuseInput(InputObject!, "video ids, videos and playlist items (or objects with a VideoId property)");
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var youtube = ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                // An unknown id is one failed item: a non-terminating error; the others are still written.
                Pump((emit, cancel) => youtube.ListVideosAsync(new VideoQuery { Ids = ids }, new ListingSink<Video>(video => emit(new YouTubeVideo(video))) { OnNotFound = emit }, cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
