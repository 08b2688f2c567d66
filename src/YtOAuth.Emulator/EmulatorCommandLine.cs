using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace YtOAuth.Emulator;

/// <summary>
/// The emulator's flags and what running it does, defined once: the standalone emulator (Program.cs) and
/// `ytoauth emulator` both add them to their command. A flag that cannot work is a parse error; a seed file, port or
/// output file that cannot be used is an <see cref="EmulatorLaunchException"/> that each entry point reports its way.
/// </summary>
public sealed class EmulatorCommandLine
{
    /// <summary>What the command does, for its help.</summary>
    public const string Description = "Run Google's OAuth and YouTube endpoints on 127.0.0.1 until stopped (Ctrl+C, SIGTERM, or POST /emulator/stop), for your own tests.";

    private readonly Option<int> port = Ranged(new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 8765 }, 0, 65535);
    private readonly Option<bool> autoApprove = new("--auto-approve") { Description = "Approve consent without showing the page." };
    private readonly Option<int> playlists = Ranged(new Option<int>("--playlists") { Description = "Playlists of the seeded channel.", DefaultValueFactory = _ => 12 }, 0, 1_000_000);
    private readonly Option<string?> secretOut = new("--client-secret-out") { Description = "Where to write a client_secret.json for it." };
    private readonly Option<FileInfo?> seed = new("--seed") { Description = "JSON file with the channel, playlists, videos and report rows to serve (docs/testing-your-scripts.md)." };
    private readonly Option<bool> json = new("--json") { Description = "One JSON object a line, for scripts." };

    /// <summary>Adds the flags to <paramref name="command"/>, and the run as its action.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { port, autoApprove, playlists, secretOut, seed, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
    }

    /// <summary>Starts the emulator, writes its client_secret.json, says where it listens, and serves until it is told to stop.</summary>
    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var settings = new EmulatorSettings { AutoApprove = parse.GetValue(autoApprove) };
        GoogleEmulator google;
        try
        {
            var data = new YouTubeDataOptions { PlaylistCount = parse.GetValue(playlists), SeedFile = parse.GetValue(seed)?.FullName };
            google = await GoogleEmulator.StartAsync(settings, data, parse.GetValue(port));
        }
        catch (ArgumentException e)
        {
            throw new EmulatorLaunchException(e.Message + " Fix the file (docs/testing-your-scripts.md shows its shape).");
        }
        catch (IOException e)
        {
            throw new EmulatorLaunchException("Cannot listen on 127.0.0.1:" + parse.GetValue(port) + " (" + e.GetBaseException().Message + "). Pick another --port, or 0 for any free one.");
        }

        await using (google)
        {
            var file = parse.GetValue(secretOut) ?? Path.Combine(Path.GetTempPath(), "ytoauth-emulator-client_secret.json");
            try
            {
                await File.WriteAllTextAsync(file, google.ClientSecretJson(), cancel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new EmulatorLaunchException("Cannot write the client_secret.json to '" + file + "' (" + e.Message + "). Give --client-secret-out a file in a folder you can write.", file);
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { BaseUri = google.BaseUri.AbsoluteUri, ClientSecret = file, Controls = google.BaseUri.AbsoluteUri + "emulator/", google.Data.ApiKey }));
            }
            else
            {
                Console.WriteLine($"Google emulator listening on {google.BaseUri}");
                Console.WriteLine($"client_secret.json:  {file}");
                Console.WriteLine($"Controls:            {google.BaseUri}emulator/ (counters, faults, settings, grants, uploads, revoke-all, stop)");
                Console.WriteLine($"API key (public data): {google.Data.ApiKey}");
            }

            Console.Out.Flush();
            // SIGINT, SIGTERM and POST /emulator/stop all end the host.
            await google.WaitForShutdownAsync().WaitAsync(cancel);
        }

        return 0;
    }

    private static Option<int> Ranged(Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                r.AddError(option.Name + " takes a whole number from " + min + " to " + max + ", not " + value + ".");
            }
        });
        return option;
    }
}
