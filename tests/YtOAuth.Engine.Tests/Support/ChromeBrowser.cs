using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP API: opens the consent URL,
/// clicks like a person (untick scopes, press Allow or Deny) and reads the page the loopback listener shows.
/// </summary>
public sealed class ChromeBrowser : IBrowserLauncher, IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";

    private readonly Process driver;
    private readonly HttpClient http;
    private readonly string profileFolder = Directory.CreateTempSubdirectory("ytoauth-chromium-").FullName;
    private readonly TaskCompletionSource<string> finalPage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? session;

    public ChromeBrowser(string decision = "allow", params string[] untickIds)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException("This test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does).");
        }

        Decision = decision;
        Untick = untickIds;
        var port = FreePort();
        driver = Process.Start(new ProcessStartInfo(DriverPath, "--port=" + port) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + port + "/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Decision { get; }

    public string[] Untick { get; }

    /// <summary>The HTML the browser shows after the redirect.</summary>
    public Task<string> FinalPage => finalPage.Task;

    public bool TryOpen(Uri url)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                finalPage.TrySetResult(await DriveAsync(url));
            }
            catch (Exception e)
            {
                finalPage.TrySetException(e);
            }
        });
        return true;
    }

    private async Task<string> DriveAsync(Uri url)
    {
        await WaitForDriverAsync();
        var created = await CallAsync(HttpMethod.Post, "session", new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["alwaysMatch"] = new JsonObject
                {
                    ["goog:chromeOptions"] = new JsonObject
                    {
                        ["binary"] = ChromiumPath,
                        ["args"] = new JsonArray("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profileFolder),
                    },
                },
            },
        });
        session = created!["sessionId"]!.GetValue<string>();
        await CallAsync(HttpMethod.Post, $"session/{session}/url", new JsonObject { ["url"] = url.AbsoluteUri });
        if (OidcProvider)
        {
            return await AnswerOidcProviderAsync();
        }

        foreach (var id in Untick)
        {
            await ClickAsync("#" + id);
        }

        await ClickAsync("#" + Decision);
        // The form posts, the emulator redirects, and the loopback listener answers: wait for its page
        // (generously: two cores shared with the rest of the suite).
        for (var i = 0; i < 600; i++)
        {
            var source = await SourceAsync();
            if (source.Contains("YtOAuth -"))
            {
                return source;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The browser never reached the loopback page.");
    }

    /// <summary>Answers oidc-provider's development pages as a person would: sign in with any name, then Continue (or Cancel).</summary>
    public bool OidcProvider { get; init; }

    private async Task<string> AnswerOidcProviderAsync()
    {
        var last = string.Empty;
        for (var i = 0; i < 600; i++)
        {
            var source = await SourceAsync();
            if (source.Contains("YtOAuth -"))
            {
                return source;
            }

            if (source == last || !source.Contains("<form"))
            {
                await Task.Delay(100); // still loading, or between pages
                continue;
            }

            last = source;
            if (source.Contains("name=\"login\""))
            {
                await TypeAsync("input[name=login]", "alice");
                await TypeAsync("input[name=password]", "any-password");
                await ClickAsync("button[type=submit]");
            }
            else
            {
                await ClickAsync(Decision == "deny" ? "a[href$='/abort']" : "button[type=submit]");
            }
        }

        throw new TimeoutException("The browser never reached the loopback page.");
    }

    private async Task<string> SourceAsync() => (await CallAsync(HttpMethod.Get, $"session/{session}/source"))!.GetValue<string>();

    private async Task TypeAsync(string css, string text)
    {
        var element = await CallAsync(HttpMethod.Post, $"session/{session}/element", new JsonObject { ["using"] = "css selector", ["value"] = css });
        await CallAsync(HttpMethod.Post, $"session/{session}/element/{element![ElementKey]!.GetValue<string>()}/value", new JsonObject { ["text"] = text });
    }

    private async Task ClickAsync(string css)
    {
        var element = await CallAsync(HttpMethod.Post, $"session/{session}/element", new JsonObject { ["using"] = "css selector", ["value"] = css });
        await CallAsync(HttpMethod.Post, $"session/{session}/element/{element![ElementKey]!.GetValue<string>()}/click", new JsonObject());
    }

    private async Task<JsonNode?> CallAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body == null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") }; // chromedriver refuses chunked bodies
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("WebDriver " + path + " failed: " + json?["value"]?["message"]);
        }

        return json?["value"];
    }

    private async Task WaitForDriverAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var status = await http.GetAsync("status");
                if (status.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("chromedriver did not start.");
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (session != null)
        {
            try
            {
                await CallAsync(HttpMethod.Delete, $"session/{session}");
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
            }
        }

        driver.Kill(entireProcessTree: true);
        driver.Dispose();
        http.Dispose();
        try
        {
            Directory.Delete(profileFolder, true);
        }
        catch (IOException)
        {
        }
    }
}
