using System.Linq;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Sets videos' custom thumbnail from a JPEG or PNG file; writes the new thumbnail's address.</summary>
    [Cmdlet(VerbsCommon.Set, "YouTubeThumbnail", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class SetYouTubeThumbnailCommand : YtOAuthCmdlet
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

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var videos = ParameterSetName == IdSet ? PipedResource.Ids(VideoId) : PipedResource.Video(this, InputObject!);
            try
            {
                var image = ResolveFilePath(Path, "a JPEG or PNG thumbnail");
                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                foreach (var (id, title) in videos)
                {
                    if (!ConfirmChange(PipedResource.Describe("video", id, title, Profile), "Set the thumbnail to '" + image + "'"))
                    {
                        continue;
                    }

                    try
                    {
                        WriteObject(Run(cancel => editor.SetThumbnailAsync(id, image, cancel)));
                    }
                    catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
                    {
                        Report(e); // this video failed; the next one still gets the thumbnail
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
