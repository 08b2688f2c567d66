using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

public class DeviceFlowTests
{
    private static OAuthClient DeviceClient(TestEnvironment env) =>
        ClientSecretFile.Parse(env.Google.ClientSecretJson(env.Google.DeviceClient), "device client", new EndpointChoices { Base = env.Google.BaseUri });

    private static ConnectOptions ReadOnly => new() { Scopes = Scopes.Resolve(new[] { "ReadOnly" }), Timeout = TimeSpan.FromMinutes(5) };

    private static async Task<string> UserCodeAsync(RecordingSink sink)
    {
        for (var i = 0; i < 200; i++)
        {
            var line = sink.Texts(EngineMessageKind.Information).FirstOrDefault(t => t.Contains("enter the code"));
            if (line != null)
            {
                return Regex.Match(line, "enter the code (\\S+)").Groups[1].Value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the engine never showed a user code");
    }

    [Fact]
    public async Task Device_code_is_shown_polled_while_pending_and_stored_once_approved()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { DeviceInterval = 0 });
        using var log = env.Listen();

        var connect = env.Engine.ConnectWithDeviceCodeAsync(DeviceClient(env), ReadOnly, CancellationToken.None);
        var code = await UserCodeAsync(env.Sink);
        Assert.Contains(env.Sink.Texts(EngineMessageKind.Information), t => t.Contains(env.Google.BaseUri + "device"));
        const string polls = "token:urn:ietf:params:oauth:grant-type:device_code";
        // Polls are sequential: a second one means the first was answered authorization_pending.
        await Eventually.TrueAsync(() => env.Google.Counters[polls] >= 2, "a second device poll");

        Assert.True(env.Google.DecideDevice(code, allow: true));
        var result = await connect;

        Assert.True(result.Connected);
        Assert.Equal(new[] { Scopes.YouTubeReadOnly }, result.Profile!.Scopes);
        Assert.True(env.Google.Counters[polls] >= 3);
    }

    [Fact]
    public async Task Slow_down_adds_five_seconds_and_denial_is_a_result()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { DeviceInterval = 5 });
        using var log = env.Listen();

        var connect = env.Engine.ConnectWithDeviceCodeAsync(DeviceClient(env), ReadOnly, CancellationToken.None);
        var code = await UserCodeAsync(env.Sink);
        // The test's delays are short, so the emulator answers slow_down and the interval grows by 5 s.
        await Eventually.TrueAsync(() => env.Delays.Contains(TimeSpan.FromSeconds(10)), "an interval widened to 10 s");

        env.Google.Settings.DeviceInterval = 0;
        env.Google.DecideDevice(code, allow: false);
        var result = await connect;

        Assert.False(result.Connected);
        Assert.Equal("access_denied", result.DeclinedReason);
        Assert.Equal(TimeSpan.FromSeconds(5), env.Delays[0]);
    }

    [Fact]
    public async Task Analytics_cannot_use_the_device_flow_and_desktop_clients_are_refused()
    {
        await using var env = await TestEnvironment.StartAsync();

        var scopes = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectWithDeviceCodeAsync(DeviceClient(env), new ConnectOptions(), CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidArgument, scopes.Code);
        Assert.Contains("Analytics", scopes.Message);
        Assert.Equal(0, env.Google.Counters["device/code"]);

        var client = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectWithDeviceCodeAsync(env.Client, ReadOnly, CancellationToken.None));
        Assert.Equal(ErrorCode.ClientRejected, client.Code);
    }

    [Fact]
    public async Task Device_code_quota_in_googles_error_code_dialect_is_a_rate_limit()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Google.Faults.Add(FaultTarget.DeviceCode, new Fault(403));

        var error = await Assert.ThrowsAsync<YtOAuthException>(() => env.Engine.ConnectWithDeviceCodeAsync(DeviceClient(env), ReadOnly, CancellationToken.None));

        Assert.Equal(ErrorCode.RateLimited, error.Code);
        Assert.Contains("device-code quota", error.Message);
        Assert.Equal(1, env.Google.Counters["device/code"]); // a 403 is not retried
    }
}
