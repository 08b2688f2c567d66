using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli;

/// <summary>
/// The verbs and their flags. Flags mean the same in every command, and values are checked here with the module's
/// ranges, so a mistake is a usage error (exit 2) before anything runs. Each action renders what the engine returns.
/// </summary>
internal static class Commands
{
    // Shared by every command.
    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Folder that keeps the grants (created 0700, one 0600 file per profile). Default: $YTOAUTH_STORE, else " + StoreFallbackText + ".", Recursive = true,
    };
    public static readonly Option<string> Profile = new("--profile") { Description = "Which stored grant to use.", DefaultValueFactory = _ => ProfileName.Default, Recursive = true };
    public static readonly Option<string?> EndpointBase = new("--endpoint-base") { Description = "Send every request to this host instead of Google (or YTOAUTH_ENDPOINT_BASE).", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Say what happens, step by step (never a secret).", Recursive = true };
    public static readonly Option<bool> Debug = new("--debug") { Description = "Also the details, and the trace of an unexpected failure.", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "One JSON object a line, for scripts." };

    /// <summary>The environment variable that names the store folder when --store is not given.</summary>
    public const string StoreVariable = "YTOAUTH_STORE";

    private const string StoreFallbackText = "$XDG_CONFIG_HOME/ytoauth or ~/.config/ytoauth (%APPDATA%\\YtOAuth on Windows)";

    public static RootCommand Build()
    {
        Profile.Validators.Add(r => Check(r, () => ProfileName.Validate(r.GetValueOrDefault<string>())));
        var root = new RootCommand("ytoauth: YouTube under OAuth 2.0 from a plain shell. Grants are kept in files in one folder: --store DIR, else $" + StoreVariable +
                                   ", else " + StoreFallbackText + "." + Environment.NewLine + Environment.NewLine + ExitCodes.Table)
        {
            Store, Profile, EndpointBase, Verbose, Debug,
        };
        foreach (var command in new[] { Connect(), Token(), Channel(), Playlists(), Items(), Videos(), Analytics(), Revoke(), Disconnect(), Contexts(), Emulator(), Demo() })
        {
            root.Subcommands.Add(command);
        }

        RefuseEmptyValues(root);
        return root;
    }

    /// <summary>
    /// Parses without response files: System.CommandLine would read a value like @GoogleDevelopers as a file to splice
    /// in, and YouTube handles start with @.
    /// </summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args) => root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>
    /// An empty value (what "$VAR" gives when VAR is unset) is a usage error for every flag that takes text, ids or a
    /// path: it would otherwise mean "nothing" or "the current folder" without a word.
    /// </summary>
    private static void RefuseEmptyValues(Command command)
    {
        foreach (var option in command.Options.Where(o => o is Option<string> or Option<string[]> or Option<FileInfo>))
        {
            var list = option is Option<string[]>;
            option.Validators.Add(r =>
            {
                var empty = r.Tokens.FirstOrDefault(t => list ? t.Value.Split(',').All(string.IsNullOrWhiteSpace) : string.IsNullOrWhiteSpace(t.Value));
                if (empty != null)
                {
                    r.AddError(option.Name + " was given an empty value ('" + empty.Value + "'); give " + (list ? "at least one value" : "a value") +
                               (option == Store ? ", or leave --store out to use the default folder" : "") + ". An unset shell variable gives an empty value.");
                }
            });
        }

        foreach (var sub in command.Subcommands)
        {
            RefuseEmptyValues(sub);
        }
    }

    private static Command Connect()
    {
        var secret = new Option<FileInfo>("--client-secret") { Description = "client_secret.json of an OAuth client of type Desktop app.", Required = true };
        var scope = new Option<string[]>("--scope") { Description = "ReadOnly, Analytics, AnalyticsMonetary, Manage, ForceSsl, Upload, Partner, or scope URLs (comma-separated).", AllowMultipleArgumentsPerToken = true };
        var device = new Option<bool>("--device") { Description = "Sign in with a code on another device (Google allows ReadOnly and Manage only)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the URL instead of opening a browser; paste the address a browser elsewhere ends on." };
        var timeout = Ranged(new Option<int>("--timeout") { Description = "Seconds to wait for consent (10-3600).", DefaultValueFactory = _ => 300 }, 10, 3600);
        var force = new Option<bool>("--force") { Description = "Ask for consent even if the profile holds a working grant." };
        var hint = new Option<string?>("--login-hint") { Description = "Account to preselect on the consent page." };
        var refreshEnv = new Option<string?>("--refresh-token-env") { Description = "Connect unattended from the refresh token in this environment variable (never on the command line, where ps shows it)." };
        var refreshStdin = new Option<bool>("--refresh-token-stdin") { Description = "Connect unattended from a refresh token read from standard input." };
        var endpoints = new[] { "authorization-endpoint", "token-endpoint", "revocation-endpoint", "device-endpoint", "api-base" }
            .ToDictionary(n => n, n => new Option<string?>("--" + n) { Description = "The " + n.Replace('-', ' ') + ", whatever the client_secret.json or the server says." });
        var command = new Command("connect", "Sign in and keep the grant. Examples:" + Environment.NewLine +
            "  ytoauth connect --client-secret ~/client_secret.json" + Environment.NewLine +
            "  YT_REFRESH_TOKEN=... ytoauth connect --client-secret cs.json --store /run/ytoauth --refresh-token-env YT_REFRESH_TOKEN")
        {
            secret, scope, device, noBrowser, timeout, force, hint, refreshEnv, refreshStdin, Json,
        };
        foreach (var option in endpoints.Values)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            var choices = EndpointChoices.FromBase(parse.GetValue(EndpointBase));
            Uri? Flag(string name) => parse.GetValue(endpoints[name]) is { } value ? EndpointChoices.Checked(value, "--" + name) : null;
            var api = Flag("api-base") is { } apiBase ? GoogleEndpoints.ForBaseUri(apiBase) : null;
            (choices.Authorization, choices.Token, choices.Revocation, choices.DeviceAuthorization) = (Flag("authorization-endpoint"), Flag("token-endpoint"), Flag("revocation-endpoint"), Flag("device-endpoint"));
            (choices.YouTubeData, choices.Analytics) = (api?.YouTubeData, api?.Analytics);
            var client = ClientSecretFile.Load(parse.GetValue(secret)!.FullName, choices);
            var options = new ConnectOptions
            {
                Profile = parse.GetValue(Profile)!,
                Scopes = Scopes.Resolve(parse.GetValue(scope)),
                Force = parse.GetValue(force),
                LoginHint = parse.GetValue(hint),
                OpenBrowser = !parse.GetValue(noBrowser),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                AllowInteraction = Interaction.CiMarker() == null,
                // With no browser here, the address a browser elsewhere ended on can be pasted on standard input.
                ReadPastedAddress = parse.GetValue(noBrowser) ? ct => Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(ct) : null,
            };
            using var engine = Engine(parse);
            var refreshToken = parse.GetValue(refreshEnv) is { } name
                ? Environment.GetEnvironmentVariable(name) ?? throw new YtOAuthException(ErrorCode.InvalidArgument, "The environment variable " + name + " is not set.", name)
                : parse.GetValue(refreshStdin) ? await Console.In.ReadLineAsync(cancel) ?? string.Empty : null;
            var result = refreshToken != null ? await engine.ConnectWithRefreshTokenAsync(client, refreshToken.Trim(), options, cancel)
                : parse.GetValue(device) ? await engine.ConnectWithDeviceCodeAsync(client, options, cancel)
                : await engine.ConnectAsync(client, options, cancel);
            return Report(result, parse.GetValue(Json));
        });
        return command;
    }

    private static Command Token()
    {
        var forceRefresh = new Option<bool>("--force-refresh") { Description = "Refresh even if the current token is still valid." };
        var minValidity = Ranged(new Option<int>("--min-validity") { Description = "Seconds the token must stay valid (0-3500)." }, 0, 3500);
        var refreshToken = new Option<bool>("--refresh-token") { Description = "Print the refresh token instead: the grant itself, to carry to a server or a CI secret." };
        var command = new Command("token", "Print a valid access token, refreshed when due (with --json: its expiry, profile, channel and scopes too). Example:" + Environment.NewLine +
            "  curl -H \"Authorization: Bearer $(ytoauth token)\" https://www.googleapis.com/youtube/v3/channels?part=id&mine=true")
        {
            forceRefresh, minValidity, refreshToken, Json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            var profile = parse.GetValue(Profile)!;
            var json = parse.GetValue(Json);
            if (parse.GetValue(refreshToken))
            {
                var grant = await engine.GetRefreshTokenAsync(profile, cancel);
                if (json)
                {
                    Output.JsonObject(("Profile", profile), ("RefreshToken", grant));
                }
                else
                {
                    Console.WriteLine(grant);
                }

                return ExitCodes.Success;
            }

            var token = await engine.GetAccessTokenAsync(profile, TimeSpan.FromSeconds(parse.GetValue(minValidity)), parse.GetValue(forceRefresh), cancel);
            if (json)
            {
                Output.JsonObject(("Profile", token.Profile), ("AccessToken", token.Token), ("ExpiresUtc", token.ExpiresUtc), ("Channel", token.AccountLabel),
                    ("Scopes", Program.Scopes(token.Scopes)));
            }
            else
            {
                Console.WriteLine(token.Token);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Playlists()
    {
        var channel = new Option<string?>("--channel") { Description = "A channel's playlists (public ones unless it is yours)." };
        var ids = IdList("Playlists by id (comma-separated or repeated).");
        var first = Ranged(new Option<int?>("--first") { Description = "Stop after this many (saves quota)." }, 1, int.MaxValue);
        var command = new Command("playlists", "List playlists: yours, a channel's, or by id. Public data needs no sign-in with YTOAUTH_API_KEY set. Example:" + Environment.NewLine +
            "  ytoauth playlists --first 10 --json")
        {
            channel, ids, first, Json,
        };
        command.Validators.Add(r =>
        {
            if (Given(r, channel) && Given(r, ids))
            {
                r.AddError("Give --channel or --id, not both.");
            }
        });
        command.SetAction(async (parse, cancel) =>
        {
            var query = new PlaylistQuery
            {
                ChannelId = parse.GetValue(channel),
                Ids = CommaList(parse, ids) is { Count: > 0 } list ? list : null,
                Limit = parse.GetValue(first),
            };
            query.Mine = query.ChannelId == null && query.Ids == null;
            // The key from the environment keeps it out of the process list.
            var key = Environment.GetEnvironmentVariable("YTOAUTH_API_KEY");
            using var engine = key == null ? Engine(parse) : new AuthEngine(new AuthEngineOptions());
            var youtube = key == null ? engine.YouTube(parse.GetValue(Profile)!) : engine.YouTubeWithApiKey(key, GoogleEndpoints.Resolve(parse.GetValue(EndpointBase)));
            var rows = Output.Rows(parse.GetValue(Json), "Id", "Title", "Privacy", "Items", "Published");
            await foreach (var p in youtube.ListPlaylistsAsync(query, cancel))
            {
                rows.Add(p.Id, p.Title, p.Privacy, p.ItemCount, p.PublishedAt);
            }

            rows.End();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Channel()
    {
        var ids = IdList("Channels by id (comma-separated or repeated).");
        var handle = new Option<string?>("--handle") { Description = "A channel by handle, with or without @." };
        var command = new Command("channel", "Show a channel: yours, by id or by handle, with its statistics and uploads playlist. Example:" + Environment.NewLine +
            "  ytoauth channel --handle @GoogleDevelopers")
        {
            ids, handle, Json,
        };
        command.Validators.Add(r =>
        {
            if (Given(r, handle) && Given(r, ids))
            {
                r.AddError("Give --id or --handle, not both.");
            }
        });
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            var rows = Output.Rows(parse.GetValue(Json), "Id", "Title", "Handle", "Subscribers", "Videos", "Views", "Uploads");
            var missing = new Misses();
            await engine.YouTube(parse.GetValue(Profile)!).ListChannelsAsync(CommaList(parse, ids) is { Count: > 0 } list ? list : null, parse.GetValue(handle),
                c => rows.Add(c.Id, c.Title, c.CustomUrl, c.SubscriberCount, c.VideoCount, c.ViewCount, c.UploadsPlaylistId), missing.Report, cancel);
            rows.End();
            return missing.ExitCode;
        });
        return command;
    }

    private static Command Items()
    {
        var playlist = new Option<string[]>("--playlist") { Description = "Playlist ids (comma-separated or repeated); a channel's uploads playlist too.", Required = true, AllowMultipleArgumentsPerToken = true };
        var first = Ranged(new Option<int?>("--first") { Description = "Stop after this many items of each playlist (saves quota)." }, 1, int.MaxValue);
        var command = new Command("items", "List the items of playlists, in order. Example:" + Environment.NewLine +
            "  ytoauth items --playlist PLxxxxxxxx --first 20")
        {
            playlist, first, Json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            var youtube = engine.YouTube(parse.GetValue(Profile)!);
            var rows = Output.Rows(parse.GetValue(Json), "PlaylistId", "Position", "VideoId", "Title", "Published");
            var missing = new Misses();
            foreach (var id in CommaList(parse, playlist))
            {
                try
                {
                    await youtube.ListPlaylistItemsAsync(id, parse.GetValue(first), i => rows.Add(i.PlaylistId, i.Position, i.VideoId, i.Title, i.VideoPublishedAt), cancel);
                }
                catch (YtOAuthException e) when (e.ConcernsOnlyThisItem)
                {
                    missing.Report(e); // the next playlist is still listed
                }
            }

            rows.End();
            return missing.ExitCode;
        });
        return command;
    }

    private static Command Videos()
    {
        var ids = IdList("Video ids (comma-separated or repeated); '-' reads them from standard input, one a line.");
        ids.Required = true;
        var command = new Command("videos", "Show videos by id with their statistics, 50 a call. Example:" + Environment.NewLine +
            "  ytoauth items --playlist PLxxxxxxxx --json | jq -r .VideoId | ytoauth videos --id -")
        {
            ids, Json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var wanted = CommaList(parse, ids);
            if (wanted.Contains("-"))
            {
                wanted = wanted.Where(i => i != "-").Concat(ReadLines(Console.In)).ToList();
            }

            using var engine = Engine(parse);
            var rows = Output.Rows(parse.GetValue(Json), "Id", "Title", "Duration", "Views", "Likes", "Comments", "Published");
            var missing = new Misses();
            await engine.YouTube(parse.GetValue(Profile)!).ListVideosAsync(wanted,
                v => rows.Add(v.Id, v.Title, v.Duration, v.ViewCount, v.LikeCount, v.CommentCount, v.PublishedAt), missing.Report, cancel);
            rows.End();
            return missing.ExitCode;
        });
        return command;
    }

    private static Option<string[]> IdList(string description) => new("--id") { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>The values of a repeatable, comma-separated flag (--id a,b --id c), trimmed, without empty ones.</summary>
    private static List<string> CommaList(ParseResult parse, Option<string[]> option) =>
        (parse.GetValue(option) ?? Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line.Trim();
            }
        }
    }

    /// <summary>Ids YouTube did not show: each said on stderr as it comes, the rest still written; exit 7 at the end if any.</summary>
    private sealed class Misses
    {
        private int count;

        public int ExitCode => count == 0 ? ExitCodes.Success : ExitCodes.RequestRefused;

        public void Report(YtOAuthException e)
        {
            count++;
            Console.Error.WriteLine("ytoauth: " + e.Message);
        }
    }

    private static Command Analytics()
    {
        var today = DateTime.UtcNow.Date;
        var start = DateOption("--start", "First day", "28 days ago", today.AddDays(-28));
        var end = DateOption("--end", "Last day", "today", today);
        var metrics = new Option<string[]>("--metrics") { Description = "Metrics, comma-separated (default: views).", AllowMultipleArgumentsPerToken = true };
        var dimensions = new Option<string[]>("--dimensions") { Description = "Dimensions, comma-separated: day, month, video, country...", AllowMultipleArgumentsPerToken = true };
        var max = Ranged(new Option<int?>("--max") { Description = "Rows wanted in all (paged when more than one answer holds)." }, 1, int.MaxValue);
        var sort = new Option<string[]>("--sort") { Description = "Sort columns, comma-separated; '-' before one sorts it descending: --sort -views (top videos need it).", AllowMultipleArgumentsPerToken = true };
        var filters = new Option<string?>("--filters") { Description = "Filters as Google takes them: country==US, video==ID1,ID2, several joined by ';'." };
        var currency = new Option<string?>("--currency") { Description = "ISO 4217 currency of monetary metrics, such as EUR (Google's default: USD)." };
        var command = new Command("analytics", "A YouTube Analytics report. Examples:" + Environment.NewLine +
            "  ytoauth analytics --start 2026-11-01 --metrics views,likes --dimensions day" + Environment.NewLine +
            "  ytoauth analytics --metrics views,estimatedMinutesWatched --dimensions video --sort -views --max 10" + Environment.NewLine +
            "  ytoauth analytics --metrics views --dimensions day --filters 'country==US'")
        {
            start, end, metrics, dimensions, max, sort, filters, currency, Json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            Output? rows = null;
            var columns = await engine.Analytics(parse.GetValue(Profile)!).StreamAsync(new AnalyticsQuery
            {
                StartDate = parse.GetValue(start) ?? today.AddDays(-28),
                EndDate = parse.GetValue(end) ?? today,
                Metrics = CommaList(parse, metrics) is { Count: > 0 } m ? m : new List<string> { "views" },
                Dimensions = CommaList(parse, dimensions),
                MaxResults = parse.GetValue(max),
                Sort = CommaList(parse, sort),
                Filters = parse.GetValue(filters),
                Currency = parse.GetValue(currency),
            }, batch =>
            {
                // Rows are written as they arrive (the table view still waits for all of them to size its columns).
                rows ??= Output.Rows(parse.GetValue(Json), batch.Columns.Select(c => c.Name).ToArray());
                foreach (var row in batch.Rows)
                {
                    rows.Add(row);
                }
            }, cancel);
            rows ??= Output.Rows(parse.GetValue(Json), columns.Select(c => c.Name).ToArray());
            rows.End();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke()
    {
        var command = new Command("revoke", "Revoke the grant at Google, then forget it here. Example:" + Environment.NewLine + "  ytoauth revoke --profile work");
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            await engine.RevokeAsync(parse.GetValue(Profile)!, cancel);
            Console.Error.WriteLine($"Revoked and forgot profile '{parse.GetValue(Profile)}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Disconnect()
    {
        var command = new Command("disconnect", "Forget the grant here only (it stays valid at Google until revoked). Example:" + Environment.NewLine + "  ytoauth disconnect --profile old");
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            var profile = parse.GetValue(Profile)!;
            if (!await engine.ForgetAsync(profile, cancel))
            {
                throw EngineErrors.NotConnected(profile, engine.Store.Description);
            }

            Console.Error.WriteLine($"Forgot profile '{profile}' here; the grant stays valid at Google until revoked.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Contexts()
    {
        var command = new Command("contexts", "List the stored grants: profile, channel, scopes, expiry (never a secret). Example:" + Environment.NewLine + "  ytoauth contexts --json") { Json };
        command.Aliases.Add("profiles");
        command.SetAction(async (parse, cancel) =>
        {
            using var engine = Engine(parse);
            var rows = Output.Rows(parse.GetValue(Json), "Profile", "Channel", "Scopes", "Consented", "Expires");
            foreach (var p in await engine.GetProfilesAsync(cancel))
            {
                rows.Add(p.Profile, p.AccountLabel, Program.Scopes(p.Scopes), p.ConsentUtc.Date, p.AccessTokenExpiresUtc);
            }

            rows.End();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Emulator()
    {
        var port = Ranged(new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 8765 }, 0, 65535);
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Approve consent without showing the page." };
        var playlists = Ranged(new Option<int>("--playlists") { Description = "Playlists of the seeded channel.", DefaultValueFactory = _ => 12 }, 0, 1_000_000);
        var secretOut = new Option<string?>("--client-secret-out") { Description = "Where to write a client_secret.json for it." };
        var seed = new Option<FileInfo?>("--seed") { Description = "JSON file with the channel, playlists, videos and report rows to serve (docs/testing-your-scripts.md)." };
        var command = new Command("emulator", "Run Google's OAuth and YouTube endpoints on 127.0.0.1 until stopped (Ctrl+C, SIGTERM, or POST /emulator/stop), for your own tests. Example:" + Environment.NewLine +
            "  ytoauth emulator --port 0 --auto-approve --seed tests/seed.json --client-secret-out /tmp/cs.json")
        {
            port, autoApprove, playlists, secretOut, seed, Json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var settings = new Emulator.EmulatorSettings { AutoApprove = parse.GetValue(autoApprove) };
            Emulator.GoogleEmulator google;
            try
            {
                var data = new Emulator.YouTubeDataOptions { PlaylistCount = parse.GetValue(playlists), SeedFile = parse.GetValue(seed)?.FullName };
                google = await YtOAuth.Emulator.GoogleEmulator.StartAsync(settings, data, parse.GetValue(port));
            }
            catch (ArgumentException e)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, e.Message + " Fix the file (docs/testing-your-scripts.md shows its shape).");
            }
            catch (IOException e)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Cannot listen on 127.0.0.1:" + parse.GetValue(port) + " (" + e.GetBaseException().Message + "). Pick another --port, or 0 for any free one.");
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
                    throw new YtOAuthException(ErrorCode.InvalidArgument, "Cannot write the client_secret.json to '" + file + "' (" + e.Message + "). Give --client-secret-out a file in a folder you can write.", file);
                }

                if (parse.GetValue(Json))
                {
                    Output.JsonObject(("BaseUri", google.BaseUri.AbsoluteUri), ("ClientSecret", file), ("Controls", google.BaseUri.AbsoluteUri + "emulator/"), ("ApiKey", google.Data.ApiKey));
                }
                else
                {
                    Console.WriteLine($"Google emulator listening on {google.BaseUri}");
                    Console.WriteLine($"client_secret.json:  {file}");
                    Console.WriteLine($"Controls:            {google.BaseUri}emulator/ (counters, faults, settings, grants, revoke-all, stop)");
                    Console.WriteLine($"API key (public data): {google.Data.ApiKey}");
                }

                Console.Out.Flush();
                await google.WaitForShutdownAsync().WaitAsync(cancel);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Demo()
    {
        var autoApprove = new Option<bool>("--auto-approve") { Description = "The emulator approves consent by itself (the default without a terminal or under CI)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the consent URL instead of opening a browser." };
        var command = new Command("demo", "The whole flow against a built-in Google emulator: consent, channel, playlists, analytics, a silent refresh, revocation. Example:" + Environment.NewLine + "  ytoauth demo --no-browser")
        {
            autoApprove, noBrowser,
        };
        command.SetAction((parse, cancel) => Cli.Demo.RunAsync(parse.GetValue(autoApprove), parse.GetValue(noBrowser), cancel));
        return command;
    }

    internal static int Report(ConnectResult result, bool json = false)
    {
        if (!result.Connected)
        {
            throw new YtOAuthException(ErrorCode.ConsentDenied, "Consent was declined (" + result.DeclinedReason + "); nothing was stored. Run connect again and choose Allow.");
        }

        var p = result.Profile!;
        if (json)
        {
            Output.JsonObject(("Profile", p.Profile), ("Channel", p.AccountLabel), ("ChannelId", p.ChannelId), ("Scopes", Program.Scopes(p.Scopes)),
                ("MissingScopes", Program.Scopes(result.MissingScopes)), ("Reused", result.ReusedExistingGrant), ("Store", p.Store));
            return ExitCodes.Success;
        }

        Console.WriteLine($"Connected profile '{p.Profile}' to {p.AccountLabel ?? "(unknown channel)"} {p.ChannelId} with {Program.Text(Program.Scopes(p.Scopes))}; stored in {p.Store}.");
        return ExitCodes.Success;
    }

    private static AuthEngine Engine(ParseResult parse)
    {
        var (folder, from) = StoreFolder(parse);
        if (File.Exists(folder))
        {
            throw new YtOAuthException(ErrorCode.InvalidArgument, from + " names a file, '" + folder + "'; it needs a folder (created if missing).", folder);
        }

        return new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(folder) });
    }

    /// <summary>Where grants are kept, and what said so: --store, else $YTOAUTH_STORE (unset when empty), else the XDG config folder.</summary>
    internal static (string Folder, string From) StoreFolder(ParseResult parse) =>
        parse.GetValue(Store) is { } flag ? (flag, "--store")
        : Environment.GetEnvironmentVariable(StoreVariable) is { } variable && variable.Trim().Length > 0 ? (variable, StoreVariable)
        : (FileTokenStore.DefaultFolder(), "The default store folder");

    /// <summary>
    /// A day as yyyy-MM-dd. The default is computed by the command and named in the description in the same form:
    /// System.CommandLine would show a default value as the culture's DateTime ("11/07/2026 00:00:00").
    /// </summary>
    private static Option<DateTime?> DateOption(string name, string description, string fallbackInWords, DateTime fallback) => new(name)
    {
        Description = description + " (default: " + fallbackInWords + ", " + Program.Date(fallback) + ").",
        HelpName = "yyyy-MM-dd",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            r.AddError(name + " takes a date as yyyy-MM-dd, not '" + text + "'.");
            return default;
        },
    };

    private static Option<T> Ranged<T>(Option<T> option, long min, long max)
    {
        option.Validators.Add(r =>
        {
            T value;
            try
            {
                value = r.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // not a number at all: the parser says so itself
            }

            if (value != null && (Convert.ToInt64(value, CultureInfo.InvariantCulture) < min || Convert.ToInt64(value, CultureInfo.InvariantCulture) > max))
            {
                r.AddError(option.Name + " takes a whole number " + (max == int.MaxValue ? "of at least " + min : "from " + min + " to " + max) + ", not " + value + ".");
            }
        });
        return option;
    }

    private static void Check(OptionResult result, Action check)
    {
        try
        {
            check();
        }
        catch (YtOAuthException e)
        {
            result.AddError(e.Message);
        }
        catch (InvalidOperationException)
        {
            // no value at all: the parser says so itself
        }
    }

    /// <summary>Whether a flag was given with a value, read from its tokens: asking for a value the parser refused throws.</summary>
    private static bool Given(CommandResult command, Option option) => command.GetResult(option) is { Tokens.Count: > 0 };
}
