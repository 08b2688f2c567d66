namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth token: a valid access token for curl and scripts, or with --refresh-token the grant itself.</summary>
internal sealed class TokenCommand : VerbCommand
{
    private readonly Option<bool> forceRefresh = new("--force-refresh") { Description = "Refresh even if the current token is still valid." };
    private readonly Option<int> minValidity = new Option<int>("--min-validity") { Description = "Seconds the token must stay valid (0-3500)." }.Ranged(0, 3500);
    private readonly Option<bool> refreshToken = new("--refresh-token") { Description = "Print the refresh token instead: the grant itself, to carry to a server or a CI secret." };

    public TokenCommand()
        : base("token", "Print a valid access token, refreshed when due (with --json: its expiry, profile, channel and scopes too). Example:" + Environment.NewLine +
                        "  curl -H \"Authorization: Bearer $(ytoauth token)\" https://www.googleapis.com/youtube/v3/channels?part=id&mine=true")
    {
        Add(forceRefresh, minValidity, refreshToken, SharedOptions.Json);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        using var engine = StoreFolder.OpenEngine(parse);
        var profile = parse.GetValue(SharedOptions.Profile)!;
        var json = parse.GetValue(SharedOptions.Json);
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
                ("Scopes", Format.Scopes(token.Scopes)));
        }
        else
        {
            Console.WriteLine(token.Token);
        }

        return ExitCodes.Success;
    }
}
