using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.Tokens;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

public class ConsentFlowTests
{
    private static ConnectOptions Options(string profile = "default", int timeoutSeconds = 20) =>
        new() { Profile = profile, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

    [Fact]
    public async Task Consent_page_allow_stores_the_grant_in_a_private_file()
    {
        var browser = new ConsentPageBrowser();
        await using var env = await TestEnvironment.StartAsync(browser: browser, fileStore: true);

        var result = await env.Engine.ConnectAsync(env.Client, Options(), CancellationToken.None);
        await browser.Done; // the engine may finish before the browser has read the page

        Assert.True(result.Connected);
        Assert.False(result.ReusedExistingGrant);
        Assert.Empty(result.MissingScopes);
        Assert.Equal(new[] { Scopes.YouTubeReadOnly, Scopes.AnalyticsReadOnly }, result.Profile!.Scopes);
        Assert.Equal(env.Google.Data.ChannelId, result.Profile.ChannelId);
        Assert.Equal("Emulated Channel", result.Profile.AccountLabel);
        Assert.Contains("Allow", browser.ConsentPage);
        Assert.Equal(HttpStatusCode.OK, browser.CallbackStatus);
        Assert.Contains("Return to your shell", browser.CallbackPage);
        Assert.Equal(1, env.Google.Counters["token:authorization_code"]);

        var file = Path.Combine(env.Folder, "tokens", "default.token.json");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        }

        var stored = await env.Store.ReadAsync("default", CancellationToken.None);
        Assert.Equal(env.Google.DesktopClient.ClientId, stored!.ClientId);
        Assert.StartsWith("1//rt-", stored.RefreshToken);
        Assert.DoesNotContain(browser.CallbackUrl!.Split("code=")[1].Split('&')[0], browser.CallbackPage);
    }

    [Fact]
    public async Task Authorization_request_uses_pkce_s256_a_fresh_state_and_the_bound_port()
    {
        Uri? seen = null;
        var browser = new CapturingBrowser(u => seen = u);
        await using var env = await TestEnvironment.StartAsync(browser: browser);

        var connect = env.Engine.ConnectAsync(env.Client, Options(timeoutSeconds: 1), CancellationToken.None);
        await Assert.ThrowsAsync<YtOAuthException>(() => connect);

        var query = seen!.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].Length);
        Assert.True(query["state"].Length >= 43);
        Assert.Equal("offline", query["access_type"]);
        // The registration says http://localhost: its path ("/"), on 127.0.0.1, on the port actually bound.
        Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+/$", query["redirect_uri"]);
    }

    [Fact]
    public async Task Denied_consent_is_a_result_and_stores_nothing()
    {
        var browser = new ConsentPageBrowser { Decision = "deny" };
        await using var env = await TestEnvironment.StartAsync(browser: browser);

        var result = await env.Engine.ConnectAsync(env.Client, Options(), CancellationToken.None);
        await browser.Done;

        Assert.False(result.Connected);
        Assert.Equal("access_denied", result.DeclinedReason);
        Assert.Null(await env.Store.ReadAsync("default", CancellationToken.None));
        Assert.Equal(0, env.Google.Counters["token"]);
        Assert.Contains("declined", browser.CallbackPage);
    }

    [Fact]
    public async Task Unticked_scope_is_named_and_the_rest_is_kept()
    {
        var browser = new ConsentPageBrowser { Untick = new[] { Scopes.AnalyticsReadOnly } };
        await using var env = await TestEnvironment.StartAsync(browser: browser);
        using var log = env.Listen();

        var result = await env.Engine.ConnectAsync(env.Client, Options(), CancellationToken.None);

        Assert.True(result.Connected);
        Assert.Equal(new[] { Scopes.AnalyticsReadOnly }, result.MissingScopes);
        Assert.Equal(new[] { Scopes.YouTubeReadOnly }, result.Profile!.Scopes);
        Assert.Contains(env.Sink.Texts(EngineMessageKind.Warning), w => w.Contains("Analytics"));
    }

    [Fact]
    public async Task Forged_state_is_refused_without_exchange_and_the_wait_times_out_saying_so()
    {
        var browser = new ConsentPageBrowser { TamperRedirect = url => System.Text.RegularExpressions.Regex.Replace(url, "state=[^&]+", "state=forged") };
        await using var env = await TestEnvironment.StartAsync(browser: browser);
        env.Google.Settings.AutoApprove = true;

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectAsync(env.Client, Options(timeoutSeconds: 2), CancellationToken.None));

        await browser.Done;
        Assert.Equal(ErrorCode.StateMismatch, error.Code);
        Assert.Contains("did not match", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, browser.CallbackStatus);
        Assert.Contains("state", browser.CallbackPage);
        Assert.Equal(0, env.Google.Counters["token"]);
    }

    [Fact]
    public async Task Consent_wait_times_out_with_advice_and_cancellation_is_not_a_timeout()
    {
        await using var env = await TestEnvironment.StartAsync(browser: new CapturingBrowser(_ => { }));

        var timeout = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectAsync(env.Client, Options(timeoutSeconds: 1), CancellationToken.None));
        Assert.Equal(ErrorCode.ConsentTimeout, timeout.Code);
        Assert.Equal(RemedyKind.AllowMoreTime, timeout.Remedy!.Kind);

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.Engine.ConnectAsync(env.Client, Options(timeoutSeconds: 60), stop.Token));
    }

    [Fact]
    public async Task No_browser_prints_the_url_instead_of_failing()
    {
        await using var env = await TestEnvironment.StartAsync(browser: new CapturingBrowser(_ => { }, canOpen: false));
        using var log = env.Listen();

        await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectAsync(env.Client, Options(timeoutSeconds: 1), CancellationToken.None));

        Assert.Contains(env.Sink.Texts(EngineMessageKind.Information), m => m.StartsWith("Open this URL in a browser") && m.Contains("/o/oauth2/v2/auth?"));
    }

    [Fact]
    public async Task Unattended_sessions_fail_at_once_without_binding_or_waiting()
    {
        var browser = new CapturingBrowser(_ => throw new InvalidOperationException("must not open"));
        await using var env = await TestEnvironment.StartAsync(browser: browser);

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectAsync(env.Client,
            new ConnectOptions { AllowInteraction = false, Timeout = TimeSpan.FromMinutes(5) }, CancellationToken.None));

        Assert.Equal(ErrorCode.InteractionRequired, error.Code);
        Assert.Contains("refresh token", error.Message);
        Assert.Equal(0, env.Google.Counters["auth"]);
    }

    [Fact]
    public async Task A_stored_grant_with_the_scopes_is_reused_and_force_asks_again()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();

        var again = await env.Engine.ConnectAsync(env.Client, Options(), CancellationToken.None);
        Assert.True(again.ReusedExistingGrant);
        Assert.Equal(1, env.Google.Counters["auth"]);

        env.Google.Settings.AutoApprove = true;
        var forced = await env.Engine.ConnectAsync(env.Client, new ConnectOptions { Force = true, Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);
        Assert.False(forced.ReusedExistingGrant);
        Assert.Equal(2, env.Google.Counters["auth"]);
    }

    [Fact]
    public async Task A_stored_grant_that_google_revoked_is_not_reused_but_replaced_by_a_new_consent()
    {
        await using var env = await TestEnvironment.StartAsync();
        await env.ConnectAsync();
        env.Google.RevokeAllGrants();
        env.Clock.Advance(TimeSpan.FromHours(2)); // the cached access token is past its expiry

        env.Google.Settings.AutoApprove = true;
        var again = await env.Engine.ConnectAsync(env.Client, Options(), CancellationToken.None);

        Assert.False(again.ReusedExistingGrant);
        Assert.Equal(2, env.Google.Counters["auth"]);
        Assert.NotNull(await env.Engine.GetAccessTokenAsync("default"));
    }

    [Fact]
    public async Task Code_replay_and_wrong_verifier_are_refused_by_the_token_endpoint()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        using var http = new System.Net.Http.HttpClient(new System.Net.Http.HttpClientHandler { AllowAutoRedirect = false });
        using var google = new GoogleHttp(null, TimeSpan.FromSeconds(30), env.Retry, env.Clock);
        var tokens = new TokenEndpoint(google, env.Clock);
        var pkce = Pkce.Create();
        var redirect = new Uri("http://127.0.0.1:9/");

        async Task<string> CodeAsync(string challenge)
        {
            var url = env.Google.BaseUri + "o/oauth2/v2/auth?response_type=code&client_id=" + env.Google.DesktopClient.ClientId +
                      "&redirect_uri=" + Uri.EscapeDataString(redirect.AbsoluteUri) + "&scope=" + Uri.EscapeDataString(Scopes.YouTubeReadOnly) +
                      "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256";
            using var answer = await http.GetAsync(url);
            return answer.Headers.Location!.Query.Split('&').First(p => p.StartsWith("code=")).Substring(5).Replace("%2F", "/");
        }

        var code = await CodeAsync(pkce.Challenge);
        var grant = await tokens.ExchangeCodeAsync(env.Client, Uri.UnescapeDataString(code), pkce.Verifier, redirect, CancellationToken.None);
        Assert.NotNull(grant.RefreshToken);

        var replay = await Assert.ThrowsAsync<YtOAuthException>(() => tokens.ExchangeCodeAsync(env.Client, Uri.UnescapeDataString(code), pkce.Verifier, redirect, CancellationToken.None));
        Assert.Equal(ErrorCode.GrantInvalid, replay.Code);

        var other = await CodeAsync(pkce.Challenge);
        var wrong = await Assert.ThrowsAsync<YtOAuthException>(() => tokens.ExchangeCodeAsync(env.Client, Uri.UnescapeDataString(other), Pkce.Create().Verifier, redirect, CancellationToken.None));
        Assert.Equal(ErrorCode.GrantInvalid, wrong.Code);
        Assert.Equal("Invalid code verifier.", ((OAuthErrorException)wrong.InnerException!).Description);
    }

    [Fact]
    public async Task Loopback_listener_answers_other_paths_404_refuses_huge_requests_and_still_completes()
    {
        using var receiver = LoopbackCodeReceiver.Start("expected-state");
        using var http = new System.Net.Http.HttpClient();
        var root = new Uri(receiver.RedirectUri.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(root, "/favicon.ico"))).StatusCode);
        using (var huge = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, receiver.RedirectUri + "?state=expected-state&code=x"))
        {
            huge.Headers.Add("X-Padding", new string('a', 20_000));
            var answer = await http.SendAsync(huge);
            Assert.Equal((HttpStatusCode)431, answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(receiver.RedirectUri + "?code=x")).StatusCode);
        Assert.Equal(1, receiver.RefusedCallbacks);
        var wait = receiver.WaitAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(receiver.RedirectUri + "?state=expected-state&code=the-code&scope=a%20b")).StatusCode);
        var callback = await wait;
        Assert.Equal("the-code", callback.Code);
        Assert.Equal("a b", callback.Scope);
        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(receiver.RedirectUri + "?state=expected-state&code=again")).StatusCode);
    }

    [Fact]
    public void Pkce_verifier_is_within_rfc_limits_fresh_and_its_challenge_is_s256()
    {
        var a = Pkce.Create();
        var b = Pkce.Create();
        Assert.InRange(a.Verifier.Length, 43, 128);
        Assert.Matches("^[A-Za-z0-9._~-]+$", a.Verifier);
        Assert.NotEqual(a.Verifier, b.Verifier);
        // RFC 7636 appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Assert.DoesNotContain(a.Verifier, a.ToString());
    }

    private sealed class CapturingBrowser(Action<Uri> onOpen, bool canOpen = true) : IBrowserLauncher
    {
        public bool TryOpen(Uri url)
        {
            onOpen(url);
            return canOpen;
        }
    }
}
