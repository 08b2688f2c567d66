using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

/// <summary>VideoPublisher and YouTubeEditor against the emulator: uploads that resume across engines (processes), never continue a changed file, and ask for the scopes they need.</summary>
public class PublishTests
{
    private const int MiB = 1024 * 1024;

    private static string WriteFile(TestEnvironment env, int length, int seed = 1, string name = "render.mp4")
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(env.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<TestEnvironment> ConnectedAsync(params string[] scopes)
    {
        var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync(ProfileName.Default, scopes.Length == 0 ? new[] { "ReadOnly", "Upload", "Manage" } : scopes);
        return env;
    }

    private static VideoUpload Upload(string path, string title = "Nightly render") => new() { Path = path, Title = title, Description = "Made by a test.", Tags = new[] { "nightly", "render" }, ChunkSize = MiB };

    [Fact]
    public async Task A_publish_sends_every_byte_in_chunks_and_returns_a_private_video_costing_1600_units()
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, 3 * MiB + 12345);
        var reports = new System.Collections.Generic.List<UploadProgress>();
        var unitsBefore = (await env.Engine.GetProfileAsync("default", CancellationToken.None))!.QuotaUnitsToday;

        var video = await env.Engine.Publisher("default").PublishAsync(Upload(path), reports.Add, CancellationToken.None);

        var uploaded = Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal(video.Id, uploaded.Id);
        Assert.Equal(Sha256(path), uploaded.Sha256);
        Assert.Equal("Nightly render", video.Title);
        Assert.Equal("private", video.Privacy); // no privacy given: not public by accident
        Assert.Equal(1, env.Google.Uploads.SessionsStarted);
        Assert.Equal(new FileInfo(path).Length, reports.Last().BytesSent);
        Assert.Null((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads);
        Assert.Equal(unitsBefore + 1600, (await env.Engine.GetProfileAsync("default", CancellationToken.None))!.QuotaUnitsToday);
    }

    [Fact]
    public async Task An_upload_stopped_midway_continues_in_another_engine_from_what_the_server_confirmed()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(150);
        var path = WriteFile(env, 12 * MiB);
        using (var stop = new CancellationTokenSource())
        {
            var publishing = env.Engine.Publisher("default").PublishAsync(Upload(path), p =>
            {
                if (p.BytesSent >= 4 * MiB)
                {
                    stop.Cancel(); // as Ctrl+C or a kill would
                }
            }, stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing);
        }

        var pending = Assert.Single((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads!);
        Assert.Equal(Path.GetFullPath(path), pending.Path);
        Assert.Empty(env.Google.Uploads.Videos);

        // A new engine over the same store is a new process.
        env.Google.Settings.UploadChunkDelay = TimeSpan.Zero;
        using var second = new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(Path.Combine(env.Folder, "tokens")) });
        var reports = new System.Collections.Generic.List<UploadProgress>();
        var video = await second.Publisher("default").PublishAsync(Upload(path), reports.Add, CancellationToken.None);

        Assert.Equal(1, env.Google.Uploads.SessionsStarted);
        Assert.True(reports[0].ResumedFrom >= 3 * MiB, "resumed from " + reports[0].ResumedFrom);
        var uploaded = Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal((video.Id, Sha256(path)), (uploaded.Id, uploaded.Sha256));
    }

    [Fact]
    public async Task A_file_changed_since_an_interrupted_upload_starts_a_new_session_and_never_continues_the_old()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(150);
        var path = WriteFile(env, 8 * MiB);
        using (var stop = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path), p =>
            {
                if (p.BytesSent >= 2 * MiB)
                {
                    stop.Cancel();
                }
            }, stop.Token));
        }

        env.Google.Settings.UploadChunkDelay = TimeSpan.Zero;
        WriteFile(env, 8 * MiB, seed: 2); // a re-render of the same length
        using var _ = env.Listen();
        var video = await env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None);

        Assert.Equal(2, env.Google.Uploads.SessionsStarted);
        var uploaded = Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal(Sha256(path), uploaded.Sha256);
        Assert.Contains(env.Sink.Messages, m => m.Text.Contains("the file changed since"));
    }

    [Fact]
    public async Task A_file_that_changes_during_the_upload_stops_it_before_any_video_is_made()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(100);
        var path = WriteFile(env, 6 * MiB);
        var changed = false;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path), p =>
        {
            if (!changed && p.BytesSent >= 2 * MiB)
            {
                changed = true;
                File.AppendAllText(path, "more frames");
            }
        }, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("changed while it was being uploaded", error.Message);
        Assert.Empty(env.Google.Uploads.Videos);
        Assert.Null((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads);
    }

    [Fact]
    public async Task A_grant_without_Upload_is_told_so_before_any_byte_and_connecting_for_Upload_keeps_the_old_scopes()
    {
        await using var env = await ConnectedAsync("ReadOnly", "Analytics");
        var path = WriteFile(env, MiB);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None));

        Assert.Equal(ErrorCode.InsufficientScope, error.Code);
        Assert.Equal(new[] { Scopes.Upload }, error.MissingScopes);
        Assert.False(error.Remedy!.Force);
        Assert.Equal(new[] { "Upload" }, error.Remedy.Scopes);
        Assert.Equal(0, env.Google.Uploads.SessionsStarted);

        var connected = await env.ConnectAsync(ProfileName.Default, "Upload");
        Assert.Empty(connected.MissingScopes);
        var scopes = (await env.Store.ReadAsync("default", CancellationToken.None))!.Scopes;
        Assert.Contains(Scopes.Upload, scopes);
        Assert.Contains(Scopes.YouTubeReadOnly, scopes);
        Assert.Contains(Scopes.AnalyticsReadOnly, scopes);

        await env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None);
        Assert.Single(env.Google.Uploads.Videos);
    }

    [Fact]
    public async Task Asking_for_another_scope_sends_include_granted_scopes_and_asks_again_for_what_the_grant_has()
    {
        var browser = new ConsentPageBrowser();
        await using var env = await TestEnvironment.StartAsync(browser: browser);
        await env.ConnectAsync(ProfileName.Default, "ReadOnly", "Analytics");

        await env.ConnectAsync(ProfileName.Default, "Upload");

        var query = System.Web.HttpUtility.ParseQueryString(browser.OpenedUrl!.Query);
        Assert.Equal("true", query["include_granted_scopes"]);
        Assert.Equal(new[] { Scopes.Upload, Scopes.YouTubeReadOnly, Scopes.AnalyticsReadOnly }, query["scope"]!.Split(' '));
    }

    [Fact]
    public async Task The_upload_session_address_never_appears_in_engine_messages()
    {
        await using var env = await ConnectedAsync();
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(100);
        var path = WriteFile(env, 4 * MiB);
        using var listening = env.Listen();
        using (var stop = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path), p =>
            {
                if (p.BytesSent >= 2 * MiB)
                {
                    stop.Cancel();
                }
            }, stop.Token));
        }

        var session = new Uri(Assert.Single((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads!).SessionUri!);
        var uploadId = System.Web.HttpUtility.ParseQueryString(session.Query)["upload_id"]!;
        env.Google.Settings.UploadChunkDelay = TimeSpan.Zero;
        await env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None);

        Assert.Contains(env.Sink.Messages, m => m.Text.Contains("upload_id=***"));
        Assert.DoesNotContain(env.Sink.Messages, m => m.Text.Contains(uploadId));
    }

    [Fact]
    public async Task A_401_on_a_chunk_refreshes_the_token_once_and_the_upload_goes_on()
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, 3 * MiB);
        env.Google.Faults.Add(FaultTarget.Upload, Fault.Unauthorized);
        var refreshesBefore = env.Google.Counters["token:refresh_token"];

        await env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None);

        Assert.Equal(Sha256(path), Assert.Single(env.Google.Uploads.Videos).Sha256);
        Assert.Equal(refreshesBefore + 1, env.Google.Counters["token:refresh_token"]);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_retry_policy_waits_stops_the_upload_and_keeps_it()
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, 3 * MiB);
        env.Google.Faults.Add(FaultTarget.Upload, Fault.Unavailable(retryAfter: 3600));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path), null, CancellationToken.None));

        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Contains("asked to wait 3600 s", error.Message);
        Assert.DoesNotContain(env.Delays, d => d > env.Retry.MaxRetryAfter);
        Assert.Single((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads!);
        Assert.Empty(env.Google.Uploads.Videos);
    }

    [Fact]
    public async Task Adding_to_a_playlist_needs_Manage_and_says_so_before_uploading()
    {
        await using var env = await ConnectedAsync("ReadOnly", "Upload");
        var path = WriteFile(env, MiB);
        var upload = Upload(path);
        upload.PlaylistId = env.Google.Data.Playlists[0].Id;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(upload, null, CancellationToken.None));

        Assert.Equal(ErrorCode.InsufficientScope, error.Code);
        Assert.Equal(new[] { Scopes.Manage }, error.MissingScopes);
        Assert.Equal(0, env.Google.Uploads.SessionsStarted);
    }

    [Fact]
    public async Task Publish_with_thumbnail_and_playlist_does_each_step_once_even_when_run_again_after_the_upload()
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, 2 * MiB);
        var thumbnail = Path.Combine(env.Folder, "thumb.png");
        File.WriteAllBytes(thumbnail, new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 });
        var playlist = await env.Engine.Editor("default").CreatePlaylistAsync(new PlaylistChange { Title = "Nightly" }, CancellationToken.None);
        var upload = Upload(path);
        upload.ThumbnailPath = thumbnail;
        upload.PlaylistId = playlist.Id;
        upload.Privacy = "unlisted";

        var video = await env.Engine.Publisher("default").PublishAsync(upload, null, CancellationToken.None);

        Assert.Equal("unlisted", video.Privacy);
        var items = await env.Engine.YouTube("default").PlaylistItemsAsync(playlist.Id);
        Assert.Equal(video.Id, Assert.Single(items).VideoId);
        Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal("private", playlist.Privacy);
    }

    [Fact]
    public async Task The_editor_changes_what_it_is_told_and_keeps_the_rest()
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, MiB);
        var upload = Upload(path);
        upload.CategoryId = "27";
        var video = await env.Engine.Publisher("default").PublishAsync(upload, null, CancellationToken.None);
        var editor = env.Engine.Editor("default");

        var changed = await editor.UpdateVideoAsync(new VideoChange { Id = video.Id, Title = "Renamed", Privacy = "public" }, CancellationToken.None);
        Assert.Equal(("Renamed", "public"), (changed.Title, changed.Privacy));
        var answers = new System.Collections.Generic.List<string>();
        await env.Engine.Api("default").InvokeAsync(new ApiRequest { Path = "videos", Query = new System.Collections.Generic.Dictionary<string, string> { ["part"] = "snippet", ["id"] = video.Id } },
            answers.Add, CancellationToken.None);
        var description = Assert.Single(answers);
        Assert.Contains("Made by a test.", description);
        Assert.Contains("\"categoryId\":\"27\"", description);

        var playlist = await editor.CreatePlaylistAsync(new PlaylistChange { Title = "Mine", Privacy = "unlisted" }, CancellationToken.None);
        var item = await editor.AddPlaylistItemAsync(playlist.Id, video.Id, null, CancellationToken.None);
        Assert.Equal((playlist.Id, video.Id), (item.PlaylistId, item.VideoId));
        var renamed = await editor.UpdatePlaylistAsync(playlist.Id, new PlaylistChange { Description = "All of them" }, CancellationToken.None);
        Assert.Equal(("Mine", "All of them", "unlisted"), (renamed.Title, renamed.Description, renamed.Privacy));
        await editor.RemovePlaylistItemAsync(item.Id, CancellationToken.None);
        Assert.Empty(await env.Engine.YouTube("default").PlaylistItemsAsync(playlist.Id));
        await editor.DeletePlaylistAsync(playlist.Id, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<YtOAuthException>(() => editor.DeletePlaylistAsync(playlist.Id, CancellationToken.None));
        Assert.Equal(ErrorCode.NotFound, gone.Code);
    }

    [Theory]
    [InlineData("", "The title is empty")]
    [InlineData("a <b>", "< or >")]
    public async Task Bad_metadata_is_refused_before_anything_is_sent(string title, string says)
    {
        await using var env = await ConnectedAsync();
        var path = WriteFile(env, MiB);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(path, title), null, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains(says, error.Message);
        Assert.Equal(0, env.Google.Uploads.SessionsStarted);
    }

    [Fact]
    public async Task A_scheduled_video_must_be_private()
    {
        await using var env = await ConnectedAsync();
        var upload = Upload(WriteFile(env, MiB));
        upload.PublishAt = DateTimeOffset.UtcNow.AddDays(2);
        upload.Privacy = "public";

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(upload, null, CancellationToken.None));

        Assert.Contains("must be private", error.Message);
        upload.Privacy = null;
        var video = await env.Engine.Publisher("default").PublishAsync(upload, null, CancellationToken.None);
        Assert.Equal("private", video.Privacy);
    }
}
