using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;

namespace YtOAuth.Reliability;

/// <summary>Many processes and threads on short-lived, rotating tokens and a slow token endpoint, for a while.</summary>
internal static class Soak
{
    public static async Task<int> RunAsync(Options options)
    {
        var processes = options.Int("processes", 4);
        var threads = options.Int("threads", 8);
        var seconds = options.Int("seconds", 60);
        var lifetime = options.Int("lifetime", 2);
        var delay = options.Int("token-delay-ms", 300);
        var (google, folder, _) = await Program.SetUpAsync(new EmulatorSettings
        {
            AccessTokenLifetime = TimeSpan.FromSeconds(lifetime), RotateRefreshTokens = true, TokenDelay = TimeSpan.FromMilliseconds(delay),
        });
        try
        {
            google.Counters.Reset();
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, processes)
                .Select(_ => Program.StartSelf("soak-worker", "--store", folder, "--threads", threads.ToString(), "--seconds", seconds.ToString())).ToList();
            var reports = await Task.WhenAll(workers.Select(async w =>
            {
                var output = await w.StandardOutput.ReadToEndAsync();
                var errors = await w.StandardError.ReadToEndAsync();
                await w.WaitForExitAsync();
                return (w.ExitCode, Line: output.Trim(), Errors: errors.Trim());
            }));
            var elapsed = watch.Elapsed.TotalSeconds;
            var refreshes = google.Counters["token:refresh_token"];
            // A token is refreshed once half its lifetime is left: one refresh per lifetime/2, plus the token endpoint's delay.
            var expected = elapsed / (lifetime / 2.0 + delay / 1000.0);
            var parsed = reports.Select(r => Worker.Parse(r.Line)).ToList();
            var calls = parsed.Sum(p => p.Calls);
            var failures = parsed.Sum(p => p.Failures) + reports.Count(r => r.ExitCode != 0);
            var handleGrowth = parsed.Max(p => p.HandlesEnd - p.HandlesStart);
            var memoryGrowth = parsed.Max(p => p.MemoryEndMiB - p.MemoryStartMiB);
            foreach (var report in reports.Where(r => r.ExitCode != 0 || r.Errors.Length > 0))
            {
                Console.Error.WriteLine("worker: exit " + report.ExitCode + " " + report.Errors);
            }

            var refreshesOk = refreshes >= expected * 0.5 && refreshes <= expected * 1.5;
            var growthOk = handleGrowth <= 20 && memoryGrowth <= 64;
            Console.WriteLine($"soak: {processes} processes x {threads} threads for {elapsed:F0} s, {lifetime} s tokens, rotation, token endpoint +{delay} ms: " +
                              $"{calls} calls, {failures} failures, {refreshes} refreshes (expected about {expected:F0}), " +
                              $"growth per process at most {handleGrowth} handles and {memoryGrowth:F1} MiB");
            return failures == 0 && refreshesOk && growthOk ? 0 : 1;
        }
        finally
        {
            await google.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One worker process: threads asking for tokens until the time is up; reports counts and resource use.</summary>
    public static async Task<int> WorkerAsync(Options options)
    {
        var seconds = options.Int("seconds", 60);
        using var engine = Program.Engine(options.Get("store"));
        long calls = 0, failures = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        // Resource use is sampled once the run is in its steady state (a quarter in) and again at the end.
        var handlesStart = 0;
        var memoryStart = 0.0;
        var sampler = Task.Delay(TimeSpan.FromSeconds(seconds / 4.0)).ContinueWith(_ => (handlesStart, memoryStart) = (Process.GetCurrentProcess().HandleCount, Memory()));
        await Task.WhenAll(Enumerable.Range(0, options.Int("threads", 8)).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                try
                {
                    var token = await engine.GetAccessTokenAsync("default");
                    if (token.ExpiresUtc <= DateTime.UtcNow)
                    {
                        throw new InvalidOperationException("handed out an expired token");
                    }

                    Interlocked.Increment(ref calls);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    errors.Add(e.GetType().Name + ": " + e.Message);
                }

                await Task.Delay(5);
            }
        })));
        await sampler;
        foreach (var error in errors.Distinct().Take(3))
        {
            Console.Error.WriteLine(error);
        }

        Console.WriteLine(new Worker(calls, failures, handlesStart, Process.GetCurrentProcess().HandleCount, memoryStart, Memory()).ToString());
        return 0;
    }

    private static double Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(true) / 1048576.0;
    }

    private sealed record Worker(long Calls, long Failures, int HandlesStart, int HandlesEnd, double MemoryStartMiB, double MemoryEndMiB)
    {
        public override string ToString() => string.Join(" ", Calls, Failures, HandlesStart, HandlesEnd,
            MemoryStartMiB.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), MemoryEndMiB.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));

        public static Worker Parse(string line)
        {
            var p = line.Split(' ');
            var c = System.Globalization.CultureInfo.InvariantCulture;
            return p.Length == 6 ? new Worker(long.Parse(p[0], c), long.Parse(p[1], c), int.Parse(p[2], c), int.Parse(p[3], c), double.Parse(p[4], c), double.Parse(p[5], c))
                : new Worker(0, 1, 0, 0, 0, 0);
        }
    }
}
