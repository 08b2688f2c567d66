using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>Channels: the connected one, by id, or by handle; from the pipeline, channel ids or the channel of videos, playlists and contexts.</summary>
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
        /// <summary>Channels from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private readonly List<string> ids = new List<string>();

        /// <summary>Channel ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("ChannelId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>A handle, with or without @.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HandleSet)]
        [ValidateNotNullOrEmpty]
        public string Handle { get; set; } = string.Empty;

        /// <summary>
        /// What is piped in: channel ids, channels, or the channel of a video, a playlist or a context (their ChannelId),
        /// or objects with a ChannelId property (a CSV row). Anything else is refused.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Gathered so that ids from the pipeline are fetched 50 a call.
            if (ParameterSetName == IdSet)
            {
                ids.AddRange(Id);
                return;
            }

            if (ParameterSetName != InputObjectSet)
            {
                return;
            }

            var id = InputObject!.BaseObject switch
            {
                string text => text,
                YouTubeChannel channel => channel.Id,
                YouTubeVideo video => video.ChannelId,
                YouTubePlaylist playlist => playlist.ChannelId,
                YouTubeContext context => context.ChannelId,
                PSCustomObject _ => PipedProperty(InputObject, "ChannelId"),
                _ => null,
            };
            if (string.IsNullOrEmpty(id))
            {
                RefuseInput(InputObject, "channel ids, channels, videos, playlists and contexts (or objects with a ChannelId property)");
                return;
            }

            ids.Add(id!);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var youtube = ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                // An unknown id or handle is one failed item: a non-terminating error; the others are still written.
                var byId = ParameterSetName == IdSet || ParameterSetName == InputObjectSet;
                var query = new ChannelQuery { Ids = byId ? ids : null, Handle = ParameterSetName == HandleSet ? Handle : null };
                Pump((emit, cancel) => youtube.ListChannelsAsync(query, new ListingSink<Channel>(channel => emit(new YouTubeChannel(channel))) { OnNotFound = emit }, cancel));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
