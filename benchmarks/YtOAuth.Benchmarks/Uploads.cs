using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Benchmarks;

/// <summary>
/// A video upload to the emulator: YtOAuth's engine (<c>AuthEngine.Publisher(profile).PublishAsync</c>: resumable
/// session, 32 MiB chunks, progress kept with the grant) beside the least a client can do, a raw <c>HttpClient</c>
/// that opens the same resumable session and PUTs the whole file in one <c>StreamContent</c>. Each upload runs in a
/// fresh child process (this program's <c>upload-child</c> mode), so its peak memory is its own; the child times the
/// upload from inside (session start to the server's 201), after its start-up and a warm token.
/// </summary>
internal static class Uploads
{
    public const string Engine = "YtOAuth `Publisher.PublishAsync` (32 MiB chunks)";
    public const string Raw = "raw `HttpClient`: one PUT of a `StreamContent`";
    public const string RawLargeBuffer = "raw `HttpClient`: one PUT of a `StreamContent` with a 1 MiB copy buffer";
    private const string Profile = "bench-upload";

    /// <summary>File sizes in MiB: the memory table's columns; the throughput bar is taken at the largest.</summary>
    public static readonly int[] SizesMiB = { 10, 100, 1024 };

    /// <summary>One upload's figures as the child measured them.</summary>
    internal readonly record struct Run(double Milliseconds, double PeakWorkingSetMiB, double AllocatedMiB, long Bytes, string Sha256);

    /// <summary>Every size's runs per contender (warm-up runs left out).</summary>
    internal sealed class Measurements
    {
        public Dictionary<(string Contender, int SizeMiB), List<Run>> Runs { get; } = new();
        public int Rounds { get; init; }
    }

    /// <summary>Measured once a benchmark run, for both upload cases.</summary>
    private static Task<Measurements>? measured;

    public static async Task<CaseResult> ThroughputAsync(BenchContext context)
    {
        var m = await (measured ??= MeasureAsync(context));
        var size = SizesMiB[^1];
        var raw = Throughput(Raw, m.Runs[(Raw, size)], baseline: true);
        var engine = Throughput(Engine, m.Runs[(Engine, size)], baseline: false);
        var series = new[] { raw, Throughput(RawLargeBuffer, m.Runs[(RawLargeBuffer, size)], baseline: false), engine };
        var (ratio, sd) = Statistics.Ratio(engine, raw);
        var (tuned, tunedSD) = Statistics.Ratio(engine, series[1]);
        var smaller = string.Join("; ", SizesMiB.Take(SizesMiB.Length - 1).Select(s =>
        {
            var (r, _) = Statistics.Ratio(Throughput(Engine, m.Runs[(Engine, s)], false), Throughput(Raw, m.Runs[(Raw, s)], true));
            return $"{s} MiB: {r:F2}";
        }));
        return new CaseResult("1 GiB upload", $"A {size:N0} MiB file of random bytes uploaded to the emulator (its own process, on loopback), each upload in a new process " +
            $"timed from inside, from the session's POST to the server's 201 (which comes after the server wrote and hashed every byte); {m.Rounds} alternating rounds after one warm-up round. " +
            "Throughput in MiB/s, so a ratio above 1 is faster than the baseline.", "MiB/s", series,
            new[] { new Bar(Engine, Raw, 0.9, ratio, sd) { AtLeast = true }, new Bar(Engine, RawLargeBuffer, double.NaN, tuned, tunedSD) },
            "Engine/raw throughput at the smaller sizes: " + smaller + " (the engine's fixed cost: its first calls' JIT, the file's identity, four writes of the upload's state to the token store). " +
            "The default `StreamContent` copies the file in 80 KiB writes, the engine in 256 KiB ones; the 1 MiB-buffer PUT shows what larger writes give.");
    }

    public static async Task<CaseResult> MemoryAsync(BenchContext context)
    {
        var m = await (measured ??= MeasureAsync(context));
        Series Of(string contender, string what, Func<Run, double> value, bool baseline = false)
        {
            var series = new Series(contender + ", " + what, baseline);
            foreach (var size in SizesMiB)
            {
                series.Values.Add(Statistics.Median(m.Runs[(contender, size)].Select(value).ToList()));
            }

            return series;
        }

        var table = new[]
        {
            Of(Raw, "peak working set", r => r.PeakWorkingSetMiB, baseline: true),
            Of(Engine, "peak working set", r => r.PeakWorkingSetMiB),
            Of(Raw, "managed bytes allocated", r => r.AllocatedMiB),
            Of(Engine, "managed bytes allocated", r => r.AllocatedMiB),
        };
        return new CaseResult("Upload memory against file size", "Peak working set (VmHWM) of the uploading process and the managed bytes it allocated in all " +
            $"(start-up included), median of {m.Rounds} runs each, for files of " + string.Join(", ", SizesMiB.Select(s => s.ToString("N0", CultureInfo.InvariantCulture) + " MiB")) +
            ". Flat in the file's size: the file is streamed, never held.", "MiB", table, Array.Empty<Bar>()) { Sizes = SizesMiB, SizeUnit = "MiB file" };
    }

    private static Series Throughput(string name, List<Run> runs, bool baseline)
    {
        var series = new Series(name, baseline);
        series.Values.AddRange(runs.Select(r => r.Bytes / 1048576.0 / (r.Milliseconds / 1000)));
        return series;
    }

    /// <summary>For each size: a file, one warm-up round, then alternating rounds (the order flips each round) of the two children.</summary>
    private static async Task<Measurements> MeasureAsync(BenchContext context)
    {
        var rounds = Math.Max(3, Math.Min(context.Rounds, 5));
        var measurements = new Measurements { Rounds = rounds };
        var grant = await context.Emulator.NewGrantAsync(Scopes.Upload + " " + Scopes.YouTubeReadOnly);
        var store = Path.Combine(context.Work, "upload-store");
        using (var engine = new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(store) }))
        {
            var client = ClientSecretFile.Parse(await File.ReadAllTextAsync(context.Emulator.ClientSecretPath), "emulator", new EndpointChoices { Base = context.Emulator.BaseUri });
            await engine.ConnectWithRefreshTokenAsync(client, grant.RefreshToken, new ConnectOptions { Profile = Profile, Scopes = new[] { Scopes.Upload, Scopes.YouTubeReadOnly } },
                CancellationToken.None);
        }

        var environment = new Dictionary<string, string>
        {
            ["YTOAUTH_BENCH_BASE"] = context.Emulator.BaseUri.AbsoluteUri,
            ["YTOAUTH_BENCH_ACCESS_TOKEN"] = await context.Emulator.AccessTokenAsync(grant),
            ["YTOAUTH_BENCH_STORE"] = store,
        };
        var folder = Path.Combine(context.Work, "uploads");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var size in SizesMiB)
            {
                var file = Path.Combine(folder, "video-" + size + "MiB.mp4");
                var sha256 = await WriteRandomFileAsync(file, size * 1048576L, size);
                try
                {
                    // The large-buffer PUT is only the largest file's (what the throughput case reports).
                    var contenders = size == SizesMiB[^1] ? new[] { Raw, RawLargeBuffer, Engine } : new[] { Raw, Engine };
                    foreach (var contender in contenders)
                    {
                        measurements.Runs[(contender, size)] = new List<Run>();
                    }

                    for (var round = -1; round < rounds; round++)
                    {
                        // The order rotates each round, so that a slow moment of the machine falls on each alike.
                        var order = contenders.Skip(Math.Max(round, 0) % contenders.Length).Concat(contenders.Take(Math.Max(round, 0) % contenders.Length));
                        foreach (var contender in order)
                        {
                            var run = await ChildAsync(context, contender == Engine ? "engine" : contender == Raw ? "raw" : "raw-1MiB", file, environment);
                            if (run.Bytes != size * 1048576L || run.Sha256 != sha256)
                            {
                                throw new InvalidOperationException($"{contender} made a video of {run.Bytes:N0} bytes (SHA-256 {run.Sha256}), not the file's {size * 1048576L:N0} ({sha256}).");
                            }

                            if (round >= 0)
                            {
                                measurements.Runs[(contender, size)].Add(run);
                            }
                        }

                        Console.Error.Write(round < 0 ? "w" : ".");
                    }

                    Console.Error.WriteLine($" {size} MiB: raw {Statistics.Median(measurements.Runs[(Raw, size)].Select(r => r.Milliseconds).ToList()):F0} ms, " +
                                            $"engine {Statistics.Median(measurements.Runs[(Engine, size)].Select(r => r.Milliseconds).ToList()):F0} ms");
                }
                finally
                {
                    File.Delete(file);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return measurements;
    }

    /// <summary>A file of random bytes (seeded), written in pieces; returns its SHA-256 as the emulator reports it.</summary>
    private static async Task<string> WriteRandomFileAsync(string path, long length, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            for (long left = length; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                var n = (int)Math.Min(buffer.Length, left);
                sha.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs one upload in a child process of this program and reads the line it answers.</summary>
    private static async Task<Run> ChildAsync(BenchContext context, string mode, string file, Dictionary<string, string> environment)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var self = typeof(Uploads).Assembly.Location;
        var output = await Processes.RunAsync("dotnet", new[] { self, "upload-child", mode, file }, environment, context.Work);
        var parts = output.Trim().Split('\n')[^1].Split(' ');
        double D(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new Run(D(0), D(1), D(2), long.Parse(parts[3], CultureInfo.InvariantCulture), parts[4]);
    }

    /// <summary>
    /// The child: uploads the file once and prints "milliseconds peak-working-set-MiB allocated-MiB bytes sha256" (the
    /// last two as the server has them). engine: the profile in YTOAUTH_BENCH_STORE; raw, raw-1MiB: the access token in YTOAUTH_BENCH_ACCESS_TOKEN.
    /// </summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var mode = args[1];
        var file = args[2];
        var baseUri = new Uri(Environment.GetEnvironmentVariable("YTOAUTH_BENCH_BASE")!);
        Stopwatch watch;
        if (mode == "engine")
        {
            using var engine = new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(Environment.GetEnvironmentVariable("YTOAUTH_BENCH_STORE")!) });
            await engine.GetAccessTokenAsync(Profile); // warm, as the raw child is given its token
            watch = Stopwatch.StartNew();
            await engine.Publisher(Profile).PublishAsync(new VideoUpload { Path = file, Title = "Benchmark upload", Privacy = "private" }, null, CancellationToken.None);
            watch.Stop();
        }
        else
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("YTOAUTH_BENCH_ACCESS_TOKEN"));
            watch = Stopwatch.StartNew();
            var length = new FileInfo(file).Length;
            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
            {
                Content = new StringContent("{\"snippet\":{\"title\":\"Benchmark upload\"},\"status\":{\"privacyStatus\":\"private\"}}", Encoding.UTF8, "application/json"),
            };
            start.Headers.Add("X-Upload-Content-Length", length.ToString(CultureInfo.InvariantCulture));
            start.Headers.Add("X-Upload-Content-Type", "video/mp4");
            using var opened = await http.SendAsync(start);
            opened.EnsureSuccessStatusCode();
            await using var stream = File.OpenRead(file);
            using var put = new HttpRequestMessage(HttpMethod.Put, opened.Headers.Location)
            {
                Content = mode == "raw-1MiB" ? new StreamContent(stream, 1024 * 1024) : new StreamContent(stream),
            };
            put.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            put.Content.Headers.ContentLength = length;
            using var made = await http.SendAsync(put);
            made.EnsureSuccessStatusCode();
            await made.Content.ReadAsByteArrayAsync();
            watch.Stop();
        }

        // What the server made of it: the last video's length and SHA-256, checked by the runner against the file.
        using var control = new HttpClient();
        using var uploads = JsonDocument.Parse(await control.GetStringAsync(new Uri(baseUri, "emulator/uploads")));
        var video = uploads.RootElement.GetProperty("videos").EnumerateArray().Last();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watch.Elapsed.TotalMilliseconds:F1} {peak:F1} {GC.GetTotalAllocatedBytes(true) / 1048576.0:F1} {video.GetProperty("byteLength").GetInt64()} {video.GetProperty("sha256").GetString()}"));
        return 0;
    }
}
