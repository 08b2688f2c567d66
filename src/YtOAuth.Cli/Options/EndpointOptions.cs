using YtOAuth.Engine.OAuth;

namespace YtOAuth.Cli.Options;

/// <summary>
/// connect's flags for each endpoint (authorization, token, revocation, device, API base), each overriding what
/// --endpoint-base, the client_secret.json or the server's metadata say. The rule lives in the engine
/// (<see cref="EndpointChoices.FromFlags"/>); this class only names the flags.
/// </summary>
internal sealed class EndpointOptions
{
    private static readonly Dictionary<string, string> FlagNames = new()
    {
        [EndpointFlags.AuthorizationName] = "authorization-endpoint",
        [EndpointFlags.TokenName] = "token-endpoint",
        [EndpointFlags.RevocationName] = "revocation-endpoint",
        [EndpointFlags.DeviceAuthorizationName] = "device-endpoint",
        [EndpointFlags.ApiBaseName] = "api-base",
    };

    private readonly Dictionary<string, Option<string?>> flags = FlagNames.Values
        .ToDictionary(n => n, n => new Option<string?>("--" + n) { Description = "The " + n.Replace('-', ' ') + ", whatever the client_secret.json or the server says." });

    public IEnumerable<Option<string?>> All => flags.Values;

    /// <summary>The endpoints to use: --endpoint-base's (or Google's), with each flag given in its place.</summary>
    public EndpointChoices Choices(ParseResult parse) => EndpointChoices.FromFlags(new EndpointFlags
    {
        Base = parse.GetValue(SharedOptions.EndpointBase),
        Authorization = parse.GetValue(flags["authorization-endpoint"]),
        Token = parse.GetValue(flags["token-endpoint"]),
        Revocation = parse.GetValue(flags["revocation-endpoint"]),
        DeviceAuthorization = parse.GetValue(flags["device-endpoint"]),
        ApiBase = parse.GetValue(flags["api-base"]),
        NameOf = name => "--" + FlagNames[name],
    });
}
