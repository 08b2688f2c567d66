using System;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

/// <summary>Consent in a real browser: headless Chromium clicks through the emulator's consent page.</summary>
[Collection("Chromium")] // one browser at a time on a two-core machine
public class RealBrowserTests
{
    /// <summary>Connects; a browser failure surfaces as itself instead of as a consent timeout.</summary>
    private static async Task<ConnectResult> ConnectAsync(TestEnvironment env, ChromeBrowser chrome)
    {
        var connect = env.Engine.ConnectAsync(env.Client, new ConnectOptions { Timeout = TimeSpan.FromSeconds(60) }, CancellationToken.None);
        if (await Task.WhenAny(connect, chrome.FinalPage) == chrome.FinalPage && chrome.FinalPage.IsFaulted)
        {
            await chrome.FinalPage;
        }

        return await connect;
    }

    [Fact]
    public async Task Chromium_unticks_a_scope_presses_allow_and_lands_on_the_loopback_page()
    {
        await using var chrome = new ChromeBrowser("allow", "scope1");
        await using var env = await TestEnvironment.StartAsync(browser: chrome);

        var result = await ConnectAsync(env, chrome);
        var page = await chrome.FinalPage;

        Assert.True(result.Connected);
        Assert.Equal(new[] { Scopes.AnalyticsReadOnly }, result.MissingScopes);
        Assert.Contains("Return to your shell", page);
        Assert.Equal(1, env.Google.Counters["token:authorization_code"]);
    }

    [Fact]
    public async Task Chromium_pressing_deny_is_reported_as_declined()
    {
        await using var chrome = new ChromeBrowser("deny");
        await using var env = await TestEnvironment.StartAsync(browser: chrome);

        var result = await ConnectAsync(env, chrome);

        Assert.False(result.Connected);
        Assert.Contains("declined", await chrome.FinalPage);
    }
}
