using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Channels: the connected one, by id (from the pipeline too), or by handle.</summary>
    [Cmdlet(VerbsCommon.Get, "YouTubeChannel", DefaultParameterSetName = MineSet)]
    [OutputType(typeof(YouTubeChannel))]
    public sealed class GetYouTubeChannelCommand : YtOAuthCmdlet
    {
        /// <summary>The connected channel.</summary>
        public const string MineSet = "Mine";
        /// <summary>Channels by id.</summary>
        public const string IdSet = "Id";
        /// <summary>A channel by handle.</summary>
        public const string HandleSet = "Handle";

        private readonly List<string> ids = new List<string>();

        /// <summary>Channel ids; from the pipeline as strings or objects with a ChannelId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>A handle, with or without @.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HandleSet)]
        [ValidateNotNullOrEmpty]
        public string Handle { get; set; } = string.Empty;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                ids.AddRange(Id); // gathered so that ids from the pipeline are fetched 50 a call
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var youtube = ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                // An unknown id or handle is one failed item: a non-terminating error; the others are still written.
                Pump((emit, cancel) => youtube.ListChannelsAsync(ParameterSetName == IdSet ? ids : null, ParameterSetName == HandleSet ? Handle : null,
                    channel => emit(new YouTubeChannel(channel)), emit, cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
