using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.CommandLine;

/// <summary>Where the CLI keeps grants when not told, and what it prints for scripts: JSON everywhere, nothing before a failure.</summary>
[Collection("Processes")]
public class CliOutputTests
{
    private static readonly string Seed = Path.Combine(Support.Cli.RepoRoot, "docs", "examples", "testing", "seed.json");

    private static Task<(int Code, string Output, string Errors)> RunAsync(IDictionary<string, string>? environment, params string[] args) =>
        Support.Cli.RunAsync(environment, null, args);

    private static async Task<TestEnvironment> ConnectedAsync()
    {
        var env = await TestEnvironment.StartAsync(data: new YouTubeDataOptions { SeedFile = Seed }, fileStore: true);
        await env.ConnectAsync();
        return env;
    }

    [Fact]
    public async Task The_store_is_the_flag_else_YTOAUTH_STORE_else_the_XDG_config_folder()
    {
        await using var env = await ConnectedAsync();
        var variable = Path.Combine(env.Folder, "tokens"); // holds 'default'
        var config = Directory.CreateTempSubdirectory("ytoauth-xdg-").FullName;
        Directory.CreateDirectory(Path.Combine(config, "ytoauth"));
        File.Copy(Path.Combine(variable, "default.token.json"), Path.Combine(config, "ytoauth", "work.token.json"));
        var empty = Directory.CreateTempSubdirectory("ytoauth-empty-").FullName;

        var fromConfig = await RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config }, "contexts", "--json");
        var fromVariable = await RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config, ["YTOAUTH_STORE"] = variable }, "contexts", "--json");
        var fromFlag = await RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config, ["YTOAUTH_STORE"] = variable }, "contexts", "--json", "--store", empty);
        var remedy = await RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config }, "token", "--profile", "other");
        var home = Directory.CreateTempSubdirectory("ytoauth-home-").FullName;
        var relative = await RunAsync(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "relative/config", ["HOME"] = home }, "token");

        Assert.Equal("work", JsonDocument.Parse(fromConfig.Output).RootElement.GetProperty("Profile").GetString());
        Assert.Equal("default", JsonDocument.Parse(fromVariable.Output).RootElement.GetProperty("Profile").GetString());
        Assert.Equal(0, fromFlag.Code);
        Assert.Equal("", fromFlag.Output);
        Assert.Equal(4, remedy.Code);
        Assert.Contains("Run: ytoauth connect --client-secret <client_secret.json> --profile other", remedy.Errors); // no --store: the default finds it again
        Assert.Contains(Path.Combine(config, "ytoauth"), remedy.Errors);
        Assert.Contains("in folder " + Path.Combine(home, ".config", "ytoauth") + ".", relative.Errors); // a relative XDG_CONFIG_HOME is ignored
    }

    [Fact]
    public async Task Token_connect_and_contexts_print_JSON_with_scopes_as_an_array()
    {
        await using var env = await ConnectedAsync();
        var store = new[] { "--store", Path.Combine(env.Folder, "tokens") };
        var secret = Path.Combine(env.Folder, "client_secret.json");
        await File.WriteAllTextAsync(secret, env.Google.ClientSecretJson());

        var token = JsonDocument.Parse((await RunAsync(null, store.Prepend("--json").Prepend("token").ToArray())).Output).RootElement;
        var grant = JsonDocument.Parse((await RunAsync(null, store.Prepend("--refresh-token").Prepend("--json").Prepend("token").ToArray())).Output).RootElement;
        var context = JsonDocument.Parse((await RunAsync(null, store.Prepend("--json").Prepend("contexts").ToArray())).Output).RootElement;
        var (accessToken, refreshToken) = ((await env.Engine.GetAccessTokenAsync("default")).Token, await env.Engine.GetRefreshTokenAsync("default", default));
        var connect = JsonDocument.Parse((await RunAsync(null, new[] { "connect", "--json", "--client-secret", secret }.Concat(store).ToArray())).Output).RootElement;

        Assert.Equal(accessToken, token.GetProperty("AccessToken").GetString());
        Assert.True(token.GetProperty("ExpiresUtc").GetDateTime() > DateTime.UtcNow);
        Assert.Equal(JsonValueKind.Array, token.GetProperty("Scopes").ValueKind);
        Assert.Equal(refreshToken, grant.GetProperty("RefreshToken").GetString());
        Assert.Equal(JsonValueKind.Array, context.GetProperty("Scopes").ValueKind);
        Assert.Contains("ReadOnly", context.GetProperty("Scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(context.GetProperty("Scopes").GetArrayLength(), connect.GetProperty("Scopes").GetArrayLength());
        Assert.True(connect.GetProperty("Reused").GetBoolean());
        Assert.Equal("default", connect.GetProperty("Profile").GetString());
    }

    [Fact]
    public async Task The_emulator_says_where_it_listens_as_JSON()
    {
        var (code, output, _) = await RunAsync(null, "emulator", "--port", "0", "--json", "--client-secret-out", Path.Combine(Path.GetTempPath(), "ytoauth-cli-json-cs.json"));

        var started = JsonDocument.Parse(output).RootElement;
        Assert.Equal(143, code); // stopped once it said where it listens
        Assert.StartsWith("http://127.0.0.1:", started.GetProperty("BaseUri").GetString());
        Assert.EndsWith("ytoauth-cli-json-cs.json", started.GetProperty("ClientSecret").GetString());
    }

    [Theory]
    [InlineData("playlists")]
    [InlineData("channel")]
    [InlineData("items", "--playlist", "PLexampleBasics")]
    [InlineData("videos", "--id", "knife000003")]
    [InlineData("analytics", "--dimensions", "day")]
    public async Task Nothing_reaches_standard_output_when_the_first_page_fails(string command, params string[] args)
    {
        await using var env = await ConnectedAsync();
        env.Google.RevokeAllGrants();
        env.Google.ExpireAccessTokens();

        var (code, output, errors) = await RunAsync(null, args.Prepend(command).Concat(new[] { "--store", Path.Combine(env.Folder, "tokens") }).ToArray());

        Assert.Equal(4, code);
        Assert.Contains("invalid_grant", errors);
        Assert.Equal("", output); // not even the header
    }

    [Fact]
    public async Task An_empty_listing_still_has_its_header()
    {
        var (code, output, _) = await RunAsync(null, "contexts", "--store", Directory.CreateTempSubdirectory("ytoauth-empty-").FullName);

        Assert.Equal(0, code);
        Assert.Equal("Profile\tChannel\tScopes\tConsented\tExpires", output.Trim());
    }

    [Fact]
    public async Task Help_shows_default_dates_as_the_flags_take_them()
    {
        var today = DateTime.UtcNow.Date;

        var help = (await RunAsync(null, "analytics", "--help")).Output;

        Assert.Contains("--start <yyyy-MM-dd>", help);
        Assert.Contains("(default: 28 days ago, " + today.AddDays(-28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")", help);
        Assert.Contains("(default: today, " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")", help);
        Assert.DoesNotContain("00:00:00", help);
    }

    [Fact]
    public async Task Analytics_takes_sort_filters_and_currency_to_the_report()
    {
        await using var env = await ConnectedAsync();
        var query = new[] { "analytics", "--start", "2026-11-01", "--end", "2026-11-02", "--json", "--store", Path.Combine(env.Folder, "tokens") };
        string[] Column(string output, string name) => output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty(name).ToString()).ToArray();

        var descending = await RunAsync(null, query.Concat(new[] { "--dimensions", "country", "--sort=-views" }).ToArray());
        var ascending = await RunAsync(null, query.Concat(new[] { "--dimensions", "country", "--sort", "views" }).ToArray());
        var filtered = await RunAsync(null, query.Concat(new[] { "--dimensions", "day", "--filters", "country==GB" }).ToArray());
        var currency = await RunAsync(null, query.Concat(new[] { "--dimensions", "day", "--currency", "EUR", "--verbose" }).ToArray());
        var badCurrency = await RunAsync(null, query.Concat(new[] { "--dimensions", "day", "--currency", "euro" }).ToArray());

        Assert.Equal(new[] { "US", "GB" }, Column(descending.Output, "country")); // 1065 views, 310
        Assert.Equal(new[] { "GB", "US" }, Column(ascending.Output, "country"));
        Assert.Equal(new[] { "2026-11-02" }, Column(filtered.Output, "day"));
        Assert.Equal(new[] { "310" }, Column(filtered.Output, "views"));
        Assert.Equal(0, currency.Code);
        Assert.Contains("currency=EUR", currency.Errors);
        Assert.Equal(2, badCurrency.Code);
        Assert.Contains("'euro' is not an ISO 4217 currency code", badCurrency.Errors);
        Assert.Equal("", badCurrency.Output);
    }
}
