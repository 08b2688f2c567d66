using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.Reliability;

/// <summary>
/// tests/corpus/malformed-input.json: token answers, API pages and stored records that a broken or hostile server, or
/// a damaged disk, could produce. Each must end in the error code the corpus names (or be tolerated), never in a
/// crash, and must leave what is stored exactly as it was.
/// </summary>
public class CorpusTests
{
    private static readonly JsonObject Corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "malformed-input.json")))!.AsObject();

    public static IEnumerable<object[]> Cases(string kind) => Corpus[kind]!.AsArray().Select(c => new object[] { c!["name"]!.GetValue<string>() });

    private static JsonObject Case(string kind, string name) => Corpus[kind]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    [Fact]
    public void The_corpus_holds_at_least_forty_cases() =>
        Assert.True(new[] { "token", "page", "record" }.Sum(k => Corpus[k]!.AsArray().Count) >= 40);

    [Theory]
    [MemberData(nameof(Cases), "token")]
    public async Task Token_answer(string name)
    {
        var item = Case("token", name);
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync();
        var file = Path.Combine(env.Folder, "tokens", "default.token.json");
        var before = await File.ReadAllTextAsync(file);
        env.Google.Faults.Add(FaultTarget.Token, Enumerable.Repeat(Fault.Raw(item["status"]!.GetValue<int>(), item["body"]!.GetValue<string>()), 4).ToArray());

        var outcome = await OutcomeAsync(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));

        Assert.Equal(item["expect"]!.GetValue<string>(), outcome);
        if (outcome != "ok")
        {
            Assert.Equal(before, await File.ReadAllTextAsync(file));
        }
    }

    [Theory]
    [MemberData(nameof(Cases), "page")]
    public async Task Api_page(string name)
    {
        var item = Case("page", name);
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync();
        var before = await env.Store.ReadAsync("default", CancellationToken.None);
        env.Google.Faults.Add(FaultTarget.YouTube, item["answers"]!.AsArray().Select(a => Fault.Raw(a!["status"]!.GetValue<int>(), a["body"]!.GetValue<string>())).ToArray());

        var outcome = await OutcomeAsync(() => env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true }));

        Assert.Equal(item["expect"]!.GetValue<string>(), outcome);
        var after = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        Assert.Equal((before!.RefreshToken, before.AccessToken, before.AccessTokenExpiresUtc, string.Join(" ", before.Scopes)),
            (after.RefreshToken, after.AccessToken, after.AccessTokenExpiresUtc, string.Join(" ", after.Scopes)));
    }

    [Theory]
    [MemberData(nameof(Cases), "record")]
    public async Task Stored_record(string name)
    {
        var item = Case("record", name);
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        var folder = Path.Combine(env.Folder, "tokens");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "default.token.json");
        var json = item["json"]!.GetValue<string>().Replace("BASE/", env.Google.BaseUri.AbsoluteUri).Replace("BASE", env.Google.BaseUri.AbsoluteUri.TrimEnd('/'));
        await File.WriteAllTextAsync(file, json);

        var outcome = await OutcomeAsync(() => env.Engine.GetAccessTokenAsync("default"));
        var listed = await env.Engine.GetProfilesAsync(CancellationToken.None); // never throws for one damaged record

        Assert.Equal(item["expect"]!.GetValue<string>(), outcome);
        Assert.Equal(json, await File.ReadAllTextAsync(file));
        Assert.Equal(outcome == "ok" ? 1 : 0, listed.Count);
    }

    [Fact]
    public async Task The_file_name_names_the_profile_so_refreshing_one_never_writes_another()
    {
        await using var env = await TestEnvironment.StartAsync(fileStore: true);
        await env.ConnectAsync("work");
        var folder = Path.Combine(env.Folder, "tokens");
        var work = Path.Combine(folder, "work.token.json");
        await File.WriteAllTextAsync(work, (await File.ReadAllTextAsync(work)).Replace("\"profile\": \"work\"", "\"profile\": \"default\""));

        var token = await env.Engine.GetAccessTokenAsync("work", forceRefresh: true);

        Assert.Equal("work", token.Profile);
        Assert.False(File.Exists(Path.Combine(folder, "default.token.json")));
        Assert.Contains("\"profile\": \"work\"", await File.ReadAllTextAsync(work));
    }

    /// <summary>"ok", or the code of the engine's error; anything else (a crash) fails the test as itself.</summary>
    private static async Task<string> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (YtOAuthException e)
        {
            Assert.DoesNotContain("ya29.", e.Message);
            return e.Code.ToString();
        }
    }
}
