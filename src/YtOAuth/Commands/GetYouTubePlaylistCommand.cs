using System;
using System.Collections.Generic;
using System.Linq;
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
    /// Lists YouTube playlists: the connected channel's, a channel's, or by id; from the pipeline, playlist ids,
    /// playlists, playlist items (their playlist) or channels (their playlists). Objects stream as pages arrive;
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
        /// <summary>Playlists from what is piped in.</summary>
        public const string InputObjectSet = "InputObject";

        private readonly List<string> ids = new List<string>();
        private readonly List<string> channels = new List<string>();

        /// <summary>The connected channel's playlists (the default).</summary>
        [Parameter(ParameterSetName = MineSet)]
        public SwitchParameter Mine { get; set; }

        /// <summary>List this channel's playlists (public ones unless it is yours).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ChannelSet)]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>Playlist ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
        [Alias("PlaylistId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// What is piped in: playlist ids, playlists, playlist items (the playlist they are in), channels (their
        /// playlists), or objects with a PlaylistId property (a CSV row). Anything else is refused.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Read public data with an API key instead of a signed-in profile.</summary>
        [Parameter(ParameterSetName = ChannelSet)]
        [Parameter(ParameterSetName = IdSet)]
        [Parameter(ParameterSetName = InputObjectSet)]
        public SecureString? ApiKey { get; set; }

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

            switch (InputObject!.BaseObject)
            {
                case string id:
                    ids.Add(id);
                    break;
                case YouTubePlaylist playlist:
                    ids.Add(playlist.Id);
                    break;
                case YouTubePlaylistItem item:
                    ids.Add(item.PlaylistId);
                    break;
                case YouTubeChannel channel:
                    channels.Add(channel.Id);
                    break;
                case PSCustomObject _ when PipedProperty(InputObject, "PlaylistId") is string id:
                    ids.Add(id);
                    break;
                default:
                    RefuseInput(InputObject, "playlist ids, playlists, playlist items and channels (or objects with a PlaylistId property)");
                    break;
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (ParameterSetName == ChannelSet)
            {
                channels.Add(ChannelId);
            }

            // One listing for the ids, one per channel; -First, -Skip and -IncludeTotalCount count across them all.
            var queries = new List<PlaylistQuery>();
            if (ParameterSetName == MineSet)
            {
                queries.Add(new PlaylistQuery { Mine = true });
            }

            if (ids.Count > 0)
            {
                queries.Add(new PlaylistQuery { Ids = ids });
            }

            queries.AddRange(channels.Select(channel => new PlaylistQuery { ChannelId = channel }));
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            var wanted = first == ulong.MaxValue ? ulong.MaxValue : skip + first;
            var includeTotal = PagingParameters.IncludeTotalCount.IsPresent;
            var paging = PagingParameters;
            try
            {
                var youtube = ApiKey != null
                    ? ModuleState.Process.YouTubeWithApiKey(new NetworkCredential(string.Empty, ApiKey).Password, GoogleEndpoints.Resolve())
                    : ModuleState.ForProfile(Profile, Vault).Engine.YouTube(Profile);
                ulong index = 0;
                var totalWritten = false;
                foreach (var query in queries)
                {
                    if (index >= wanted)
                    {
                        break;
                    }

                    if (wanted != ulong.MaxValue)
                    {
                        query.Limit = (int)System.Math.Min(int.MaxValue, wanted - index);
                    }

                    ulong? total = null;
                    Pump((emit, cancel) => youtube.ListPlaylistsAsync(query, new ListingSink<Playlist>(playlist =>
                    {
                        // Runs on the worker thread: it only builds objects; the pipeline thread writes them.
                        if (includeTotal && !totalWritten)
                        {
                            totalWritten = true;
                            emit(paging.NewTotalCount(query.Ids != null ? (ulong)ids.Count : total ?? 0, queries.Count == 1 ? 1.0 : 0.5));
                        }

                        if (index++ >= skip)
                        {
                            emit(new YouTubePlaylist(playlist));
                        }
                    })
                    {
                        // An unknown id is one failed input item: a non-terminating error; the other ids are still listed.
                        OnNotFound = emit,
                        OnTotal = n => total = (ulong)n,
                    }, cancel));
                }

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
