using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

/// <summary>
/// A browser on another machine: the redirect to this machine's 127.0.0.1 never arrives, and the user pastes the
/// address the browser ended on instead. State and PKCE are checked exactly as for a redirect.
/// </summary>
public class PastedAddressTests
{
    /// <summary>Plays the far browser: opens the printed URL, approves, and returns the address it ends on (never visiting it).</summary>
    private static async Task<string> FarBrowserAsync(RecordingSink sink, Uri emulator)
    {
        await Eventually.TrueAsync(() => sink.Texts(EngineMessageKind.Information).Any(t => t.Contains("Open this URL")), "the sign-in URL");
        var url = Regex.Match(sink.Texts(EngineMessageKind.Information).First(t => t.Contains("Open this URL")), "(http://\\S+/o/oauth2/v2/auth\\S+)").Groups[1].Value;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await http.GetAsync(url);
        return answer.Headers.Location!.AbsoluteUri;
    }

    [Fact]
    public async Task A_pasted_address_completes_the_sign_in_and_a_forged_one_is_refused_first()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        using var log = env.Listen();
        var pasted = new Queue<string>();
        var connect = new ConnectOptions
        {
            OpenBrowser = false,
            Timeout = TimeSpan.FromSeconds(30),
            ReadPastedAddress = async _ =>
            {
                if (pasted.Count == 0)
                {
                    var real = await FarBrowserAsync(env.Sink, env.Google.BaseUri);
                    pasted.Enqueue(Regex.Replace(real, "state=[^&]+", "state=forged")); // first someone else's answer
                    pasted.Enqueue(real);
                }

                return pasted.Dequeue();
            },
        };

        var result = await env.Engine.ConnectAsync(env.Client, connect, CancellationToken.None);

        Assert.True(result.Connected);
        Assert.Equal(1, env.Google.Counters["token:authorization_code"]);
        Assert.Contains(env.Sink.Texts(EngineMessageKind.Warning), t => t.Contains("does not carry this sign-in's state"));
    }

    [Fact]
    public async Task The_CLI_takes_the_pasted_address_on_standard_input()
    {
        await using var env = await TestEnvironment.StartAsync(new EmulatorSettings { AutoApprove = true });
        var secret = Path.Combine(env.Folder, "client_secret.json");
        await File.WriteAllTextAsync(secret, env.Google.ClientSecretJson());
        using var cli = Cli.Start(new Dictionary<string, string> { ["CI"] = "" }, "connect", "--client-secret", secret, "--endpoint-base", env.Google.BaseUri.AbsoluteUri,
            "--store", Path.Combine(env.Folder, "tokens"), "--no-browser", "--scope", "ReadOnly");

        string? line;
        var url = string.Empty;
        while ((line = await cli.StandardError.ReadLineAsync()) != null && url.Length == 0)
        {
            url = Regex.Match(line, "(http://\\S+/o/oauth2/v2/auth\\S+)").Groups[1].Value;
        }

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await http.GetAsync(url);
        await cli.StandardInput.WriteLineAsync(answer.Headers.Location!.AbsoluteUri);
        await cli.StandardInput.FlushAsync();
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();

        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("Connected profile 'default'", output);
    }
}
