using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.CommandLine;

/// <summary>What users type that the CLI must take as they mean it, or refuse as a usage error: never a crash.</summary>
[Collection("Processes")]
public class CliInputTests
{
    private static readonly string Seed = Path.Combine(Support.Cli.RepoRoot, "docs", "examples", "testing", "seed.json");

    private static Task<(int Code, string Output, string Errors)> RunAsync(params string[] args) => Support.Cli.RunAsync(null, null, args);

    [Fact]
    public async Task A_handle_starting_with_at_is_a_value_even_where_a_file_of_that_name_exists()
    {
        await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = Seed }, fileStore: true);
        await env.ConnectAsync();
        var here = Directory.CreateTempSubdirectory("ytoauth-cli-at-").FullName;
        await File.WriteAllTextAsync(Path.Combine(here, "examplekitchen"), "--id UCsomeoneelse"); // what a response file would splice in

        var (code, output, errors) = await Support.Cli.RunAsync(null, here, "channel", "--handle", "@examplekitchen", "--json", "--store", Path.Combine(env.Folder, "tokens"));

        Assert.True(code == 0, errors);
        Assert.Equal("@examplekitchen", JsonDocument.Parse(output).RootElement.GetProperty("Handle").GetString());
    }

    [Fact]
    public async Task Connect_force_over_a_damaged_record_stops_before_consent_and_leaves_no_live_grant()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var secret = Path.Combine(env.Folder, "client_secret.json");
        await File.WriteAllTextAsync(secret, env.Google.ClientSecretJson());
        var store = Directory.CreateDirectory(Path.Combine(env.Folder, "tokens")).FullName;
        await File.WriteAllTextAsync(Path.Combine(store, "default.token.json"), "{ damaged");
        using var cli = Support.Cli.Start(new Dictionary<string, string> { ["CI"] = "" }, "connect", "--client-secret", secret, "--endpoint-base", env.Google.BaseUri.AbsoluteUri,
            "--store", store, "--no-browser", "--force");

        // Play the far browser if the CLI asks for consent at all (it did before deciding the record could not be replaced).
        var errors = new List<string>();
        while (await cli.StandardError.ReadLineAsync() is { } line)
        {
            errors.Add(line);
            var url = Regex.Match(line, "(http://\\S+/o/oauth2/v2/auth\\S+)").Groups[1].Value;
            if (url.Length > 0)
            {
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                using var answer = await http.GetAsync(url);
                await cli.StandardInput.WriteLineAsync(answer.Headers.Location!.AbsoluteUri);
                await cli.StandardInput.FlushAsync();
            }
        }

        await cli.WaitForExitAsync();

        Assert.Equal(8, cli.ExitCode);
        Assert.Contains(errors, l => l.Contains("is damaged"));
        Assert.DoesNotContain(errors, l => l.Contains("Open this URL"));
        Assert.Equal(0, env.Google.LiveGrantCount);
        Assert.Equal("{ damaged", await File.ReadAllTextAsync(Path.Combine(store, "default.token.json")));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_store_folder_the_user_made_read_only_is_refused_and_left_as_it_is()
    {
        var folder = Directory.CreateTempSubdirectory("ytoauth-cli-readonly-").FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute); // 0500

        var (code, _, errors) = await RunAsync("token", "--store", folder);

        Assert.Equal(8, code);
        Assert.Contains("'" + folder + "' is read-only or closed to its owner (mode 0500)", errors);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    /// <summary>Values people give by mistake, and values other tools treat specially (@file, -, --).</summary>
    private static readonly string[] Hostile = { "", " ", "@x", "-", "--", "a\nb", "-1", new string('é', 600) };

    /// <summary>For the flags every command shares, the values that once crashed or slipped through.</summary>
    private static readonly string[] HostileShared = { "", " ", "@x", "--" };

    [Fact]
    public async Task No_value_of_any_flag_of_any_command_ends_in_an_unexpected_failure_or_a_crash()
    {
        await using var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = Seed }, fileStore: true);
        await env.ConnectAsync();
        var store = Path.Combine(env.Folder, "tokens");
        var secret = Path.Combine(env.Folder, "client_secret.json");
        await File.WriteAllTextAsync(secret, env.Google.ClientSecretJson());
        var here = Directory.CreateTempSubdirectory("ytoauth-cli-hostile-").FullName;
        await File.WriteAllTextAsync(Path.Combine(here, "x"), "--help\n--store\n/"); // what @x would splice in
        // Arguments that make each command otherwise valid, so the value under test is what it meets.
        var valid = new Dictionary<string, string[]>
        {
            ["connect"] = new[] { "--client-secret", secret, "--endpoint-base", env.Google.BaseUri.AbsoluteUri },
            ["token"] = Array.Empty<string>(),
            ["channel"] = Array.Empty<string>(),
            ["playlists"] = Array.Empty<string>(),
            ["items"] = new[] { "--playlist", "PLexampleBasics" },
            ["videos"] = new[] { "--id", "knife000003" },
            ["analytics"] = new[] { "--start", "2026-11-01", "--end", "2026-11-02", "--dimensions", "day" },
            ["revoke"] = new[] { "--profile", "spare" },
            ["disconnect"] = new[] { "--profile", "spare" },
            ["contexts"] = Array.Empty<string>(),
            ["emulator"] = new[] { "--port", "0" },
            ["demo"] = Array.Empty<string>(),
        };
        var shared = new[] { "--store", "--profile", "--endpoint-base" };
        var cases = new List<string[]>();
        foreach (var (command, baseArgs) in valid)
        {
            var help = (await RunAsync(command, "--help")).Output;
            var flags = Regex.Matches(help, "^\\s+(?:-\\S+, )*(--[a-z-]+) <", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(flags);
            foreach (var flag in flags.Where(f => !shared.Contains(f) || (command != "emulator" && command != "demo")))
            {
                foreach (var value in shared.Contains(flag) ? HostileShared : Hostile)
                {
                    var args = new List<string> { command, flag, value };
                    args.AddRange(RemoveFlag(baseArgs, flag));
                    if (flag != "--store" && command != "emulator" && command != "demo")
                    {
                        args.AddRange(new[] { "--store", store });
                    }

                    cases.Add(args.ToArray());
                }
            }
        }

        var failures = new List<string>();
        using var slots = new SemaphoreSlim(3);
        await Task.WhenAll(cases.Select(async args =>
        {
            await slots.WaitAsync();
            try
            {
                var (code, output, errors) = await Support.Cli.RunAsync(new Dictionary<string, string> { ["CI"] = "true" }, here, args);
                if (code is 1 or 134 || !KnownExitCodes.Contains(code) || (output + errors).Contains("Unhandled exception") || errors.Contains("   at "))
                {
                    lock (failures)
                    {
                        failures.Add("exit " + code + ": ytoauth " + string.Join(" ", args.Select(a => "'" + a + "'")) + "\n    " + errors.Trim());
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        Assert.True(cases.Count > 200, "only " + cases.Count + " cases: the flags were not read from --help");
        Assert.True(failures.Count == 0, failures.Count + " of " + cases.Count + " inputs failed:\n" + string.Join("\n", failures));
    }

    private static readonly int[] KnownExitCodes = { 0, 2, 3, 4, 5, 6, 7, 8, 143 };

    private static IEnumerable<string> RemoveFlag(string[] args, string flag)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == flag)
            {
                i++; // and its value
                continue;
            }

            yield return args[i];
        }
    }
}
