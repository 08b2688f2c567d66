using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.CommandLine;

/// <summary>
/// ytoauth's changes as a child process against the emulator: upload (output, progress only on a terminal, a run
/// stopped and run again), the playlist verbs, confirmation where nobody can answer, a missing scope, bad input.
/// </summary>
[Collection("Processes")]
public class CliWriteTests
{
    private static readonly string Seed = Path.Combine(Support.Cli.RepoRoot, "docs", "examples", "testing", "seed.json");

    private static Task<(int Code, string Output, string Errors)> RunAsync(params string[] args) => Support.Cli.RunAsync(null, null, args);

    /// <summary>An emulator with the example channel, connected with <paramref name="scopes"/> into a file store the CLI reads.</summary>
    private static async Task<(TestEnvironment Env, string[] Store)> ConnectedAsync(params string[] scopes)
    {
        var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = Seed }, fileStore: true);
        await env.ConnectAsync("default", scopes);
        return (env, new[] { "--store", Path.Combine(env.Folder, "tokens") });
    }

    private static string VideoFile(string folder, int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(folder, "clip-" + seed + ".mp4");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string[] Args(string[] store, params string[] args) => args.Concat(store).ToArray();

    [Fact]
    public async Task Upload_prints_the_video_and_the_emulator_holds_exactly_one_with_the_files_bytes()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Upload");
        await using var _ = env;
        var file = VideoFile(env.Folder, 700_000);

        var (exit, output, errors) = await RunAsync(Args(store, "upload", file, "--title", "Nightly render", "--tags", "ci,render", "--chunk-size-mib", "1"));

        Assert.True(exit == 0, errors);
        var video = Assert.Single(env.Google.UploadedVideos);
        Assert.Equal(Sha256(file), video.Sha256);
        Assert.Equal("Nightly render", video.Title);
        var lines = output.Trim().Split('\n');
        Assert.Equal("Id\tTitle\tDuration\tViews\tLikes\tComments\tPublished\tPrivacy", lines[0]);
        Assert.StartsWith(video.Id + "\tNightly render\t", lines[1]);
        Assert.EndsWith("\tprivate", lines[1]); // never public by accident
        Assert.DoesNotContain("Uploading", errors); // standard error is a pipe here: no progress at all
        Assert.DoesNotContain("\r", errors);
    }

    [Fact]
    public async Task Upload_with_json_prints_one_object_that_parses()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Upload");
        await using var _ = env;
        var file = VideoFile(env.Folder, 300_000, seed: 2);

        var (exit, output, errors) = await RunAsync(Args(store, "upload", file, "--title", "Talk", "--privacy", "unlisted", "--made-for-kids", "false", "--json"));

        Assert.True(exit == 0, errors);
        var video = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Assert.Single(env.Google.UploadedVideos).Id, video.GetProperty("Id").GetString());
        Assert.Equal("Talk", video.GetProperty("Title").GetString());
        Assert.Equal("unlisted", video.GetProperty("Privacy").GetString());
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Upload_shows_one_updating_progress_line_on_a_terminal()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Upload");
        await using var _ = env;
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(300);
        var file = VideoFile(env.Folder, 3 * 1024 * 1024, seed: 3);
        var typed = "env -u CI dotnet '" + Support.Cli.DllPath + "' upload '" + file + "' --title Progress --chunk-size-mib 1 --store '" + store[1] + "'";

        // script gives the CLI a terminal and writes down every byte it sends there, carriage returns included.
        var info = new ProcessStartInfo("script", new[] { "-qec", typed, "/dev/null" }) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.Environment["XDG_CONFIG_HOME"] = Support.Cli.ConfigHome;
        using var terminal = Process.Start(info)!;
        var screen = await terminal.StandardOutput.ReadToEndAsync();
        await terminal.WaitForExitAsync();

        Assert.True(terminal.ExitCode == 0, screen);
        Assert.Contains("\rUploading clip-3.mp4: ", screen);
        Assert.Matches(@"of 3\.0 MiB \(\d+%\), [\d.]+ [KM]iB/s, \d+ s left", screen);
        Assert.Contains("\r\u001b[K", screen); // the line is taken away before the video is printed
        Assert.Single(env.Google.UploadedVideos);
    }

    [Fact]
    public async Task An_upload_stopped_or_killed_continues_when_the_same_command_runs_again()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Upload");
        await using var _ = env;
        env.Google.Settings.UploadChunkDelay = TimeSpan.FromMilliseconds(250);
        var file = VideoFile(env.Folder, 8 * 1024 * 1024, seed: 4);
        var command = Args(store, "upload", file, "--title", "Resumed", "--chunk-size-mib", "1");

        async Task<Process> StartedAsync(long pastBytes)
        {
            var cli = Support.Cli.Start(command);
            await Eventually.TrueAsync(() => env.Google.Uploads.OpenSessions.Any(s => s.Committed > pastBytes), "the upload to get past " + pastBytes + " bytes");
            return cli;
        }

        using (var stopped = await StartedAsync(0))
        {
            using var term = Process.Start("kill", "-TERM " + stopped.Id)!;
            await term.WaitForExitAsync();
            var said = await stopped.StandardError.ReadToEndAsync();
            Assert.True(stopped.WaitForExit(TimeSpan.FromSeconds(5)), "still running 5 s after SIGTERM");
            Assert.Equal(143, stopped.ExitCode);
            Assert.Contains("run the same command again to continue", said);
        }

        var committed = env.Google.Uploads.OpenSessions.Single().Committed;
        using (var killed = await StartedAsync(committed))
        {
            killed.Kill(); // SIGKILL: nothing runs after it, only what was written down before counts
            await killed.WaitForExitAsync();
        }

        env.Google.Settings.UploadChunkDelay = TimeSpan.Zero;
        var (exit, output, errors) = await RunAsync(command);

        Assert.True(exit == 0, errors);
        Assert.Equal(1, env.Google.Uploads.SessionsStarted); // one session, continued twice, never a new one
        var video = Assert.Single(env.Google.UploadedVideos);
        Assert.Equal(Sha256(file), video.Sha256);
        Assert.Contains(video.Id + "\tResumed", output);
    }

    [Fact]
    public async Task Upload_with_a_thumbnail_into_a_playlist_then_video_set_and_thumbnail_set()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Upload", "Manage");
        await using var _ = env;
        var file = VideoFile(env.Folder, 300_000, seed: 6);
        var cover = Path.Combine(env.Folder, "cover.jpg");
        await File.WriteAllBytesAsync(cover, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9 });

        var upload = await RunAsync(Args(store, "upload", file, "--title", "With extras", "--playlist", "PLexampleBaking", "--thumbnail", cover, "--json"));
        Assert.True(upload.Code == 0, upload.Errors);
        var id = JsonDocument.Parse(upload.Output).RootElement.GetProperty("Id").GetString()!;
        var items = await RunAsync(Args(store, "items", "--playlist", "PLexampleBaking"));
        var set = await RunAsync(Args(store, "video", "set", id, "--title", "Final cut", "--privacy", "public", "--json"));
        var thumbnail = await RunAsync(Args(store, "thumbnail", "set", id, cover, "--json"));

        Assert.Contains("\t" + id + "\tWith extras\t", items.Output);
        Assert.True(set.Code == 0, set.Errors);
        Assert.Equal("Final cut", JsonDocument.Parse(set.Output).RootElement.GetProperty("Title").GetString());
        Assert.Equal("public", JsonDocument.Parse(set.Output).RootElement.GetProperty("Privacy").GetString());
        Assert.True(thumbnail.Code == 0, thumbnail.Errors);
        Assert.Equal(id, JsonDocument.Parse(thumbnail.Output).RootElement.GetProperty("VideoId").GetString());
        Assert.StartsWith("https://", JsonDocument.Parse(thumbnail.Output).RootElement.GetProperty("ThumbnailUrl").GetString());
    }

    [Fact]
    public async Task Playlist_create_add_remove_delete_round_trip()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Manage");
        await using var _ = env;

        var created = await RunAsync(Args(store, "playlist", "create", "--title", "Nightly builds", "--description", "Made by a test.", "--json"));
        Assert.True(created.Code == 0, created.Errors);
        var playlist = JsonDocument.Parse(created.Output).RootElement;
        var id = playlist.GetProperty("Id").GetString()!;
        Assert.Equal("private", playlist.GetProperty("Privacy").GetString());

        var added = await RunAsync(Args(store, "playlist", "add", id, "knife000003", "bread000001", "--json"));
        Assert.True(added.Code == 0, added.Errors);
        var items = added.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(new[] { "knife000003", "bread000001" }, items.Select(i => i.GetProperty("VideoId").GetString()));
        var first = await RunAsync(Args(store, "playlist", "add", id, "soup0000002", "--position", "0"));
        Assert.Equal(0, first.Code);

        var listed = await RunAsync(Args(store, "items", "--playlist", id));
        Assert.Equal(new[] { "soup0000002", "knife000003", "bread000001" }, listed.Output.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')[2]));

        var removed = await RunAsync(Args(store, "playlist", "remove", items[0].GetProperty("ItemId").GetString()!, "--yes"));
        Assert.True(removed.Code == 0, removed.Errors);
        Assert.Equal("", removed.Output);
        Assert.Contains("Removed playlist item " + items[0].GetProperty("ItemId").GetString(), removed.Errors);
        var after = await RunAsync(Args(store, "items", "--playlist", id, "--json"));
        Assert.Equal(new[] { "soup0000002", "bread000001" }, after.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("VideoId").GetString()));

        var deleted = await RunAsync(Args(store, "playlist", "delete", id, "--yes"));
        Assert.True(deleted.Code == 0, deleted.Errors);
        Assert.Contains("Deleted playlist " + id, deleted.Errors);
        var gone = await RunAsync(Args(store, "playlists", "--id", id));
        Assert.Single(gone.Output.Trim().Split('\n')); // the header only
    }

    [Fact]
    public async Task Playlist_add_names_a_video_YouTube_does_not_show_adds_the_rest_and_exits_7()
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Manage");
        await using var _ = env;

        var (exit, output, errors) = await RunAsync(Args(store, "playlist", "add", "PLexampleBaking", "noSuchVideo", "knife000003"));

        Assert.Equal(7, exit);
        Assert.Contains("noSuchVideo", errors);
        Assert.Contains("\tknife000003\t", output);
    }

    [Theory]
    [InlineData("delete", "PLexampleBasics")]
    [InlineData("remove", "")] // the item id is read from the emulator below
    public async Task Deleting_where_nobody_can_answer_without_yes_refuses_and_changes_nothing(string verb, string target)
    {
        var (env, store) = await ConnectedAsync("ReadOnly", "Manage");
        await using var _ = env;
        var before = await RunAsync(Args(store, "items", "--playlist", "PLexampleBasics", "--json"));
        var itemId = JsonDocument.Parse(before.Output.Split('\n')[0]).RootElement.GetProperty("ItemId").GetString()!;

        var (exit, output, errors) = await RunAsync(Args(store, "playlist", verb, target.Length > 0 ? target : itemId));

        Assert.Equal(5, exit);
        Assert.Equal("", output);
        Assert.Contains("needs confirmation, and nobody can answer here (the CI environment variable marks a CI run). Nothing was changed. Add --yes", errors);
        Assert.Equal(0, env.Google.Counters["youtube:playlists.delete"] + env.Google.Counters["youtube:playlistItems.delete"]);
        Assert.Equal(before.Output, (await RunAsync(Args(store, "items", "--playlist", "PLexampleBasics", "--json"))).Output);
    }

    [Fact]
    public async Task A_missing_scope_exits_4_and_says_which_to_add_with_connect()
    {
        var (env, store) = await ConnectedAsync(); // ReadOnly and Analytics: no Upload, no Manage
        await using var _ = env;
        var file = VideoFile(env.Folder, 300_000, seed: 5);

        var upload = await RunAsync(Args(store, "upload", file, "--title", "No scope"));
        var create = await RunAsync(Args(store, "playlist", "create", "--title", "No scope"));

        Assert.Equal(4, upload.Code);
        Assert.Contains("lacks the scope this call needs (Upload)", upload.Errors);
        Assert.Contains("Run: ytoauth connect --client-secret <client_secret.json> --store " + store[1] + " --profile default --scope Upload", upload.Errors);
        Assert.DoesNotContain("--force", upload.Errors); // the grant is kept and the scope added to it
        Assert.Equal(0, env.Google.Uploads.SessionsStarted); // refused before a byte or a quota unit
        Assert.Equal(4, create.Code);
        Assert.Contains("--scope Manage", create.Errors);
        Assert.Empty(upload.Output + create.Output);
    }

    [Theory]
    [InlineData(2, "does not exist. Check the path.", "upload", "/nonexistent/clip.mp4", "--title", "x")]
    [InlineData(2, "'secret' is no privacy setting: use private, unlisted or public.", "upload", "/etc/hostname", "--title", "x", "--privacy", "secret")]
    [InlineData(2, "Option '--title' is required.", "upload", "/etc/hostname")]
    [InlineData(2, "--chunk-size-mib takes a whole number from 1 to 1024, not 0", "upload", "/etc/hostname", "--title", "x", "--chunk-size-mib", "0")]
    [InlineData(2, "--publish-at takes a time as yyyy-MM-ddTHH:mm with Z or an offset", "upload", "/etc/hostname", "--title", "x", "--publish-at", "tomorrow")]
    [InlineData(2, "A scheduled video (PublishAt) must be private until then", "upload", "/etc/hostname", "--title", "x", "--privacy", "public", "--publish-at", "2030-01-01T10:00Z")]
    [InlineData(2, "The thumbnail '/nonexistent/cover.jpg' does not exist", "upload", "/etc/hostname", "--title", "x", "--thumbnail", "/nonexistent/cover.jpg")]
    [InlineData(2, "Run 'ytoauth playlist --help' for usage.", "playlist")]
    [InlineData(2, "Run 'ytoauth playlist add --help' for usage.", "playlist", "add", "PLx")]
    [InlineData(2, "--position takes a whole number of at least 0, not -1", "playlist", "add", "PLx", "v1", "--position", "-1")]
    [InlineData(2, "Give what to change: --title, --description, --tags", "video", "set", "v1")]
    [InlineData(2, "Give what to change: --title, --description or --privacy.", "playlist", "set", "PLx")]
    [InlineData(2, "--title was given an empty value", "playlist", "create", "--title", "")]
    public async Task Bad_input_is_one_clear_message_and_the_exit_code_of_its_kind(int code, string message, params string[] args)
    {
        var (exit, output, errors) = await RunAsync(args.Concat(new[] { "--store", "/tmp/ytoauth-cli-unused" }).ToArray());

        Assert.Equal(code, exit);
        Assert.Contains(message, errors + output);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [Theory]
    [InlineData("upload")]
    [InlineData("playlist")]
    [InlineData("playlist create")]
    [InlineData("playlist set")]
    [InlineData("playlist add")]
    [InlineData("playlist remove")]
    [InlineData("playlist delete")]
    [InlineData("video set")]
    [InlineData("thumbnail set")]
    public async Task Every_new_command_has_its_own_help(string command)
    {
        var (exit, output, _) = await RunAsync(command.Split(' ').Append("--help").ToArray());

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains("ytoauth " + command, output);
    }
}
