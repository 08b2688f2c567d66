using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Videos by id, with their statistics and content details; ids from the pipeline (playlist items, say).</summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeVideo", DefaultParameterSetName = "Id")]
    [OutputType(typeof(YouTubeVideo))]
    public sealed class GetYouTubeVideoCommand : YtOAuthCmdlet
    {
        private readonly List<string> ids = new List<string>();

        /// <summary>Video ids, from the argument or piped as strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// The VideoId of piped objects (Get-YouTubePlaylistItem's). Kept apart from -Id because a playlist item's own Id
        /// names the entry, not the video; an entry without a video id is skipped.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "VideoId")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] VideoId { get; set; } = new string?[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Fetched 50 a call at the end.
            foreach (var id in ParameterSetName == "Id" ? Id : VideoId ?? new string?[0])
            {
                if (!string.IsNullOrEmpty(id))
                {
                    ids.Add(id!);
                }
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var youtube = ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                Pump((emit, cancel) => youtube.ListVideosAsync(ids, video => emit(new YouTubeVideo(video)), emit, cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
