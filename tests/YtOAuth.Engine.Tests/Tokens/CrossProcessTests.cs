using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Tokens;

[Collection("Processes")] // real child processes: not beside the reliability runs
public class CrossProcessTests
{
    private static async Task<(TestEnvironment Env, string StoreFolder)> ExpiredGrantAsync(TimeSpan tokenDelay)
    {
        var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync();
        env.Google.Settings.TokenDelay = tokenDelay; // slow refreshes widen the race between processes
        var record = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        record.AccessTokenExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
        await env.Store.WriteAsync(record, CancellationToken.None);
        return (env, System.IO.Path.Combine(env.Folder, "tokens"));
    }

    [Fact]
    public async Task Four_processes_on_an_expired_token_cause_exactly_one_refresh()
    {
        var (env, folder) = await ExpiredGrantAsync(TimeSpan.FromMilliseconds(700));
        await using var _ = env;

        var children = Enumerable.Range(0, 4).Select(_ => Cli.Start("token", "--store", folder)).ToList();
        var outputs = await Task.WhenAll(children.Select(async p =>
        {
            var stdout = await p.StandardOutput.ReadToEndAsync();
            var stderr = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, stderr);
            return stdout.Trim();
        }));

        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);
        Assert.Single(outputs.Distinct());
        Assert.StartsWith("ya29.", outputs[0]);
    }

    [Fact]
    public async Task A_process_killed_mid_refresh_leaves_the_store_readable_and_the_lock_free()
    {
        var (env, folder) = await ExpiredGrantAsync(TimeSpan.FromSeconds(30));
        await using var _ = env;
        var before = (await env.Store.ReadAsync("default", CancellationToken.None))!;

        using var child = Cli.Start("token", "--store", folder);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (env.Google.Counters["token:refresh_token"] == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        var after = await env.Store.ReadAsync("default", CancellationToken.None);
        Assert.Equal(before.RefreshToken, after!.RefreshToken);

        // A new engine (no cache) must get the lock and refresh with the grant as stored.
        env.Google.Settings.TokenDelay = TimeSpan.Zero;
        using var fresh = new AuthEngine(new AuthEngineOptions { Store = new YtOAuth.Engine.Tokens.FileTokenStore(folder) });
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var token = await fresh.GetAccessTokenAsync("default", cancellationToken: quick.Token);
        Assert.True(token.ExpiresUtc > DateTime.UtcNow);
        Assert.Equal(2, env.Google.Counters["token:refresh_token"]);
    }
}
