using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests;

/// <summary>Runs the flows, good and bad, and scans every message, exception and ToString for any secret the emulator saw.</summary>
public class SecretHygieneTests
{
    [Fact]
    public async Task No_token_code_verifier_or_client_secret_reaches_messages_or_exceptions()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { RotateRefreshTokens = true });
        using var log = env.Listen();
        var texts = new List<string>();

        async Task Capture(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception e)
            {
                texts.Add(e.Message);
                texts.Add(e.ToString());
            }
        }

        var connected = await env.ConnectAsync();
        texts.Add(connected.Profile!.ToString());
        var token = await env.Engine.GetAccessTokenAsync("default", forceRefresh: true);
        texts.Add(token.ToString());
        texts.Add((await env.Store.ReadAsync("default", CancellationToken.None))!.ToString());
        texts.AddRange((await env.Engine.YouTube("default").PlaylistsAsync(new PlaylistQuery { Mine = true })).Select(p => p.ToString()));

        await Capture(() => env.Engine.Analytics("default").QueryAsync(new AnalyticsQuery
        {
            StartDate = DateTime.UtcNow.AddDays(-3), EndDate = DateTime.UtcNow, Metrics = new[] { "views" }, Dimensions = new[] { "day" },
        }, CancellationToken.None));
        await Capture(async () => await env.Engine.YouTubeWithApiKey("AIza-wrong-key-123456", GoogleEndpoints.ForBaseUri(env.Google.BaseUri))
            .PlaylistsAsync(new PlaylistQuery { ChannelId = env.Google.Data.OtherChannelId }));
        env.Google.Faults.Add(FaultTarget.Token, Fault.Html(400));
        await Capture(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));
        env.Google.Faults.Add(FaultTarget.Revoke, Fault.ServerError, Fault.ServerError, Fault.ServerError, Fault.ServerError);
        await Capture(() => env.Engine.RevokeAsync("default", CancellationToken.None));
        env.Google.RevokeAllGrants();
        await Capture(() => env.Engine.GetAccessTokenAsync("default", forceRefresh: true));
        await Capture(() => env.Engine.ConnectWithRefreshTokenAsync(env.Client, "1//made-up-refresh-token", new ConnectOptions { Profile = "ci" }, CancellationToken.None));
        await Capture(() => Task.FromResult(ClientSecretFile.Parse("{\"installed\":{\"client_id\":\"x\",\"client_secret\":\"" + env.Google.DesktopClient.ClientSecret + "\"", "broken.json")));

        texts.AddRange(env.Sink.Messages.Select(m => m.Text));
        var secrets = env.Google.SecretsSeen;
        Assert.Contains(secrets, s => s.StartsWith("4/code-"));  // the scan is only as good as what it looks for
        Assert.Contains(secrets, s => s.StartsWith("ya29."));
        Assert.Contains(secrets, s => s.StartsWith("1//rt-"));
        Assert.Contains(secrets, s => s.Length >= 43 && !s.Contains('.') && !s.Contains('/')); // a PKCE verifier
        Assert.True(texts.Count > 20);
        foreach (var secret in secrets.Append("1//made-up-refresh-token").Append("AIza-wrong-key-123456"))
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }
}
