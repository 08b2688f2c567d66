using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

/// <summary>
/// The engine's resumable upload (VideoPublisher) against the emulator's upload faults: whatever the server does to a
/// chunk (cuts the connection after some bytes, answers 503 or 401, loses the session, loses the final answer), the
/// run ends with exactly one video whose bytes are the file's, no session left open, and nothing left pending.
/// </summary>
public class UploadFaultTests
{
    private const int Chunk = 1024 * 1024;

    /// <summary>Four chunks of 1 MiB, the last one short (not a multiple of 256 KiB).</summary>
    private const int FileLength = 3 * Chunk + 123_457;

    private static async Task<(TestEnvironment Env, string File, string Sha256)> StartAsync(bool fileStore = false, EmulatorSettings? settings = null)
    {
        var env = await TestEnvironment.StartAsync(settings, fileStore: fileStore);
        await env.ConnectAsync("default", "Upload", "ReadOnly");
        var file = Path.Combine(env.Folder, "render.mp4");
        var bytes = new byte[FileLength];
        new Random(21).NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);
        return (env, file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static VideoUpload Upload(string file) => new() { Path = file, Title = "Nightly render", Privacy = "private", ChunkSize = Chunk };

    /// <summary>Exactly one video, the file's bytes, the answer's id, no open session, nothing pending with the grant.</summary>
    private static async Task AssertOneVideoAsync(TestEnvironment env, Video video, string sha256, int sessions)
    {
        var uploaded = Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal(sha256, uploaded.Sha256);
        Assert.Equal(FileLength, uploaded.ByteLength);
        Assert.Equal(uploaded.Id, video.Id);
        Assert.Equal(sessions, env.Google.Uploads.SessionsStarted);
        Assert.Equal(1, env.Google.Uploads.SessionsCompleted);
        Assert.Empty(env.Google.Uploads.OpenSessions);
        Assert.Null((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads);
    }

    /// <summary>What the server holds of an upload, asked as a client would (an empty PUT with "Content-Range: bytes */N").</summary>
    private static async Task<long> CommittedAsync(TestEnvironment env, string uploadId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, env.Google.BaseUri + "upload/youtube/v3/videos?uploadType=resumable&upload_id=" + uploadId)
        {
            Content = new ByteArrayContent(Array.Empty<byte>()),
        };
        request.Content.Headers.Add("Content-Range", "bytes */" + FileLength);
        using var answer = await http.SendAsync(request);
        Assert.Equal(308, (int)answer.StatusCode);
        return answer.Headers.TryGetValues("Range", out var range) ? long.Parse(range.Single().Split('-')[1]) + 1 : 0;
    }

    [Fact]
    public async Task Without_faults_the_file_goes_up_in_its_chunks_as_one_video()
    {
        var (env, file, sha) = await StartAsync();
        await using var _ = env;

        var video = await env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None);

        await AssertOneVideoAsync(env, video, sha, sessions: 1);
        Assert.Equal(4, env.Google.Counters["upload:chunk"]);
    }

    public static TheoryData<string, Fault[], int> Faults => new()
    {
        // name, faults for the chunks (AfterCalls lets that many chunks through first), sessions the upload takes
        { "connection cut 300,000 bytes into the second chunk", new[] { Fault.DropAfter(300_000) with { AfterCalls = 1 } }, 1 },
        { "connection cut before a byte of the first chunk", new[] { Fault.DropAfter(0) }, 1 },
        { "connection cut at once, twice", new[] { Fault.Drop, Fault.Drop }, 1 },
        { "connection cut 1 byte short of the last chunk's end", new[] { Fault.DropAfter(123_456) with { AfterCalls = 3 } }, 1 },
        { "every byte arrives but the final answer is lost", new[] { Fault.DropAfter(int.MaxValue) with { AfterCalls = 3 } }, 1 },
        { "a middle chunk's answer is lost after all its bytes", new[] { Fault.DropAfter(int.MaxValue) with { AfterCalls = 1 } }, 1 },
        { "503 for the third chunk", new[] { Fault.BackendError with { AfterCalls = 2 } }, 1 },
        { "503 three times in a row", new[] { Fault.BackendError, Fault.BackendError, Fault.BackendError }, 1 },
        { "503 with Retry-After", new[] { Fault.Unavailable(1) with { AfterCalls = 1 } }, 1 },
        { "401 for a chunk (the token is refreshed)", new[] { Fault.Unauthorized with { AfterCalls = 1 } }, 1 },
        { "the session is lost at the third chunk", new[] { Fault.LoseUploadSession with { AfterCalls = 2 } }, 2 },
        { "the session is lost at the first chunk", new[] { Fault.LoseUploadSession }, 2 },
        { "a cut, a 503 and a lost session", new[] { Fault.DropAfter(500_000), Fault.BackendError, Fault.LoseUploadSession with { AfterCalls = 1 } }, 2 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_ends_in_exactly_one_video_of_the_file(string fault, Fault[] faults, int sessions)
    {
        Assert.NotEmpty(fault);
        var (env, file, sha) = await StartAsync();
        await using var _ = env;
        env.Google.Faults.Add(FaultTarget.Upload, faults);

        var video = await env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None);

        await AssertOneVideoAsync(env, video, sha, sessions);
    }

    [Fact]
    public async Task A_session_lost_twice_in_a_row_fails_without_a_video_and_the_next_run_makes_one()
    {
        var (env, file, sha) = await StartAsync();
        await using var _ = env;
        env.Google.Faults.Add(FaultTarget.Upload, Fault.LoseUploadSession, Fault.LoseUploadSession);

        var failure = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None));
        Assert.Equal(ErrorCode.ServerError, failure.Code);
        Assert.Empty(env.Google.Uploads.Videos);
        Assert.Empty(env.Google.Uploads.OpenSessions);

        var video = await env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None);

        await AssertOneVideoAsync(env, video, sha, sessions: 3);
    }

    [Fact]
    public async Task Cuts_that_never_let_a_chunk_through_pause_the_upload_and_the_next_run_continues_it()
    {
        var (env, file, sha) = await StartAsync();
        await using var _ = env;
        // The first chunk goes; then every try of the second is cut before a whole block arrives, more times than the engine retries.
        env.Google.Faults.Add(FaultTarget.Upload, Enumerable.Range(0, 7).Select(i => Fault.DropAfter(1000) with { AfterCalls = i == 0 ? 1 : 0 }).ToArray());

        var paused = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None));
        Assert.Equal(ErrorCode.NetworkError, paused.Code);
        Assert.Empty(env.Google.Uploads.Videos);
        Assert.Equal(Chunk, Assert.Single(env.Google.Uploads.OpenSessions).Committed);
        Assert.Single((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads!);

        var video = await env.Engine.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None);

        await AssertOneVideoAsync(env, video, sha, sessions: 1);
    }

    [Fact]
    public async Task A_run_stopped_mid_upload_is_continued_by_another_engine_on_the_same_store_from_the_servers_offset()
    {
        var (env, file, sha) = await StartAsync(fileStore: true, new EmulatorSettings { UploadChunkDelay = TimeSpan.FromMilliseconds(300) });
        await using var _ = env;
        using var stop = new CancellationTokenSource();
        var progressed = 0L;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.Engine.Publisher("default").PublishAsync(Upload(file), p =>
        {
            // Past the first chunk: the server confirmed it, and the second waits on the server's delay.
            progressed = p.BytesSent;
            if (p.BytesSent > Chunk)
            {
                stop.Cancel();
            }
        }, stop.Token));
        Assert.True(progressed > Chunk);
        // The stopped chunk may still be on its way into the server: once it has arrived, a status query (which waits
        // for it) tells what the server kept of it.
        await Eventually.TrueAsync(() => env.Google.Counters["upload:chunk"] >= 2, "the stopped chunk to reach the server");
        var open = Assert.Single(env.Google.Uploads.OpenSessions);
        var committed = await CommittedAsync(env, open.UploadId);
        Assert.True(committed >= Chunk && committed < FileLength, "committed " + committed);
        Assert.Empty(env.Google.Uploads.Videos);

        // Another process: a new engine over the same file store, as after a kill.
        using var again = new AuthEngine(new AuthEngineOptions { Store = env.Store, Clock = env.Clock, Retry = env.Retry });
        env.Google.Counters.Reset();
        var video = await again.Publisher("default").PublishAsync(Upload(file), null, CancellationToken.None);

        Assert.Equal(1, env.Google.Counters["upload:status"]); // asked where it stood, once
        Assert.Equal((FileLength - committed + Chunk - 1) / Chunk, env.Google.Counters["upload:chunk"]); // and sent only the rest
        var uploaded = Assert.Single(env.Google.Uploads.Videos);
        Assert.Equal(sha, uploaded.Sha256);
        Assert.Equal(uploaded.Id, video.Id);
        Assert.Equal(1, env.Google.Uploads.SessionsStarted);
        Assert.Null((await env.Store.ReadAsync("default", CancellationToken.None))!.Uploads); // the same store the second engine used
    }
}
