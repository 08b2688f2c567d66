using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace YtOAuth.Benchmarks;

/// <summary>
/// The Google emulator in a process of its own (none of the measured work shares its process with the server),
/// seeded with a channel of 5,000 playlists and a 100,000-row report.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    /// <summary>
    /// The seeded report is Google's "Device types and operating systems" by day (a report Google serves): days ×
    /// device types × operating systems, five and a half years of them.
    /// </summary>
    public static readonly string[] DeviceTypes = { "DESKTOP", "MOBILE", "TABLET", "TV", "GAME_CONSOLE" };
    public static readonly string[] OperatingSystems = { "ANDROID", "IOS", "WINDOWS", "MACINTOSH", "LINUX", "CHROMECAST", "PLAYSTATION", "XBOX", "SMART_TV", "OTHER" };
    public const int Days = 2000;
    public static int ReportRows => Days * DeviceTypes.Length * OperatingSystems.Length;
    public const int Playlists = 5000;
    public static readonly DateTime FirstDay = new(2025, 1, 1);

    private static readonly HttpClient Http = new();
    private readonly Process process;

    private EmulatorProcess(Process process, Uri baseUri, string clientSecretPath)
    {
        this.process = process;
        BaseUri = baseUri;
        ClientSecretPath = clientSecretPath;
    }

    public Uri BaseUri { get; }
    public string ClientSecretPath { get; }
    public static DateTime LastDay => FirstDay.AddDays(Days - 1);

    public static async Task<EmulatorProcess> StartAsync(string emulatorDll, string workFolder)
    {
        var seed = Path.Combine(workFolder, "seed.json");
        await File.WriteAllTextAsync(seed, SeedJson());
        var clientSecret = Path.Combine(workFolder, "client_secret.json");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { emulatorDll, "--port", "0", "--auto-approve", "--seed", seed, "--playlists", Playlists.ToString(), "--client-secret-out", clientSecret })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            var line = await process.StandardOutput.ReadLineAsync();
            if (line == null)
            {
                break;
            }

            var match = Regex.Match(line, @"listening on (\S+)");
            if (match.Success)
            {
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                var emulator = new EmulatorProcess(process, new Uri(match.Groups[1].Value), clientSecret);

                // Every round lists 5,000 playlists several times over: far past Google's default 10,000 units a day.
                using var settings = await Http.PostAsync(new Uri(emulator.BaseUri, "emulator/settings?dailyQuota=" + long.MaxValue), null);
                settings.EnsureSuccessStatusCode();
                return emulator;
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The emulator did not start.");
    }

    /// <summary>A refresh token as if someone had consented (the emulator's grants control): one per contender family.</summary>
    public async Task<Grant> NewGrantAsync(string? scopes = null)
    {
        using var answer = await Http.PostAsync(new Uri(BaseUri, "emulator/grants" + (scopes == null ? "" : "?scope=" + Uri.EscapeDataString(scopes))), null);
        answer.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return new Grant(root.GetProperty("client_id").GetString()!, root.GetProperty("client_secret").GetString()!, root.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>An access token for a grant, from the token endpoint (for the raw-HTTP floors, which do no OAuth of their own).</summary>
    public async Task<string> AccessTokenAsync(Grant grant)
    {
        using var answer = await Http.PostAsync(new Uri(BaseUri, "token"), new FormUrlEncodedContent(new[]
        {
            KeyValuePair.Create("grant_type", "refresh_token"), KeyValuePair.Create("client_id", grant.ClientId),
            KeyValuePair.Create("client_secret", grant.ClientSecret), KeyValuePair.Create("refresh_token", grant.RefreshToken),
        }));
        answer.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Report rows for every day, device type and operating system: views and minutes that vary so nothing compresses to nothing.</summary>
    private static string SeedJson()
    {
        var text = new StringBuilder("{\"reportRows\":[");
        var n = 0;
        for (var d = 0; d < Days; d++)
        {
            foreach (var device in DeviceTypes)
            {
                foreach (var system in OperatingSystems)
                {
                    text.Append(n == 0 ? "" : ",").Append("{\"day\":\"").Append(FirstDay.AddDays(d).ToString("yyyy-MM-dd")).Append("\",\"deviceType\":\"").Append(device)
                        .Append("\",\"operatingSystem\":\"").Append(system).Append("\",\"views\":").Append(n * 7919 % 1000)
                        .Append(",\"estimatedMinutesWatched\":").Append(n * 104729 % 9973).Append('}');
                    n++;
                }
            }
        }

        return text.Append("]}").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await Http.PostAsync(new Uri(BaseUri, "emulator/stop"), null);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is HttpRequestException || e is TimeoutException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

internal sealed record Grant(string ClientId, string ClientSecret, string RefreshToken);
