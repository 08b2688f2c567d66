using System;
using System.IO;
using YtOAuth.Emulator;

// Standalone: dotnet run --project src/YtOAuth.Emulator -- [--port N] [--auto-approve] [--playlists N] [--client-secret-out FILE]
const string usage = "Usage: YtOAuth.Emulator [--port N (0 = any free port)] [--auto-approve] [--playlists N] [--seed FILE] [--client-secret-out FILE]";
var port = 8765;
var settings = new EmulatorSettings();
var data = new YouTubeDataOptions();
string? secretOut = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
    int Number(int min, int max) => int.TryParse(Value(), out var n) && n >= min && n <= max ? n
        : throw new ArgumentException(args[i - 1] + " takes a whole number from " + min + " to " + max + ", not '" + args[i] + "'.");
    try
    {
        switch (args[i])
        {
            case "--port": port = Number(0, 65535); break;
            case "--auto-approve": settings.AutoApprove = true; break;
            case "--playlists": data.PlaylistCount = Number(0, 1_000_000); break;
            case "--client-secret-out": secretOut = Value(); break;
            case "--seed": data.SeedFile = Value(); break;
            case "--help":
            case "-h":
                Console.WriteLine(usage);
                return 0;
            default:
                throw new ArgumentException("Unknown option '" + args[i] + "'.");
        }
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine("emulator: " + e.Message + " " + usage);
        return 2;
    }
}

GoogleEmulator emulator;
try
{
    emulator = await GoogleEmulator.StartAsync(settings, data, port);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("emulator: " + e.Message);
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"emulator: cannot listen on 127.0.0.1:{port} ({e.GetBaseException().Message}). Pick another --port, or 0 for any free one.");
    return 1;
}

await using (emulator)
{
    var json = emulator.ClientSecretJson();
    secretOut ??= Path.Combine(Path.GetTempPath(), "ytoauth-emulator-client_secret.json");
    await File.WriteAllTextAsync(secretOut, json);
    Console.WriteLine($"Google emulator listening on {emulator.BaseUri}");
    Console.WriteLine($"Consent page:        {emulator.BaseUri}o/oauth2/v2/auth (reached through a client's sign-in URL)");
    Console.WriteLine($"Controls:            {emulator.BaseUri}emulator/ (counters, faults, settings, grants, revoke-all, stop)");
    Console.WriteLine($"client_secret.json:  {secretOut}");
    Console.WriteLine($"API key (public data): {emulator.Data.ApiKey}");
    Console.WriteLine("Press Ctrl+C to stop.");
    // SIGINT, SIGTERM and POST /emulator/stop all end the host.
    await emulator.WaitForShutdownAsync();
}

return 0;
