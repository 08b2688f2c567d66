using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Lists YouTube playlists: the connected channel's, a channel's, or by id. Objects stream as pages arrive;
    /// -First stops fetching early, saving quota.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "YouTubePlaylist", DefaultParameterSetName = MineSet, SupportsPaging = true)]
    [OutputType(typeof(YouTubePlaylist))]
    public sealed class GetYouTubePlaylistCommand : YtOAuthCmdlet
    {
        /// <summary>The connected channel's playlists.</summary>
        public const string MineSet = "Mine";
        /// <summary>A channel's playlists.</summary>
        public const string ChannelSet = "Channel";
        /// <summary>Playlists by id.</summary>
        public const string IdSet = "Id";

        private readonly List<string> ids = new List<string>();

        /// <summary>The connected channel's playlists (the default).</summary>
        [Parameter(ParameterSetName = MineSet)]
        public SwitchParameter Mine { get; set; }

        /// <summary>List this channel's playlists (public ones unless it is yours).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ChannelSet)]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>Playlist ids; from the pipeline as strings or objects with an Id or PlaylistId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PlaylistId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Read public data with an API key instead of a signed-in profile.</summary>
        [Parameter(ParameterSetName = ChannelSet)]
        [Parameter(ParameterSetName = IdSet)]
        public SecureString? ApiKey { get; set; }

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
            var query = new PlaylistQuery
            {
                Mine = ParameterSetName == MineSet,
                ChannelId = ParameterSetName == ChannelSet ? ChannelId : null,
                Ids = ParameterSetName == IdSet ? ids : null,
            };
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            if (first != ulong.MaxValue)
            {
                query.Limit = (int)System.Math.Min(int.MaxValue, skip + first);
            }

            var includeTotal = PagingParameters.IncludeTotalCount.IsPresent;
            var paging = PagingParameters;
            ulong? total = null;
            query.OnTotal = n => total = (ulong)n;
            try
            {
                var youtube = ApiKey != null
                    ? ModuleState.Process.YouTubeWithApiKey(new NetworkCredential(string.Empty, ApiKey).Password, GoogleEndpoints.Resolve())
                    : ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                ulong index = 0;
                var totalWritten = false;
                Pump((emit, cancel) =>
                {
                    // An unknown id is one failed input item: a non-terminating error; the other ids are still listed.
                    query.OnNotFound = emit;
                    return youtube.ListPlaylistsAsync(query, playlist =>
                    {
                        // Runs on the worker thread: it only builds objects; the pipeline thread writes them.
                        if (includeTotal && !totalWritten)
                        {
                            totalWritten = true;
                            emit(paging.NewTotalCount(query.Ids != null ? (ulong)ids.Count : total ?? 0, 1.0));
                        }

                        if (index++ >= skip)
                        {
                            emit(new YouTubePlaylist(playlist));
                        }
                    }, cancel);
                });
                if (includeTotal && !totalWritten)
                {
                    WriteObject(PagingParameters.NewTotalCount(0, 1.0));
                }

                CompleteProgress();
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }
    }
}
