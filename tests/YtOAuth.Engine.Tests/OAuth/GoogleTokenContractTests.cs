using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

/// <summary>Google's token endpoints as Google answers them: a grant's stated end, re-authentication, client types, scope names, revocation, v1 consent, transient bodies.</summary>
public class GoogleTokenContractTests
{
    private static readonly TimeSpan Testing = TimeSpan.FromSeconds(604_799);

    [Fact]
    public async Task A_testing_apps_grant_keeps_the_end_google_states_and_connect_warns_of_it()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TestingApp = true });
        using var listening = env.Listen();

        await env.ConnectAsync();

        var record = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        Assert.InRange(record.RefreshTokenExpiresUtc!.Value, env.Clock.UtcNow + Testing - TimeSpan.FromMinutes(1), env.Clock.UtcNow + Testing);
        var profile = (await env.Engine.GetProfileAsync("default", CancellationToken.None))!;
        Assert.Equal(record.RefreshTokenExpiresUtc, profile.RefreshTokenExpiresUtc);
        var warning = Assert.Single(env.Sink.Texts(EngineMessageKind.Warning), w => w.Contains("grant ends on"));
        Assert.Contains(record.RefreshTokenExpiresUtc.Value.ToString("yyyy-MM-dd HH:mm"), warning);
        Assert.Contains("Publish the app", warning);
    }

    [Fact]
    public async Task A_published_apps_grant_states_no_end_and_connect_does_not_warn()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var listening = env.Listen();

        await env.ConnectAsync();

        Assert.Null((await env.Store.ReadAsync("default", CancellationToken.None))!.RefreshTokenExpiresUtc);
        Assert.DoesNotContain(env.Sink.Texts(EngineMessageKind.Warning), w => w.Contains("grant ends on"));
    }

    [Fact]
    public async Task A_job_that_next_runs_on_day_nine_is_told_the_testing_limit_google_stated()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TestingApp = true });
        await env.ConnectAsync();
        env.Google.AdvanceClock(TimeSpan.FromDays(9));
        env.Clock.Advance(TimeSpan.FromDays(9));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default"));

        Assert.Equal(ErrorCode.GrantInvalid, error.Code);
        Assert.Contains("Google stated", error.Message);
        Assert.Contains("Testing", error.Message);
        Assert.Contains("Publish the app", error.Message);
        Assert.DoesNotContain("myaccount.google.com/permissions", error.Message);
    }

    [Fact]
    public async Task A_testing_apps_grant_revoked_on_day_two_is_not_blamed_on_the_time_limit()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TestingApp = true });
        await env.ConnectAsync();
        env.Google.RevokeAllGrants();
        env.Clock.Advance(TimeSpan.FromDays(2));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default"));

        Assert.Equal(ErrorCode.GrantInvalid, error.Code);
        Assert.Contains("not the time limit", error.Message);
        Assert.Contains("myaccount.google.com/permissions", error.Message);
    }

    [Fact]
    public void Records_stored_before_the_grants_end_was_kept_still_read_and_new_ones_keep_it()
    {
        var old = "{\"version\":1,\"client_id\":\"c\",\"client_secret\":\"s\",\"refresh_token\":\"1//old-record-token\",\"scopes\":[\"" + Scopes.YouTubeReadOnly +
                  "\"],\"consent_utc\":\"2026-01-01T00:00:00Z\"}";
        var read = TokenRecord.Deserialize(old, "old");
        Assert.Null(read.RefreshTokenExpiresUtc);
        Assert.Equal(1, read.Version);

        var ends = new DateTime(2026, 1, 8, 0, 0, 0, DateTimeKind.Utc);
        var kept = TokenRecord.Deserialize(new TokenRecord { ClientId = "c", RefreshToken = "1//new-record-token", RefreshTokenExpiresUtc = ends }.Serialize(), "new");
        Assert.Equal(ends, kept.RefreshTokenExpiresUtc);
        Assert.Equal(2, kept.Version);
    }

    [Theory]
    [InlineData("invalid_rapt")]
    [InlineData("rapt_required")]
    public async Task A_workspace_reauthentication_demand_says_sign_in_again_and_keeps_the_grant(string subtype)
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TestingApp = true });
        await env.ConnectAsync();
        env.Google.Settings.ReauthenticationSubtype = subtype;
        env.Google.AdvanceClock(TimeSpan.FromDays(8)); // past the Testing limit too: the subtype decides, not the calendar
        env.Clock.Advance(TimeSpan.FromDays(8));
        env.Google.Settings.RefreshTokenLifetime = null;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));

        Assert.Equal(ErrorCode.ReauthenticationRequired, error.Code);
        Assert.Contains("sign in again", error.Message);
        Assert.Contains(subtype, error.Message);
        Assert.DoesNotContain("Testing", error.Message);
        Assert.DoesNotContain("myaccount.google.com/permissions", error.Message);
        Assert.Equal((RemedyKind.Connect, "default", true), (error.Remedy!.Kind, error.Remedy.Profile, error.Remedy.Force));
        Assert.Equal(subtype, Assert.IsType<OAuthErrorException>(error.InnerException!.InnerException).Subtype);
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Connecting_again_after_a_reauthentication_demand_asks_for_consent_instead_of_reusing()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Settings.ReauthenticationSubtype = "invalid_rapt";

        var again = await env.ConnectAsync();

        Assert.False(again.ReusedExistingGrant);
        Assert.Equal(2, env.Google.Counters["token:authorization_code"]);
    }

    [Fact]
    public async Task A_desktop_client_refused_by_the_device_endpoint_is_told_to_create_a_tv_client()
    {
        await using var env = await TestEnvironment.StartAsync();
        var options = new ConnectOptions { Scopes = Scopes.Resolve(new[] { "ReadOnly" }) };

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectWithDeviceCodeAsync(env.Client, options, CancellationToken.None));

        Assert.Equal(ErrorCode.ClientRejected, error.Code);
        Assert.Contains("Invalid client type", error.Message);
        Assert.Contains("'TVs and Limited Input devices'", error.Message);
        Assert.DoesNotContain("of type 'Desktop app' that still exists", error.Message);
        Assert.Equal(1, env.Google.Counters["device/code"]);
    }

    [Fact]
    public async Task Email_and_profile_granted_as_userinfo_scopes_are_the_scopes_asked_and_the_grant_is_reused()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var listening = env.Listen();

        var first = await env.ConnectAsync("default", "ReadOnly", "email", "profile");

        Assert.Empty(first.MissingScopes);
        Assert.DoesNotContain(env.Sink.Texts(EngineMessageKind.Warning), w => w.Contains("left out"));
        var stored = (await env.Store.ReadAsync("default", CancellationToken.None))!.Scopes;
        Assert.Contains("https://www.googleapis.com/auth/userinfo.email", stored);
        Assert.Contains("https://www.googleapis.com/auth/userinfo.profile", stored);
        Assert.Contains("openid", stored);

        var second = await env.ConnectAsync("default", "ReadOnly", "email", "profile");
        Assert.True(second.ReusedExistingGrant);
        Assert.Equal(1, env.Google.Counters["token:authorization_code"]);
    }

    [Fact]
    public async Task Revocation_sends_the_token_alone()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();

        Assert.True(await env.Engine.RevokeAsync("default", CancellationToken.None));

        Assert.Equal(1, env.Google.Counters["revoke"]);
        Assert.DoesNotContain(env.Google.Counters.Snapshot().Keys, k => k.StartsWith("revoke:extra:", StringComparison.Ordinal));
        Assert.Equal(0, env.Google.LiveGrantCount);
    }

    [Fact]
    public async Task The_v1_authorization_endpoint_named_by_googles_client_secret_json_serves_consent()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var root = env.Google.BaseUri;
        // Endpoints from the file itself, as for a file downloaded from Google; only the YouTube APIs point at the emulator.
        var client = ClientSecretFile.Parse(env.Google.ClientSecretJson(), "downloaded client_secret.json",
            new EndpointChoices { YouTubeData = new Uri(root, "youtube/v3/"), Analytics = new Uri(root, "v2/") });
        Assert.Equal("/o/oauth2/auth", client.Registration.Authorization!.AbsolutePath);

        var result = await env.Engine.ConnectAsync(client, new ConnectOptions { Scopes = Scopes.Default, Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

        Assert.True(result.Connected);
        Assert.Equal(1, env.Google.Counters["auth:v1"]);
        Assert.Equal(1, env.Google.Counters["token:authorization_code"]);
    }

    [Theory]
    [InlineData(400, "{\"error\":\"internal_failure\"}")]
    [InlineData(400, "{\"error\":\"server_error\",\"error_description\":\"Bad Request\"}")]
    [InlineData(403, "{\"error\":\"temporarily_unavailable\"}")]
    [InlineData(400, "{\"error\":\"invalid_request\",\"error_description\":\"internal_failure\"}")]
    public async Task Token_answers_that_say_not_now_are_retried_like_server_errors(int status, string body)
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Faults.Add(FaultTarget.Token, Fault.Raw(status, body), Fault.Raw(status, body));

        var token = await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);

        Assert.NotNull(token.Token);
        Assert.Equal(3, env.Google.Counters["token:refresh_token"]);
        Assert.Equal(2, env.Delays.Count);

        env.Google.Faults.Add(FaultTarget.Token, Enumerable.Repeat(Fault.Raw(status, body), 4).ToArray());
        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));
        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Contains("Try again later", error.Message);
    }
}
