using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.CommandLine;

/// <summary>ytoauth as people and scripts use it, always as a child process: mistakes, help, output, signals.</summary>
[Collection("Processes")]
public class CliTests
{
    private static Task<(int Code, string Output, string Errors)> RunAsync(IDictionary<string, string>? environment, params string[] args) =>
        Support.Cli.RunAsync(environment, null, args);

    private static Task<(int Code, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(null, args);

    [Theory]
    [InlineData(2, "--start takes a date as yyyy-MM-dd, not 'yesterday'", "analytics", "--start", "yesterday", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "Unrecognized command or argument 'stray'", "playlists", "stray", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "--timeout takes a whole number from 10 to 3600, not -5", "connect", "--client-secret", "x.json", "--timeout", "-5", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "--timeout takes a whole number from 10 to 3600, not 0", "connect", "--client-secret", "x.json", "--timeout", "0", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "--store names a file", "token", "--store", "/etc/hostname")]
    [InlineData(2, "Cannot parse argument 'abc' for option '--port'", "emulator", "--port", "abc")]
    [InlineData(2, "Required argument missing for option: '--port'", "emulator", "--port")]
    [InlineData(2, "--playlists takes a whole number from 0 to 1000000, not -3", "emulator", "--playlists", "-3")]
    [InlineData(2, "--first takes a whole number of at least 1, not 0", "playlists", "--first", "0", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "--min-validity takes a whole number from 0 to 3500, not 99999", "token", "--min-validity", "99999", "--store", "/tmp/ytoauth-cli-unused")]
    [InlineData(2, "Did you mean one of the following?", "playlsts")]
    [InlineData(2, "--store was given an empty value (''); give a value, or leave --store out", "token", "--store", "")]
    [InlineData(2, "--playlist was given an empty value", "items", "--playlist", "")]
    [InlineData(2, "--id was given an empty value", "videos", "--id", "")]
    [InlineData(2, "--id was given an empty value (' , ')", "channel", "--id", " , ")]
    [InlineData(3, "does not exist", "connect", "--client-secret", "/nonexistent/client_secret.json", "--store", "/tmp/ytoauth-cli-unused")]
    public async Task A_mistake_is_one_clear_message_and_the_exit_code_of_its_kind(int code, string message, params string[] args)
    {
        var (exit, output, errors) = await RunAsync(args);

        Assert.Equal(code, exit);
        Assert.Contains(message, errors + output); // System.CommandLine prints its suggestions on standard output
        Assert.DoesNotContain("   at ", output + errors); // never a stack trace
        Assert.DoesNotContain("Unhandled exception", output + errors);
    }

    [Fact]
    public async Task No_grant_stored_says_what_to_run_in_the_CLIs_own_words()
    {
        var folder = Directory.CreateTempSubdirectory("ytoauth-cli-").FullName;
        var (exit, _, errors) = await RunAsync("token", "--store", folder, "--profile", "work");

        Assert.Equal(4, exit);
        Assert.Contains("Run: ytoauth connect --client-secret <client_secret.json> --store " + folder + " --profile work", errors);
        Assert.DoesNotContain("Connect-YouTube", errors);
        Assert.Equal(2, errors.Trim().Split('\n').Length); // what happened, what to do
    }

    [Theory]
    [InlineData("connect")]
    [InlineData("token")]
    [InlineData("playlists")]
    [InlineData("analytics")]
    [InlineData("revoke")]
    [InlineData("disconnect")]
    [InlineData("contexts")]
    [InlineData("emulator")]
    [InlineData("channel")]
    [InlineData("items")]
    [InlineData("videos")]
    [InlineData("demo")] // help, not the demo
    public async Task Every_command_has_its_own_help(string command)
    {
        var (exit, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains("ytoauth " + command, output);
        Assert.DoesNotContain("Google emulator runs at", output);
    }

    [Fact]
    public async Task Version_and_the_exit_code_table_are_shown()
    {
        Assert.Equal("0.1.0", (await RunAsync("--version")).Output.Trim());
        Assert.Contains("143  terminated (SIGTERM)", (await RunAsync("--help")).Output);
    }

    [Fact]
    public async Task Listings_are_tab_separated_when_piped_and_JSON_lines_with_json()
    {
        await using var env = await TestEnvironment.StartAsync();
        var key = new Dictionary<string, string> { ["YTOAUTH_API_KEY"] = env.Google.Data.ApiKey };
        var args = new[] { "playlists", "--channel", env.Google.Data.OtherChannelId, "--endpoint-base", env.Google.BaseUri.AbsoluteUri };

        var tsv = (await RunAsync(key, args)).Output.Trim().Split('\n');
        var json = (await RunAsync(key, args.Append("--json").ToArray())).Output.Trim().Split('\n');

        Assert.Equal("Id\tTitle\tPrivacy\tItems\tPublished", tsv[0]);
        Assert.Equal(env.Google.Data.OtherPlaylists.Count, tsv.Length - 1);
        Assert.All(json, line => Assert.StartsWith("PL", JsonDocument.Parse(line).RootElement.GetProperty("Id").GetString()));
    }

    [Fact]
    public async Task Channel_items_and_videos_read_the_seeded_channel_and_name_what_is_missing_with_exit_7()
    {
        var seed = Path.Combine(Support.Cli.RepoRoot, "docs", "examples", "testing", "seed.json");
        await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = seed }, fileStore: true);
        await env.ConnectAsync();
        var store = new[] { "--store", Path.Combine(env.Folder, "tokens") };

        var channel = JsonDocument.Parse((await RunAsync(store.Prepend("--json").Prepend("channel").ToArray())).Output).RootElement;
        var items = await RunAsync(new[] { "items", "--playlist", "PLexampleBasics,PLnoSuchList" }.Concat(store).ToArray());
        var videos = await RunAsync(new[] { "videos", "--id", "knife000003", "--id", "noSuchVideo" }.Concat(store).ToArray());

        Assert.Equal("@examplekitchen", channel.GetProperty("Handle").GetString());
        Assert.Equal(3, channel.GetProperty("Videos").GetInt64());
        Assert.Equal(42600, channel.GetProperty("Views").GetInt64()); // the seeded videos' views added up
        Assert.Equal(7, items.Code);
        Assert.Equal(new[] { "knife000003", "soup0000002" }, items.Output.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')[2]));
        Assert.Contains("PLnoSuchList", items.Errors);
        Assert.Equal(7, videos.Code);
        Assert.Contains("Knife skills\t00:21:15\t26500", videos.Output);
        Assert.Contains("noSuchVideo", videos.Errors);
    }

    [Fact]
    public async Task SIGTERM_stops_the_emulator_at_once_with_143_and_frees_the_port()
    {
        using var emulator = Support.Cli.Start((IDictionary<string, string>?)null, "emulator", "--port", "0");
        var line = await emulator.StandardOutput.ReadLineAsync();
        var port = int.Parse(line!.Split(':').Last().TrimEnd('/'));

        var watch = Terminate(emulator);

        Assert.True(emulator.WaitForExit(TimeSpan.FromSeconds(2)), "still running 2 s after SIGTERM");
        Assert.Equal(143, emulator.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
        probe.Start(); // free again
    }

    [Fact]
    public async Task SIGTERM_ends_a_consent_wait_with_143_and_stores_nothing()
    {
        await using var env = await TestEnvironment.StartAsync(); // consent page waits for a person who never comes
        var secret = Path.Combine(env.Folder, "client_secret.json");
        await File.WriteAllTextAsync(secret, env.Google.ClientSecretJson());
        var store = Path.Combine(env.Folder, "tokens");
        using var connect = Support.Cli.Start(new Dictionary<string, string> { ["CI"] = "" }, "connect", "--client-secret", secret, "--endpoint-base", env.Google.BaseUri.AbsoluteUri,
            "--store", store, "--no-browser");
        while (await connect.StandardError.ReadLineAsync() is { } line && !line.Contains("Open this URL"))
        {
        }

        Terminate(connect);

        Assert.True(connect.WaitForExit(TimeSpan.FromSeconds(2)), "still waiting 2 s after SIGTERM");
        Assert.Equal(143, connect.ExitCode);
        Assert.False(File.Exists(Path.Combine(store, "default.token.json")));
    }

    [Fact]
    public async Task A_port_in_use_is_a_usage_error_saying_what_to_do()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString();

        var (exit, _, errors) = await RunAsync("emulator", "--port", port);

        Assert.Equal(2, exit);
        Assert.Contains("Cannot listen on 127.0.0.1:" + port, errors);
        Assert.Contains("Pick another --port, or 0 for any free one.", errors);
    }

    [Fact]
    public async Task SIGTERM_stops_a_demo_waiting_for_a_person_in_a_terminal()
    {
        // tmux gives the demo a real terminal, so it waits for someone to press Allow instead of approving by itself.
        var session = "ytoauth-demo-" + Environment.ProcessId;
        var code = Path.Combine(Path.GetTempPath(), session + ".code");
        File.Delete(code);
        Tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50",
            "env -u CI dotnet '" + Support.Cli.DllPath + "' demo --no-browser; echo $? > '" + code + "'");
        try
        {
            await Eventually.TrueAsync(() => Tmux("capture-pane", "-p", "-t", session).Contains("Open this URL"), "the demo to wait for consent");
            var shell = int.Parse(Tmux("list-panes", "-t", session, "-F", "#{pane_pid}").Trim());
            var demo = int.Parse(Run("pgrep", "-P", shell.ToString()).Trim());
            using var target = Process.GetProcessById(demo);

            var watch = Terminate(target);

            Assert.True(target.WaitForExit(TimeSpan.FromSeconds(2)), "still running 2 s after SIGTERM");
            await Eventually.TrueAsync(() => File.Exists(code) && File.ReadAllText(code).Trim().Length > 0, "the exit code");
            Assert.Equal("143", File.ReadAllText(code).Trim());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        }
        finally
        {
            Run("tmux", "kill-session", "-t", session);
        }
    }

    private static string Tmux(params string[] args) => Run("tmux", args);

    private static string Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [Fact]
    public async Task The_demo_under_CI_approves_by_itself_and_says_so()
    {
        var (exit, output, errors) = await RunAsync(new Dictionary<string, string> { ["CI"] = "true" }, "demo");

        Assert.True(exit == 0, errors);
        Assert.Contains("No terminal here (or a CI run), so the emulator approves the consent by itself", output);
        Assert.Contains("the new token replaced the refused one", output);
        Assert.Contains("0 live grants left at the emulator, and the grant is gone from the store", output);
        Assert.DoesNotContain("ya29.", output + errors);
    }

    private static Stopwatch Terminate(Process process)
    {
        var watch = Stopwatch.StartNew();
        using var kill = Process.Start("kill", "-TERM " + process.Id)!;
        kill.WaitForExit();
        return watch;
    }
}
