using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

public class PlaylistTests
{
    private static async Task<TestEnvironment> ConnectedAsync(int playlists = 12, EmulatorSettings? settings = null)
    {
        var env = await TestEnvironment.StartAsync(settings, new YouTubeDataOptions { PlaylistCount = playlists });
        await env.ConnectAsync();
        env.Google.Counters.Reset();
        return env;
    }

    private static YouTubeClient Client(TestEnvironment env) => env.Engine.YouTube("default");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(5000)]
    public async Task Paging_returns_every_playlist_once_in_ceil_n_over_50_calls(int count)
    {
        await using var env = await ConnectedAsync(count);

        var playlists = await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true });

        Assert.Equal(count, playlists.Count);
        Assert.Equal(count, playlists.Select(p => p.Id).Distinct().Count());
        Assert.Equal(env.Google.Data.Playlists.Select(p => p.Id), playlists.Select(p => p.Id));
        Assert.Equal(Math.Max(1, (count + 49) / 50), env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public async Task Playlists_are_typed_and_partial_responses_carry_only_what_is_used()
    {
        await using var env = await ConnectedAsync(3);

        var first = (await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true }))[0];
        var seeded = env.Google.Data.Playlists[0];
        Assert.Equal(seeded.Title, first.Title);
        Assert.Equal(seeded.Privacy, first.Privacy);
        Assert.Equal(seeded.ItemCount, first.ItemCount);
        Assert.Equal(new DateTimeOffset(seeded.Published), first.PublishedAt);
        Assert.Equal(env.Google.Data.ChannelId, first.ChannelId);

        var withFields = env.Google.Counters.BytesSent;
        using var http = new System.Net.Http.HttpClient();
        var token = (await env.Engine.GetAccessTokenAsync("default")).Token;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        env.Google.Counters.Reset();
        (await http.GetAsync(env.Google.BaseUri + "youtube/v3/playlists?part=snippet,status,contentDetails&mine=true&maxResults=50")).Dispose();
        Assert.True(env.Google.Counters.BytesSent > withFields, $"full answer {env.Google.Counters.BytesSent} bytes, partial {withFields}");
    }

    [Fact]
    public async Task First_page_is_usable_before_the_next_is_fetched_and_a_limit_saves_calls()
    {
        await using var env = await ConnectedAsync(120);

        using (var stop = new CancellationTokenSource())
        {
            var callsAtFirst = -1;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(env).ListPlaylistsAsync(new PlaylistQuery { Mine = true }, new ListingSink<Playlist>(_ =>
            {
                if (callsAtFirst < 0)
                {
                    callsAtFirst = env.Google.Counters["youtube:playlists"];
                    stop.Cancel(); // a stopped listing fetches no more pages
                }
            }), stop.Token));
            Assert.Equal(1, callsAtFirst);
            Assert.Equal(1, env.Google.Counters["youtube:playlists"]);
        }

        env.Google.Counters.Reset();
        var five = await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true, Limit = 5 });
        Assert.Equal(5, five.Count);
        Assert.Equal(1, env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public async Task Ids_are_batched_fifty_a_call_and_an_unknown_id_is_not_found()
    {
        await using var env = await ConnectedAsync(120);
        var ids = env.Google.Data.Playlists.Select(p => p.Id).ToList();

        var found = await Client(env).PlaylistsAsync(new PlaylistQuery { Ids = ids });

        Assert.Equal(ids, found.Select(p => p.Id));
        Assert.Equal(3, env.Google.Counters["youtube:playlists"]);
        var missing = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistsAsync(new PlaylistQuery { Ids = new[] { ids[0], "PLnope" } }));
        Assert.Equal(ErrorCode.NotFound, missing.Code);
        Assert.Equal("PLnope", missing.Target);
    }

    [Fact]
    public async Task Every_lookup_by_id_tells_the_sink_of_unknown_ids_and_ends_on_one_when_the_sink_takes_none()
    {
        await using var env = await ConnectedAsync(5);
        var video = (await Client(env).PlaylistItemsAsync(env.Google.Data.Playlists.First(p => p.ItemCount > 0).Id))[0].VideoId!;
        var channel = env.Google.Data.ChannelId;
        var unknown = new List<string?>();

        var videos = new List<Video>();
        await Client(env).ListVideosAsync(new VideoQuery { Ids = new[] { "xNoSuchVid0", video } },
            new ListingSink<Video>(videos.Add) { OnNotFound = e => unknown.Add(e.Target) }, CancellationToken.None);
        var channels = new List<Channel>();
        await Client(env).ListChannelsAsync(new ChannelQuery { Ids = new[] { "UCnobody0000000000000000", channel } },
            new ListingSink<Channel>(channels.Add) { OnNotFound = e => unknown.Add(e.Target) }, CancellationToken.None);
        await Client(env).ListChannelsAsync(new ChannelQuery { Handle = "@nobody-here" },
            new ListingSink<Channel>(channels.Add) { OnNotFound = e => unknown.Add(e.Target) }, CancellationToken.None);

        Assert.Equal(new[] { video }, videos.Select(v => v.Id));
        Assert.Equal(new[] { channel }, channels.Select(c => c.Id));
        Assert.Equal(new[] { "xNoSuchVid0", "UCnobody0000000000000000", "@nobody-here" }, unknown);
        var ended = await Assert.ThrowsAsync<YtOAuthException>(() => Listings.CollectAsync<Video>(sink => Client(env).ListVideosAsync(new VideoQuery { Ids = new[] { "xNoSuchVid0" } }, sink, default)));
        Assert.Equal((ErrorCode.NotFound, "xNoSuchVid0"), (ended.Code, ended.Target));
        var both = await Assert.ThrowsAsync<YtOAuthException>(() => Listings.CollectAsync<Channel>(sink => Client(env).ListChannelsAsync(new ChannelQuery { Ids = new[] { channel }, Handle = "@x" }, sink, default)));
        Assert.Equal(ErrorCode.InvalidArgument, both.Code);
    }

    [Fact]
    public async Task Mine_channel_and_api_key_routes()
    {
        await using var env = await ConnectedAsync(9);
        var data = env.Google.Data;

        Assert.Equal(9, (await Client(env).PlaylistsAsync(new PlaylistQuery { ChannelId = data.ChannelId })).Count);
        Assert.Equal(data.OtherPlaylists.Count, (await Client(env).PlaylistsAsync(new PlaylistQuery { ChannelId = data.OtherChannelId })).Count);

        var byKey = env.Engine.YouTubeWithApiKey(data.ApiKey, GoogleEndpoints.ForBaseUri(env.Google.BaseUri));
        var publicOnly = await byKey.PlaylistsAsync(new PlaylistQuery { ChannelId = data.ChannelId });
        Assert.Equal(3, publicOnly.Count);
        Assert.All(publicOnly, p => Assert.Equal("public", p.Privacy));
        var mine = await Assert.ThrowsAsync<YtOAuthException>(() => byKey.PlaylistsAsync(new PlaylistQuery { Mine = true }));
        Assert.Equal(ErrorCode.InvalidArgument, mine.Code);
        var badKey = env.Engine.YouTubeWithApiKey("AIza-not-valid-at-all", GoogleEndpoints.ForBaseUri(env.Google.BaseUri));
        Assert.Equal(ErrorCode.BadRequest, (await Assert.ThrowsAsync<YtOAuthException>(() => badKey.PlaylistsAsync(new PlaylistQuery { ChannelId = data.ChannelId }))).Code);
    }

    [Fact]
    public async Task Playlist_items_page_and_unknown_playlists_or_channels_are_not_found()
    {
        await using var env = await ConnectedAsync(5);
        var playlist = env.Google.Data.Playlists.First(p => p.ItemCount > 0);

        var items = await Client(env).PlaylistItemsAsync(playlist.Id);
        Assert.Equal(playlist.ItemCount, items.Count);
        Assert.Equal(Enumerable.Range(0, playlist.ItemCount), items.Select(i => i.Position!.Value));
        Assert.All(items, i => Assert.Equal(playlist.Id, i.PlaylistId));

        var noPlaylist = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistItemsAsync("PLmissing"));
        Assert.Equal(ErrorCode.NotFound, noPlaylist.Code);
        Assert.Contains("PLmissing", noPlaylist.Message);
        var noChannel = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistsAsync(new PlaylistQuery { ChannelId = "UCmissing" }));
        Assert.Equal(ErrorCode.NotFound, noChannel.Code);
        Assert.Equal(2, env.Google.Counters["youtube:playlistItems"]); // one listing, one 404 that is not retried
    }

    [Fact]
    public async Task Quota_exceeded_says_when_it_resets_and_is_not_retried()
    {
        await using var env = await ConnectedAsync(200, new EmulatorSettings { DailyQuota = 3 });

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(ErrorCode.QuotaExceeded, error.Code);
        Assert.Contains("midnight Pacific time", error.Message);
        Assert.Equal(PacificTime.NextMidnightUtc(DateTime.UtcNow), error.RetryAfter!.Value.UtcDateTime);
        Assert.Equal(3, env.Google.Counters["youtube:playlists"]); // the connect's channel lookup spent the first unit
    }

    [Fact]
    public async Task Units_spent_are_kept_per_profile_for_the_pacific_day()
    {
        await using var env = await ConnectedAsync(120);

        await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true });

        var record = await env.Store.ReadAsync("default", CancellationToken.None);
        Assert.Equal(PacificTime.Day(env.Clock.UtcNow), record!.QuotaDay);
        Assert.Equal(1 + 3, record.QuotaUnits);
    }

    [Fact]
    public async Task Transient_errors_back_off_honour_retry_after_and_then_succeed()
    {
        await using var env = await ConnectedAsync(60);
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Unavailable(2), Fault.TooMany(1), new Fault(403)); // the 403 is rateLimitExceeded

        var playlists = await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true });

        Assert.Equal(60, playlists.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), env.Delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(1), env.Delays[1]);
        Assert.InRange(env.Delays[2], TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(2000)); // third back-off: 2 s with jitter
    }

    [Fact]
    public async Task Retries_are_bounded_and_then_the_error_says_so()
    {
        await using var env = await ConnectedAsync(5);
        env.Google.Faults.Add(FaultTarget.YouTube, Enumerable.Repeat(Fault.ServerError, 4).ToArray());

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Equal(4, env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public async Task A_dropped_connection_mid_paging_is_retried_without_losing_items()
    {
        await using var env = await ConnectedAsync(150);
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.Drop with { AfterCalls = 1 });

        var playlists = await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true });

        Assert.Equal(150, playlists.Select(p => p.Id).Distinct().Count());
        Assert.Equal(4, env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_once()
    {
        await using var env = await ConnectedAsync(5);
        env.Google.ExpireAccessTokens();

        Assert.Equal(5, (await Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true })).Count);
        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);

        env.Google.Faults.Add(FaultTarget.YouTube, new Fault(401), new Fault(401));
        var error = await Assert.ThrowsAsync<YtOAuthException>(() => Client(env).PlaylistsAsync(new PlaylistQuery { Mine = true }));
        Assert.Equal(ErrorCode.AuthenticationFailed, error.Code);
        Assert.Equal(2, env.Google.Counters["token:refresh_token"]);
        Assert.Equal((RemedyKind.Connect, "default", true), (error.Remedy!.Kind, error.Remedy.Profile, error.Remedy.Force));
    }

    [Fact]
    public async Task Cancellation_stops_a_listing_midway()
    {
        await using var env = await ConnectedAsync(5000);
        using var stop = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(env).ListPlaylistsAsync(new PlaylistQuery { Mine = true }, new ListingSink<Playlist>(_ =>
        {
            if (++seen == 60)
            {
                stop.Cancel();
            }
        }), stop.Token));

        Assert.Equal(60, seen);
        Assert.Equal(2, env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public async Task Seeded_ids_of_any_length_serve_playlists_items_and_uploads()
    {
        var seed = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ytoauth-seed-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(seed, """
            { "channel": { "id": "C" }, "videos": [ { "id": "v1" }, { "id": "v2" } ], "playlists": [ { "id": "PLa", "title": "Short", "videos": [ "v1", "v2" ] } ] }
            """);
        try
        {
            await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = seed });
            await env.ConnectAsync();

            var playlist = Assert.Single(await Client(env).PlaylistsAsync(new PlaylistQuery { Ids = new[] { "PLa" } }));
            var items = await Client(env).PlaylistItemsAsync("PLa");
            var uploads = await Client(env).PlaylistItemsAsync("UUC");

            Assert.Equal("Short", playlist.Title);
            Assert.Equal(new[] { "v1", "v2" }, items.Select(i => i.VideoId));
            Assert.Equal(2, items.Select(i => i.Id).Distinct().Count());
            Assert.Equal(2, uploads.Count); // a one-letter channel id still has its uploads playlist
        }
        finally
        {
            System.IO.File.Delete(seed);
        }
    }
}
