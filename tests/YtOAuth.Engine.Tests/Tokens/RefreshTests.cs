using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Tokens;

public class RefreshTests
{
    [Fact]
    public async Task Token_is_reused_until_within_the_skew_then_refreshed()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        var first = await env.Engine.GetAccessTokenAsync("default");

        env.Clock.Advance(TimeSpan.FromMinutes(54)); // 6 minutes left: outside the 5-minute skew
        Assert.Equal(first.Token, (await env.Engine.GetAccessTokenAsync("default")).Token);
        Assert.Equal(0, env.Google.Counters["token:refresh_token"]);

        env.Clock.Advance(TimeSpan.FromMinutes(2)); // 4 minutes left
        var second = await env.Engine.GetAccessTokenAsync("default");
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);
        Assert.True(second.ExpiresUtc > env.Clock.UtcNow.AddMinutes(59));
    }

    [Fact]
    public async Task Minimum_validity_and_force_refresh_ask_for_a_new_token()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        var first = await env.Engine.GetAccessTokenAsync("default");

        var longer = await env.Engine.GetAccessTokenAsync("default", minimumValidity: TimeSpan.FromMinutes(61));
        Assert.NotEqual(first.Token, longer.Token);
        var forced = await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);
        Assert.NotEqual(longer.Token, forced.Token);
        Assert.Equal(2, env.Google.Counters["token:refresh_token"]);
    }

    [Fact]
    public async Task Refresh_keeps_the_refresh_token_when_none_comes_back()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        var before = (await env.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken;

        await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);

        var after = await env.Store.ReadAsync("default", CancellationToken.None);
        Assert.Equal(before, after!.RefreshToken);
        Assert.NotNull(after.LastRefreshUtc);
    }

    [Fact]
    public async Task Rotated_refresh_token_replaces_the_stored_one()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { RotateRefreshTokens = true });
        await env.ConnectAsync();
        var before = (await env.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken;

        await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);
        var rotated = (await env.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken;
        Assert.NotEqual(before, rotated);

        // The old one is dead at the server; the stored one works.
        await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);
        Assert.Equal(2, env.Google.Counters["token:refresh_token"]);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_cause_exactly_one_refresh()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TokenDelay = TimeSpan.FromMilliseconds(300) });
        await env.ConnectAsync();
        env.Clock.Advance(TimeSpan.FromMinutes(58));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => env.Engine.GetAccessTokenAsync("default"))));

        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);
        Assert.Single(tokens.Select(t => t.Token).Distinct());
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_refresh()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { TokenDelay = TimeSpan.FromMilliseconds(500) });
        await env.ConnectAsync();
        env.Clock.Advance(TimeSpan.FromMinutes(58));

        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var quitter = env.Engine.GetAccessTokenAsync("default", cancellationToken: impatient.Token);
        var patient = env.Engine.GetAccessTokenAsync("default");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        Assert.NotNull((await patient).Token);
        Assert.Equal(1, env.Google.Counters["token:refresh_token"]);
    }

    [Fact]
    public async Task No_stored_grant_fails_at_once_naming_the_connect_command()
    {
        await using var env = await TestEnvironment.StartAsync();

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("work"));

        Assert.Equal(ErrorCode.NoStoredGrant, error.Code);
        Assert.Equal((RemedyKind.Connect, "work"), (error.Remedy!.Kind, error.Remedy.Profile));
        Assert.Equal(0, env.Google.Counters["token"]);
    }

    [Fact]
    public async Task Seven_day_testing_expiry_is_diagnosed_and_the_grant_is_kept()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { RefreshTokenLifetime = TimeSpan.FromDays(7) });
        await env.ConnectAsync();
        env.Google.AdvanceClock(TimeSpan.FromDays(7.1));
        env.Clock.Advance(TimeSpan.FromDays(7.1));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default"));

        Assert.Equal(ErrorCode.GrantInvalid, error.Code);
        Assert.Contains("7 days", error.Message);
        Assert.Contains("Testing", error.Message);
        Assert.Contains("Publish the app", error.Message);
        Assert.Equal((RemedyKind.Connect, "default"), (error.Remedy!.Kind, error.Remedy.Profile));
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Revoked_grant_is_diagnosed_as_revoked_not_as_the_seven_day_limit()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.RevokeAllGrants();
        env.Clock.Advance(TimeSpan.FromDays(2));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default"));

        Assert.Equal(ErrorCode.GrantInvalid, error.Code);
        Assert.DoesNotContain("Testing", error.Message);
        Assert.Contains("myaccount.google.com/permissions", error.Message);
        Assert.Contains("kept", error.Message);
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Token_endpoint_outage_is_retried_then_reported_and_the_record_survives()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Faults.Add(FaultTarget.Token, Fault.Unavailable(1), Fault.ServerError);
        Assert.NotNull(await env.Engine.GetAccessTokenAsync("default", forceRefresh: true));
        Assert.Contains(TimeSpan.FromSeconds(1), env.Delays); // Retry-After honoured

        env.Google.Faults.Add(FaultTarget.Token, Fault.Html(), Fault.Html(), Fault.Html(), Fault.Html());
        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));
        Assert.Equal(ErrorCode.ServerError, error.Code);
        Assert.Contains("text/html instead of JSON", error.Message);
        Assert.Equal(1 + 2 + 4, env.Google.Counters["token:refresh_token"]);
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Dead_network_is_a_clear_connection_error()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        var record = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        record.Endpoints.Token = "http://127.0.0.1:9/token"; // discard port: nothing listens
        await env.Store.WriteAsync(record, CancellationToken.None);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));

        Assert.Equal(ErrorCode.NetworkError, error.Code);
        Assert.Contains("Could not reach 127.0.0.1", error.Message);
        Assert.Equal(record.RefreshToken, (await env.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken);
    }

    [Fact]
    public async Task Unattended_connect_with_a_refresh_token_validates_it_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync("interactive");
        var refreshToken = (await env.Store.ReadAsync("interactive", CancellationToken.None))!.RefreshToken;

        var result = await env.Engine.ConnectWithRefreshTokenAsync(env.Client, refreshToken, new ConnectOptions { Profile = "ci", AllowInteraction = false }, CancellationToken.None);

        Assert.True(result.Connected);
        Assert.Equal(env.Google.Data.ChannelId, result.Profile!.ChannelId);
        var bad = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectWithRefreshTokenAsync(env.Client, "1//not-a-token", new ConnectOptions { Profile = "ci2" }, CancellationToken.None));
        Assert.Equal(ErrorCode.GrantInvalid, bad.Code);
        Assert.Null(await env.Store.ReadAsync("ci2", CancellationToken.None));
    }
}
