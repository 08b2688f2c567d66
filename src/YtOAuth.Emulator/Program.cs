using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Emulator;

// Standalone: dotnet run --project src/YtOAuth.Emulator -- [--port N] [--auto-approve] [--playlists N] [--client-secret-out FILE]
var port = 8765;
var settings = new EmulatorSettings();
var data = new YouTubeDataOptions();
string? secretOut = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[++i]); break;
        case "--auto-approve": settings.AutoApprove = true; break;
        case "--playlists": data.PlaylistCount = int.Parse(args[++i]); break;
        case "--client-secret-out": secretOut = args[++i]; break;
        case "--help":
        case "-h":
            Console.WriteLine("Usage: YtOAuth.Emulator [--port N (0 = any)] [--auto-approve] [--playlists N] [--client-secret-out FILE]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Try --help.");
            return 2;
    }
}

await using var emulator = await GoogleEmulator.StartAsync(settings, data, port);
var json = emulator.ClientSecretJson();
secretOut ??= Path.Combine(Path.GetTempPath(), "ytoauth-emulator-client_secret.json");
await File.WriteAllTextAsync(secretOut, json);
Console.WriteLine($"Google emulator listening on {emulator.BaseUri}");
Console.WriteLine($"Consent page:        {emulator.BaseUri}o/oauth2/v2/auth (reached through a client's sign-in URL)");
Console.WriteLine($"client_secret.json:  {secretOut}");
Console.WriteLine($"API key (public data): {emulator.Data.ApiKey}");
Console.WriteLine(json);
Console.WriteLine("Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
