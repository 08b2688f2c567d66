using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.Tokens;

public class RevokeTests
{
    [Fact]
    public async Task Revoke_ends_the_grant_at_google_and_forgets_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();

        Assert.True(await env.Engine.RevokeAsync("default", CancellationToken.None));

        Assert.Equal(0, env.Google.LiveGrantCount);
        Assert.Null(await env.Store.ReadAsync("default", CancellationToken.None));
        await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.GetAccessTokenAsync("default"));
    }

    [Fact]
    public async Task Revoking_an_already_dead_grant_still_forgets_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.RevokeAllGrants();

        Assert.False(await env.Engine.RevokeAsync("default", CancellationToken.None));
        Assert.Null(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Failed_revoke_keeps_the_grant_and_says_so()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.Faults.Add(FaultTarget.Revoke, Fault.ServerError, Fault.ServerError, Fault.ServerError, Fault.ServerError);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.RevokeAsync("default", CancellationToken.None));

        Assert.Equal(ErrorCode.RevokeFailed, error.Code);
        Assert.Contains("kept", error.Message);
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
        Assert.Equal(1, env.Google.LiveGrantCount);
    }

    [Fact]
    public async Task Revoke_with_no_network_keeps_the_grant()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        var record = (await env.Store.ReadAsync("default", CancellationToken.None))!;
        record.Endpoints.Revocation = "http://127.0.0.1:9/revoke";
        await env.Store.WriteAsync(record, CancellationToken.None);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.RevokeAsync("default", CancellationToken.None));

        Assert.Equal(ErrorCode.RevokeFailed, error.Code);
        Assert.Equal(ErrorCode.NetworkError, ((YtOAuthException)error.InnerException!).Code);
        Assert.NotNull(await env.Store.ReadAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Forget_removes_locally_without_telling_google()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();

        Assert.True(await env.Engine.ForgetAsync("default", CancellationToken.None));
        Assert.False(await env.Engine.ForgetAsync("default", CancellationToken.None));
        Assert.Equal(1, env.Google.LiveGrantCount);
        Assert.Equal(0, env.Google.Counters["revoke"]);
    }
}
