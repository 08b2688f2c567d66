using System;
using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Uploads a video file with its metadata, then sets its thumbnail and adds it to a playlist; writes the video.
    /// The upload is resumable: the same command run again after a dropped network, Ctrl+C or a killed process
    /// continues from the bytes YouTube confirmed, and never makes a second video.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "YouTubeVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubeVideo))]
    public sealed class PublishYouTubeVideoCommand : YtOAuthChangeCmdlet
    {
        /// <summary>The video file (relative to the current location).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("FilePath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Title (1 to 100 characters).</summary>
        [Parameter(Mandatory = true)]
        public string Title { get; set; } = string.Empty;

        /// <summary>Description.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Tags.</summary>
        [Parameter]
        public string[]? Tags { get; set; }

        /// <summary>Category id (22 is People &amp; Blogs).</summary>
        [Parameter]
        public string? CategoryId { get; set; }

        /// <summary>private, unlisted or public.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PrivacyCompleter))]
        [PSDefaultValue(Value = "private")]
        public string? Privacy { get; set; }

        /// <summary>When the (private) video turns public by itself.</summary>
        [Parameter]
        public DateTime? PublishAt { get; set; }

        /// <summary>A playlist to add the video to once it is up.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PlaylistId { get; set; }

        /// <summary>A JPEG or PNG to set as the thumbnail once the video is up.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Thumbnail { get; set; }

        /// <summary>Whether the video is made for kids; left out, YouTube asks in Studio.</summary>
        [Parameter]
        public SwitchParameter MadeForKids { get; set; }

        /// <summary>MiB a request; the smaller, the less a failed request repeats.</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ChunkSizeMiB { get; set; } = new VideoUpload().ChunkSize / (1024 * 1024);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var upload = new VideoUpload
                {
                    Path = ResolveFilePath(Path, "the video file"),
                    Title = Title,
                    Description = Description,
                    Tags = Tags,
                    CategoryId = CategoryId,
                    Privacy = Privacy,
                    PublishAt = PublishAt.HasValue ? new DateTimeOffset(PublishAt.Value) : (DateTimeOffset?)null,
                    MadeForKids = MyInvocation.BoundParameters.ContainsKey(nameof(MadeForKids)) ? MadeForKids.IsPresent : (bool?)null,
                    PlaylistId = PlaylistId,
                    ThumbnailPath = Thumbnail == null ? null : ResolveFilePath(Thumbnail, "a JPEG or PNG thumbnail"),
                    ChunkSize = ChunkSizeMiB * 1024 * 1024,
                };
                if (!ConfirmChange(Describe(upload), "Upload the video" + After(upload)))
                {
                    return;
                }

                var publisher = ModuleState.ForProfile(Profile, Vault).Engine.Publisher(Profile);
                try
                {
                    // Progress reaches the host through the engine's log (bytes, rate, time left); no callback needed here.
                    var video = Run(cancel => publisher.PublishAsync(upload, null, cancel));
                    WriteObject(new YouTubeVideo(video));
                }
                finally
                {
                    CompleteProgress();
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        private string Describe(VideoUpload upload) =>
            "'" + upload.Path + "' (" + UploadProgress.Size(new System.IO.FileInfo(upload.Path).Length) + ") as '" + upload.Title + "', " +
            (upload.PublishAt.HasValue ? "private until " + upload.PublishAt.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : upload.Privacy ?? "private") +
            ", for profile '" + Profile + "'";

        private static string After(VideoUpload upload)
        {
            var steps = new List<string>();
            if (upload.ThumbnailPath != null)
            {
                steps.Add("set its thumbnail to '" + upload.ThumbnailPath + "'");
            }

            if (upload.PlaylistId != null)
            {
                steps.Add("add it to playlist " + upload.PlaylistId);
            }

            return steps.Count == 0 ? string.Empty : ", then " + string.Join(" and ", steps);
        }
    }
}
