using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Options;

/// <summary>
/// connect's flags for each endpoint (authorization, token, revocation, device, API base), each overriding what
/// --endpoint-base, the client_secret.json or the server's metadata say.
/// </summary>
internal sealed class EndpointFlags
{
    private readonly Dictionary<string, Option<string?>> flags = new[] { "authorization-endpoint", "token-endpoint", "revocation-endpoint", "device-endpoint", "api-base" }
        .ToDictionary(n => n, n => new Option<string?>("--" + n) { Description = "The " + n.Replace('-', ' ') + ", whatever the client_secret.json or the server says." });

    public IEnumerable<Option<string?>> All => flags.Values;

    /// <summary>The endpoints to use: --endpoint-base's (or Google's), with each flag given in its place.</summary>
    public EndpointChoices Choices(ParseResult parse)
    {
        var choices = EndpointChoices.FromBase(parse.GetValue(SharedOptions.EndpointBase));
        Uri? Flag(string name) => parse.GetValue(flags[name]) is { } value ? EndpointChoices.Checked(value, "--" + name) : null;
        var api = Flag("api-base") is { } apiBase ? GoogleEndpoints.ForBaseUri(apiBase) : null;
        (choices.Authorization, choices.Token, choices.Revocation, choices.DeviceAuthorization) = (Flag("authorization-endpoint"), Flag("token-endpoint"), Flag("revocation-endpoint"), Flag("device-endpoint"));
        (choices.YouTubeData, choices.Analytics) = (api?.YouTubeData, api?.Analytics);
        return choices;
    }
}
