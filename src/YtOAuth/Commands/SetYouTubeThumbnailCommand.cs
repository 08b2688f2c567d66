using System.Management.Automation;
using YtOAuth.Engine;

namespace YtOAuth.Commands
{
    /// <summary>Sets videos' custom thumbnail from a JPEG or PNG file; writes the new thumbnail's address.</summary>
    [Cmdlet(VerbsCommon.Set, "YouTubeThumbnail", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class SetYouTubeThumbnailCommand : YtOAuthChangeCmdlet
    {
        /// <summary>Videos by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Videos from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        /// <summary>Video ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] VideoId { get; set; } = new string[0];

        /// <summary>What is piped in: video ids, videos (Publish-YouTubeVideo's, Get-YouTubeVideo's), or objects with a VideoId property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The JPEG or PNG file (at most 2 MiB; 1280x720 is usual).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        private string image = string.Empty;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            try
            {
                image = ResolveFilePath(Path, "a JPEG or PNG thumbnail");
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(VideoId) : PipedResource.Video(this, InputObject!), "video", _ => "Set the thumbnail to '" + image + "'",
                async (editor, id, cancel) => await editor.SetThumbnailAsync(id, image, cancel).ConfigureAwait(false));
    }
}
