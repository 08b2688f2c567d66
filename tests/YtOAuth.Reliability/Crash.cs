using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Reliability;

/// <summary>Kill a refresher at random points of refresh-and-store; the store must always stay readable and honest.</summary>
internal static class Crash
{
    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.Int("runs", 200);
        var rotate = options.Has("rotate");
        var (google, folder, client) = await Program.SetUpAsync(new EmulatorSettings { RotateRefreshTokens = rotate, TokenDelay = TimeSpan.FromMilliseconds(3) });
        var random = new Random(options.Int("seed", Environment.TickCount));
        int usable = 0, spentAndSaid = 0, broken = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                using var worker = Program.StartSelf("refresh-worker", "--store", folder);
                // Wait until it refreshes in a loop, then kill it at a random moment of that loop.
                if (await worker.StandardOutput.ReadLineAsync() != "ready")
                {
                    Console.Error.WriteLine("run " + run + ": the worker did not start: " + await worker.StandardError.ReadToEndAsync());
                    return 1;
                }

                await Task.Delay(random.Next(0, 40));
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();

                switch (await CheckAsync(folder))
                {
                    case Verdict.Usable:
                        usable++;
                        break;
                    case Verdict.SpentAndSaid:
                        spentAndSaid++;
                        await Program.ConnectAsync(folder, client); // as the message tells the user to
                        break;
                    default:
                        broken++;
                        Console.Error.WriteLine("run " + run + ": the store was left unreadable or unusable without saying why.");
                        break;
                }
            }
        }
        finally
        {
            await google.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine($"crash: {runs} kills in {watch.Elapsed.TotalSeconds:F0} s ({(rotate ? "rotating" : "non-rotating")} refresh tokens, {google.Counters["token:refresh_token"]} refreshes): " +
                          $"{usable} left a working grant, {spentAndSaid} a spent refresh token whose error said so, {broken} broken");
        return broken == 0 ? 0 : 1;
    }

    private enum Verdict { Usable, SpentAndSaid, Broken }

    /// <summary>What a later process finds: a readable record whose grant refreshes, or one whose failure explains itself.</summary>
    private static async Task<Verdict> CheckAsync(string folder)
    {
        using var engine = Program.Engine(folder);
        try
        {
            if (await new FileTokenStore(folder).ReadAsync("default", CancellationToken.None) == null)
            {
                return Verdict.Broken;
            }

            await engine.GetAccessTokenAsync("default", forceRefresh: true);
            return Verdict.Usable;
        }
        catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid && e.Message.Contains("cut off", StringComparison.Ordinal))
        {
            return Verdict.SpentAndSaid;
        }
        catch (YtOAuthException e)
        {
            Console.Error.WriteLine(e.Code + ": " + e.Message);
            return Verdict.Broken;
        }
    }

    /// <summary>The child: refresh and store, again and again, until killed.</summary>
    public static async Task<int> WorkerAsync(Options options)
    {
        using var engine = Program.Engine(options.Get("store"));
        await engine.GetAccessTokenAsync("default", forceRefresh: true); // warm, so that kills land in the loop, not in start-up
        Console.WriteLine("ready");
        while (true)
        {
            await engine.GetAccessTokenAsync("default", forceRefresh: true);
        }
    }
}
