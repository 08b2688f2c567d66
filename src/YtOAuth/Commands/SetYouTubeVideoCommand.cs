using System;
using System.Management.Automation;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Changes videos' metadata (what is not given stays); from the pipeline: video ids, videos, or playlist items (their video).</summary>
    [Cmdlet(VerbsCommon.Set, "YouTubeVideo", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(YouTubeVideo))]
    public sealed class SetYouTubeVideoCommand : YtOAuthChangeCmdlet
    {
        /// <summary>Videos by id.</summary>
        public const string IdSet = "Id";
        /// <summary>Videos from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private static readonly string[] Changes = { nameof(Title), nameof(Description), nameof(Tags), nameof(CategoryId), nameof(Privacy), nameof(PublishAt), nameof(MadeForKids) };

        /// <summary>Video ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>What is piped in: video ids, videos, playlist items (their video), or objects with a VideoId property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>New title.</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>New description.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>New tags (an empty list removes them).</summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[]? Tags { get; set; }

        /// <summary>New category id.</summary>
        [Parameter]
        public string? CategoryId { get; set; }

        /// <summary>private, unlisted or public.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PrivacyCompleter))]
        public string? Privacy { get; set; }

        /// <summary>When the (private) video turns public by itself.</summary>
        [Parameter]
        public DateTime? PublishAt { get; set; }

        /// <summary>Whether the video is made for kids (-MadeForKids:$false says it is not).</summary>
        [Parameter]
        public SwitchParameter MadeForKids { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => RequireAnyOf(Changes);

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            ChangeEach(ParameterSetName == IdSet ? PipedResource.Ids(Id) : PipedResource.Video(this, InputObject!), "video", _ => "Change " + Given(Changes),
                async (editor, id, cancel) => new YouTubeVideo(await editor.UpdateVideoAsync(new VideoChange
                {
                    Id = id,
                    Title = Title,
                    Description = Description,
                    Tags = Tags,
                    CategoryId = CategoryId,
                    Privacy = Privacy,
                    PublishAt = PublishAt.HasValue ? new DateTimeOffset(PublishAt.Value) : (DateTimeOffset?)null,
                    MadeForKids = MyInvocation.BoundParameters.ContainsKey(nameof(MadeForKids)) ? MadeForKids.IsPresent : (bool?)null,
                }, cancel).ConfigureAwait(false)));
    }
}
