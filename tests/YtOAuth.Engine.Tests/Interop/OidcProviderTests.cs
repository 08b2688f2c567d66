using System;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using Xunit;

namespace YtOAuth.Engine.Tests.Interop;

/// <summary>
/// YtOAuth against an authorization server nobody on this project wrote (oidc-provider from npm), configured as a
/// careful server meets a native app, with consent given by headless Chromium. The client_secret.json names only
/// the authorization and token endpoints; the rest comes from the server's metadata.
/// </summary>
[Collection("Chromium")] // one browser at a time on a two-core machine
public class OidcProviderTests
{
    private static readonly ConnectOptions Options = new() { Scopes = Scopes.Resolve(new[] { "openid", "profile" }), Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<(AuthEngine Engine, ConnectResult Result, string Page)> ConnectAsync(OidcProviderServer server, string decision = "allow")
    {
        await using var chrome = new ChromeBrowser(decision) { OidcProvider = true };
        var engine = new AuthEngine(new AuthEngineOptions { Store = new MemoryTokenStore(), Browser = chrome });
        var client = ClientSecretFile.Parse(server.ClientSecretJson(), "interop client_secret.json");
        var connect = engine.ConnectAsync(client, Options, CancellationToken.None);
        if (await Task.WhenAny(connect, chrome.FinalPage) == chrome.FinalPage && chrome.FinalPage.IsFaulted)
        {
            await chrome.FinalPage; // a browser failure surfaces as itself, not as a consent timeout
        }

        return (engine, await connect, await chrome.FinalPage);
    }

    [Fact]
    public async Task Connects_refreshes_and_revokes_with_endpoints_from_the_servers_metadata()
    {
        await using var server = await OidcProviderServer.StartAsync();
        var (engine, result, page) = await ConnectAsync(server);
        using (engine)
        {
            Assert.True(result.Connected, result.DeclinedReason);
            Assert.Contains("Signed in", page);
            var stored = (await engine.Store.ReadAsync("default", CancellationToken.None))!;
            Assert.Equal(server.Issuer.AbsoluteUri + "token/revocation", stored.Endpoints.Revocation); // from the metadata, not Google's
            var first = await engine.GetAccessTokenAsync("default");
            var refreshed = await engine.GetAccessTokenAsync("default", forceRefresh: true);
            Assert.NotEqual(first.Token, refreshed.Token);

            Assert.True(await engine.RevokeAsync("default", CancellationToken.None));

            // The server no longer honours the refresh token it issued.
            using var later = new AuthEngine(new AuthEngineOptions { Store = new MemoryTokenStore() });
            var error = await Assert.ThrowsAsync<YtOAuthException>(() => later.ConnectWithRefreshTokenAsync(
                ClientSecretFile.Parse(server.ClientSecretJson(), "interop"), stored.RefreshToken, Options, CancellationToken.None));
            Assert.Equal(ErrorCode.GrantInvalid, error.Code);
        }
    }

    [Fact]
    public async Task A_refused_consent_is_declined_with_the_servers_description()
    {
        await using var server = await OidcProviderServer.StartAsync();
        var (engine, result, page) = await ConnectAsync(server, "deny");
        using (engine)
        {
            Assert.False(result.Connected);
            Assert.StartsWith("access_denied: ", result.DeclinedReason);
            Assert.Contains("declined", page);
            Assert.Null(await engine.Store.ReadAsync("default", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Rotated_refresh_tokens_are_kept_and_the_old_ones_are_dead()
    {
        await using var server = await OidcProviderServer.StartAsync(rotate: true);
        var (engine, result, _) = await ConnectAsync(server);
        using (engine)
        {
            Assert.True(result.Connected, result.DeclinedReason);
            var before = (await engine.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken;
            await engine.GetAccessTokenAsync("default", forceRefresh: true);
            await engine.GetAccessTokenAsync("default", forceRefresh: true);
            var after = (await engine.Store.ReadAsync("default", CancellationToken.None))!.RefreshToken;

            Assert.NotEqual(before, after);
        }
    }
}
