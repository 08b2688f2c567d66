using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.Reliability;

/// <summary>The conditions a hostile server, a careless disk or another local user can create, one test each.</summary>
public class HostileConditionsTests
{
    [Fact]
    public async Task Connect_does_not_reuse_a_grant_revoked_at_the_server_even_while_its_access_token_looks_valid()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.RevokeAllGrants(); // no clock change: locally the access token still has an hour to go

        env.Google.Settings.AutoApprove = true;
        var again = await env.Engine.ConnectAsync(env.Client, new ConnectOptions { Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

        Assert.False(again.ReusedExistingGrant);
        Assert.Equal(2, env.Google.Counters["token:authorization_code"]);
        Assert.Equal(1, env.Google.LiveGrantCount);
    }

    [Fact]
    public async Task A_repeated_page_token_stops_the_listing_after_two_calls()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Faults.Add(FaultTarget.YouTube, Enumerable.Repeat(Fault.Raw(200, "{\"nextPageToken\": \"again\", \"items\": [{\"id\": \"PL1\"}]}"), 10).ToArray());
        env.Google.Counters.Reset();

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Contains("repeated a page token", error.Message);
        Assert.Equal(2, env.Google.Counters["youtube:playlists"]);
    }

    [Fact]
    public void The_lock_outlasts_the_longest_refresh_the_holder_may_be_in()
    {
        var options = new AuthEngineOptions();
        var retry = options.Retry;
        var longestRefresh = TimeSpan.FromTicks(options.HttpTimeout.Ticks * (retry.MaxRetries + 1)) + TimeSpan.FromTicks(retry.MaxDelay.Ticks * retry.MaxRetries);
        Assert.True(FileLock.DefaultTimeout > longestRefresh, FileLock.DefaultTimeout + " must exceed " + longestRefresh);
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_store_folder_left_open_to_everyone_is_made_private_and_its_lock_files_with_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var folder = Path.Combine(env.Folder, "open");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // 0777
        var store = new FileTokenStore(folder);

        using (await store.LockAsync("default", CancellationToken.None))
        {
            Assert.Equal((UnixFileMode)0x1C0, File.GetUnixFileMode(folder)); // 0700: no other user reaches the lock files inside
        }
    }

    [Fact]
    public async Task One_oddly_named_file_does_not_hide_the_other_profiles()
    {
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync("work");
        await File.WriteAllTextAsync(Path.Combine(env.Folder, "tokens", "a b c.token.json"), "{}");
        using var log = env.Listen();

        var profiles = await env.Engine.GetProfilesAsync(CancellationToken.None);

        Assert.Equal(new[] { "work" }, profiles.Select(p => p.Profile));
        Assert.Contains(env.Sink.Texts(Diagnostics.EngineMessageKind.Warning), t => t.Contains("Skipped profile 'a b c'"));
    }

    [Fact]
    public async Task A_long_Retry_After_is_not_waited_for_and_the_error_says_when_to_try_again()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Faults.Add(FaultTarget.YouTube, Fault.TooMany(3600));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(ErrorCode.RateLimited, error.Code);
        Assert.Contains("wait 1 h", error.Message);
        Assert.Contains("try again after " + env.Clock.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm"), error.Message);
        Assert.Equal(env.Clock.UtcNow.AddHours(1), error.RetryAfter!.Value.UtcDateTime, TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(TimeSpan.FromHours(1), env.Delays);
    }

    [UnixFact]
    public async Task A_client_secret_path_that_is_a_pipe_fails_in_seconds_instead_of_hanging()
    {
        await using var env = await TestEnvironment.StartAsync();
        var fifo = Path.Combine(env.Folder, "client_secret.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<YtOAuthException>(() => ClientSecretFile.Load(fifo));

        Assert.Equal(ErrorCode.ClientSecretInvalid, error.Code);
        Assert.Contains("pipe or device", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15));
    }

    [LinuxFact]
    public async Task A_revoke_whose_local_removal_fails_says_the_grant_is_dead_at_Google()
    {
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync();
        var file = Path.Combine(env.Folder, "tokens", "default.token.json");
        Run("chattr", "+i", file); // immutable: even root cannot remove it
        try
        {
            var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.RevokeAsync("default", CancellationToken.None));

            Assert.Equal(ErrorCode.StoreError, error.Code);
            Assert.Contains("was revoked at Google, but its stored copy could not be removed", error.Message);
            Assert.Equal(0, env.Google.LiveGrantCount);
        }
        finally
        {
            Run("chattr", "-i", file);
        }
    }

    [Fact]
    public async Task The_CLI_takes_the_API_key_from_the_environment_so_the_process_list_never_shows_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var cli = Cli.Start(new System.Collections.Generic.Dictionary<string, string> { ["YTOAUTH_API_KEY"] = env.Google.Data.ApiKey },
            "playlists", "--channel", env.Google.Data.OtherChannelId, "--endpoint-base", env.Google.BaseUri.AbsoluteUri, "--store", Path.Combine(env.Folder, "tokens"));
        var output = await cli.StandardOutput.ReadToEndAsync();
        var errors = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();

        Assert.True(cli.ExitCode == 0, errors);
        Assert.Equal(env.Google.Data.OtherPlaylists.Count + 1, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // a header, then a line each
        Assert.DoesNotContain(env.Google.Data.ApiKey, output + errors);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command) { ArgumentList = { arguments[0], arguments[1] }, RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, command + " " + string.Join(" ", arguments) + " failed: " + process.StandardError.ReadToEnd());
    }
}
