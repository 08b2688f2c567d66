using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Reliability;

/// <summary>
/// upload-kill: a child process uploads a file of random bytes through the engine (VideoPublisher, a file token store
/// shared by every run) and is killed, whole tree, at a random moment, again and again; each time the same command is
/// run again, and the last run is left to finish. Then the emulator must hold exactly one video of that file, with its
/// bytes (SHA-256 and length), no partial and no second video, and no more upload sessions than the upload needed:
/// one, plus one for each kill that fell between the server opening a session and the engine writing it down (Google
/// charges that session; nothing can resume a session it never heard of). The emulator's chunks are slowed a little and
/// the chunks are small, so that most kills land mid-upload. Repeated for several files (rounds).
/// </summary>
internal static class UploadKill
{
    private static readonly string[] UploadScopes = { Scopes.Upload, Scopes.YouTubeReadOnly };

    public static async Task<int> RunAsync(Options options)
    {
        var sizeMiB = options.Int("size-mib", 64);
        var kills = options.Int("kills", 10);
        var rounds = options.Int("rounds", 1);
        var chunkKiB = options.Int("chunk-kib", 1024);
        var delayMs = options.Int("chunk-delay-ms", 20);
        var seed = options.Int("seed", Environment.TickCount);
        var random = new Random(seed);
        var settings = new EmulatorSettings { UploadChunkDelay = TimeSpan.FromMilliseconds(delayMs), DailyQuota = long.MaxValue };
        var (google, folder, _) = await Program.SetUpAsync(settings, UploadScopes);
        int killed = 0, finishedBeforeKill = 0, resumes = 0, orphaned = 0, videos = 0, mismatches = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var file = Path.Combine(folder, "render-" + round + ".mp4");
                var sha256 = WriteRandomFile(file, sizeMiB * 1024L * 1024L, random);
                var videosBefore = google.Uploads.Videos.Count;
                var sessionsBefore = google.Uploads.SessionsStarted;
                var orphanedBefore = orphaned;
                var open = OpenSessionIds(google);
                string? madeId = null;
                for (var run = 1; run <= kills + 1; run++)
                {
                    var last = run == kills + 1;
                    var pending = await PendingAsync(folder, file);
                    if (pending?.SessionUri != null)
                    {
                        resumes++;
                    }

                    // The rest of the upload spread over the kills left: each run gets, on average, an equal share of it.
                    var left = google.Uploads.OpenSessions.FirstOrDefault(s => pending?.SessionUri?.Contains(s.UploadId, StringComparison.Ordinal) == true) is { } session
                        ? session.Total - session.Committed : new FileInfo(file).Length;
                    var restMs = (left + chunkKiB * 1024L - 1) / (chunkKiB * 1024L) * (delayMs + 8);
                    var killAfter = TimeSpan.FromMilliseconds(random.NextDouble() * 2 * restMs / (kills - run + 2));

                    using var worker = Program.StartSelf("upload-worker", "--store", folder, "--file", file, "--chunk-kib", chunkKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var errors = worker.StandardError.ReadToEndAsync();
                    if (await worker.StandardOutput.ReadLineAsync() != "ready")
                    {
                        await worker.WaitForExitAsync();
                        Console.Error.WriteLine($"round {round}, run {run}: the worker did not start: {await errors}");
                        return 1;
                    }

                    var output = worker.StandardOutput.ReadLineAsync();
                    if (!last && await Task.WhenAny(output, Task.Delay(killAfter)) != output)
                    {
                        worker.Kill(entireProcessTree: true);
                        await worker.WaitForExitAsync();
                        killed++;
                        orphaned += CountOrphans(google, ref open, await PendingAsync(folder, file), round, run, ref mismatches);
                        continue;
                    }

                    // The last run, or one that finished before its kill: it must end with the video.
                    if (!await WaitAsync(worker, TimeSpan.FromMinutes(2)))
                    {
                        Console.Error.WriteLine($"round {round}, run {run}: the upload did not finish in 2 minutes.");
                        mismatches++;
                        break;
                    }

                    var line = await output;
                    if (worker.ExitCode != 0 || line == null || !line.StartsWith("video ", StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine($"round {round}, run {run}: the upload failed ({worker.ExitCode}): {line} {await errors}");
                        mismatches++;
                        break;
                    }

                    madeId = line.Substring(6);
                    if (!last)
                    {
                        finishedBeforeKill++; // a run again now would upload the file a second time, as asked: the round ends here
                    }

                    orphaned += CountOrphans(google, ref open, await PendingAsync(folder, file), round, run, ref mismatches);
                    break;
                }

                // Exactly one video of this file, with its bytes; no other video; sessions: one, plus those orphaned by a kill.
                var made = google.Uploads.Videos.Skip(videosBefore).ToList();
                videos += made.Count;
                var sessions = google.Uploads.SessionsStarted - sessionsBefore;
                var roundOrphans = orphaned - orphanedBefore;
                var problems = new List<string>();
                if (made.Count != 1)
                {
                    problems.Add(made.Count + " videos were made, not 1");
                }

                problems.AddRange(made.Where(v => v.Sha256 != sha256 || v.ByteLength != sizeMiB * 1024L * 1024L)
                    .Select(v => $"video {v.Id} holds {v.ByteLength:N0} bytes with SHA-256 {v.Sha256}, not the file's ({sha256})"));
                if (made.Count == 1 && madeId != made[0].Id)
                {
                    problems.Add($"the run answered video {madeId}, the server made {made[0].Id}");
                }

                if (sessions != 1 + roundOrphans)
                {
                    problems.Add($"{sessions} upload sessions were opened, {1 + roundOrphans} needed (1 + {roundOrphans} opened before a kill could write them down)");
                }

                if (await PendingAsync(folder, file) != null)
                {
                    problems.Add("the store still holds the upload as unfinished");
                }

                foreach (var problem in problems)
                {
                    Console.Error.WriteLine($"round {round}: {problem}");
                }

                mismatches += problems.Count;
                File.Delete(file);
            }
        }
        finally
        {
            await google.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine($"upload-kill: {rounds} file(s) of {sizeMiB} MiB in {chunkKiB} KiB chunks, {delayMs} ms a chunk, seed {seed}, {watch.Elapsed.TotalSeconds:F0} s: " +
                          $"{killed} kills, {resumes} resumes, {finishedBeforeKill} finished before their kill, {orphaned} sessions opened before a kill could note them, " +
                          $"{google.Uploads.SessionsStarted} sessions, {videos} videos, {mismatches} mismatches");
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>
    /// After a run: the sessions it opened. One is expected, and it must be the one written down with the grant (or the
    /// one that finished); one the store does not know is an orphan of a kill that came before it was written down.
    /// </summary>
    private static int CountOrphans(GoogleEmulator google, ref HashSet<string> open, PendingUpload? pending, int round, int run, ref int mismatches)
    {
        var now = OpenSessionIds(google);
        var opened = now.Except(open).ToList();
        open = now;
        var orphans = opened.Count(id => pending?.SessionUri?.Contains("upload_id=" + id, StringComparison.Ordinal) != true);
        if (opened.Count > 1)
        {
            Console.Error.WriteLine($"round {round}, run {run}: one run opened {opened.Count} upload sessions.");
            mismatches++;
        }

        return orphans;
    }

    private static HashSet<string> OpenSessionIds(GoogleEmulator google) => google.Uploads.OpenSessions.Select(s => s.UploadId).ToHashSet(StringComparer.Ordinal);

    private static async Task<PendingUpload?> PendingAsync(string folder, string file)
    {
        var record = await new FileTokenStore(folder).ReadAsync("default", CancellationToken.None);
        return record?.Uploads?.FirstOrDefault(p => p.Path == Path.GetFullPath(file));
    }

    private static async Task<bool> WaitAsync(Process process, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static string WriteRandomFile(string path, long length, Random random)
    {
        var buffer = new byte[1024 * 1024];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            for (var left = length; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                var n = (int)Math.Min(buffer.Length, left);
                sha.AppendData(buffer, 0, n);
                file.Write(buffer, 0, n);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The child: the same upload command each time, over the shared store, until it finishes or is killed.</summary>
    public static async Task<int> WorkerAsync(Options options)
    {
        using var engine = Program.Engine(options.Get("store"));
        await engine.GetAccessTokenAsync("default"); // start-up done, so that kills land in the upload
        Console.WriteLine("ready");
        var video = await engine.Publisher("default").PublishAsync(new VideoUpload
        {
            Path = options.Get("file"), Title = "Kill test", Privacy = "private", ChunkSize = options.Int("chunk-kib", 1024) * 1024,
        }, null, CancellationToken.None);
        Console.WriteLine("video " + video.Id);
        return 0;
    }
}
