using System;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

/// <summary>What the client registration and the authorization server decide: the redirect path, the endpoints, the issuer.</summary>
public class EndpointAndRegistrationTests
{
    private static ConnectOptions Options(int timeoutSeconds = 20) => new() { Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

    private static async Task<(ConnectResult Result, ConsentPageBrowser Browser)> ConnectAsync(TestEnvironment env, OAuthClient client, int timeoutSeconds = 20)
    {
        var browser = new ConsentPageBrowser();
        using var engine = new AuthEngine(new AuthEngineOptions { Store = env.Store, Clock = env.Clock, Browser = browser, Retry = env.Retry });
        return (await engine.ConnectAsync(client, Options(timeoutSeconds), CancellationToken.None), browser);
    }

    [Theory]
    [InlineData("http://127.0.0.1/callback", "/callback")]
    [InlineData("http://localhost/authorize/", "/authorize/")] // localhost in the registration, 127.0.0.1 on the wire (RFC 8252 8.3)
    public async Task The_redirect_follows_the_registered_loopback_path(string registered, string path)
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var registration = env.Google.AddDesktopClient(registered);
        var client = ClientSecretFile.Parse(env.Google.ClientSecretJson(registration), "registration", new EndpointChoices { Base = env.Google.BaseUri });

        var (result, browser) = await ConnectAsync(env, client);

        Assert.True(result.Connected);
        Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+" + path.Replace("/", "\\/") + "\\?", browser.CallbackUrl);
    }

    [Fact]
    public async Task A_server_matching_registered_paths_refuses_another_and_nothing_is_exchanged()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var registration = env.Google.AddDesktopClient("http://127.0.0.1/callback");
        // A file that disagrees with the registration at the server: YtOAuth asks for /elsewhere, the server says no.
        var json = JObject.Parse(env.Google.ClientSecretJson(registration));
        json["installed"]!["redirect_uris"] = new JArray("http://127.0.0.1/elsewhere");
        var client = ClientSecretFile.Parse(json.ToString(), "disagreeing file", new EndpointChoices { Base = env.Google.BaseUri });

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => ConnectAsync(env, client, timeoutSeconds: 2));

        Assert.Equal(ErrorCode.ConsentTimeout, error.Code);
        Assert.Equal(0, env.Google.Counters["token:authorization_code"]);
    }

    [Fact]
    public void Each_endpoint_comes_from_the_first_level_that_names_it()
    {
        var metadata = JObject.Parse("{\"issuer\": \"https://as.example\", \"authorization_endpoint\": \"https://as.example/meta-auth\", \"token_endpoint\": \"https://as.example/meta-token\"," +
                                     " \"revocation_endpoint\": \"https://as.example/meta-revoke\", \"device_authorization_endpoint\": \"https://as.example/meta-device\"}");
        var registration = new ClientRegistration { Authorization = new Uri("https://as.example/file-auth"), Token = new Uri("https://as.example/file-token") };
        var choices = new EndpointChoices { Token = new Uri("https://explicit.example/token") };

        var endpoints = EndpointResolver.Combine(choices, registration, metadata);

        Assert.Equal("https://as.example/file-auth", endpoints.Authorization.AbsoluteUri);     // the file beats the metadata
        Assert.Equal("https://explicit.example/token", endpoints.Token.AbsoluteUri);           // explicit beats the file
        Assert.Equal("https://as.example/meta-revoke", endpoints.Revocation.AbsoluteUri);      // the metadata beats Google
        Assert.Equal("https://as.example/meta-device", endpoints.DeviceAuthorization.AbsoluteUri);
        Assert.Equal(GoogleEndpoints.Google.YouTubeData, endpoints.YouTubeData);               // nobody named it: Google's
        Assert.Equal("https://as.example", endpoints.Issuer);

        var underBase = EndpointResolver.Combine(new EndpointChoices { Base = new Uri("http://127.0.0.1:9/") }, registration, metadata);
        Assert.Equal("http://127.0.0.1:9/o/oauth2/v2/auth", underBase.Authorization.AbsoluteUri); // the base beats the file
        Assert.Equal("http://127.0.0.1:9/revoke", underBase.Revocation.AbsoluteUri);
        Assert.Null(underBase.Issuer);

        Assert.Equal(GoogleEndpoints.GoogleIssuer, EndpointResolver.Combine(new EndpointChoices(), new ClientRegistration()).Issuer);
    }

    [Fact]
    public async Task The_endpoint_base_wins_over_the_file_and_is_kept_with_the_grant_for_revocation()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var json = JObject.Parse(env.Google.ClientSecretJson());
        json["installed"]!["auth_uri"] = "https://accounts.example.invalid/auth";
        json["installed"]!["token_uri"] = "https://oauth.example.invalid/token";
        var client = ClientSecretFile.Parse(json.ToString(), "file naming other hosts", new EndpointChoices { Base = env.Google.BaseUri });

        var (result, _) = await ConnectAsync(env, client);
        var stored = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        await env.Engine.RevokeAsync("default", CancellationToken.None);

        Assert.True(result.Connected);
        Assert.Equal(env.Google.BaseUri + "revoke", stored.Endpoints.Revocation);
        Assert.Equal(env.Google.BaseUri + "youtube/v3/", stored.Endpoints.YouTubeData);
        Assert.Equal(1, env.Google.Counters["revoke"]);
        Assert.Equal(0, env.Google.LiveGrantCount);
    }

    [Fact]
    public async Task Endpoints_the_file_does_not_name_come_from_the_servers_metadata_and_its_iss_is_checked()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true, IssuerInResponses = "self" });
        var api = GoogleEndpoints.ForBaseUri(env.Google.BaseUri);
        // No base: the file names the emulator's auth and token endpoints, the metadata the rest; the API base is explicit.
        var client = ClientSecretFile.Parse(env.Google.ClientSecretJson(), "file", new EndpointChoices { YouTubeData = api.YouTubeData, Analytics = api.Analytics });

        var (result, browser) = await ConnectAsync(env, client);
        var stored = (await env.Store.ReadAsync("default", CancellationToken.None))!;

        Assert.True(result.Connected);
        Assert.Contains("iss=" + Uri.EscapeDataString(env.Google.Issuer), browser.CallbackUrl);
        Assert.Equal(env.Google.BaseUri + "revoke", stored.Endpoints.Revocation);
        Assert.Equal(env.Google.BaseUri + "device/code", stored.Endpoints.Device);
        Assert.Equal("Emulated Channel", result.Profile!.AccountLabel);
    }

    [Fact]
    public async Task An_answer_naming_another_issuer_is_refused_before_anything_is_exchanged()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true, IssuerInResponses = "https://mix-up.example" });
        var api = GoogleEndpoints.ForBaseUri(env.Google.BaseUri);
        var client = ClientSecretFile.Parse(env.Google.ClientSecretJson(), "file", new EndpointChoices { YouTubeData = api.YouTubeData, Analytics = api.Analytics });

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => ConnectAsync(env, client));

        Assert.Equal(ErrorCode.IssuerMismatch, error.Code);
        Assert.Contains("mix-up.example", error.Message);
        Assert.Equal(0, env.Google.Counters["token:authorization_code"]);
        Assert.Null(await env.Store.ReadAsync("default", CancellationToken.None));
    }
}
