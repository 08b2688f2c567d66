using YtOAuth.Engine;

namespace YtOAuth.Cli;

/// <summary>The exit code of each kind of outcome: one table, shown by --help and docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int Configuration = 3;
    public const int SignInNeeded = 4;
    public const int ConsentNotGiven = 5;
    public const int ServiceUnavailable = 6;
    public const int RequestRefused = 7;
    public const int Storage = 8;
    public const int Interrupted = 130;  // SIGINT, Ctrl+C
    public const int Terminated = 143;   // SIGTERM

    public const string Table = """
        Exit codes:
          0    success
          1    unexpected failure (a bug): rerun with --debug and report the trace
          2    usage: a command, flag or value that cannot work
          3    configuration: client_secret.json missing or invalid, the OAuth client refused, an API not enabled
          4    sign-in needed: no grant stored, grant expired or revoked, re-authentication, token refused, scope missing
          5    consent not given: declined, timed out, a forged redirect, another issuer, an unattended session
          6    service: network down, server error, rate limited, quota spent, revocation unconfirmed
          7    request refused: not found, forbidden, bad request
          8    local storage: the token folder or its lock cannot be used
          130  interrupted (SIGINT, Ctrl+C)        143  terminated (SIGTERM)
        """;

    // Every named ErrorCode has a row: a new one without an exit code fails the build (CS8509). A value outside the
    // enum, which no engine code makes, throws and so ends as an unexpected failure.
#pragma warning disable CS8524
    public static int For(ErrorCode code) => code switch
    {
        ErrorCode.InvalidArgument => Usage,
        ErrorCode.ClientSecretNotFound or ErrorCode.ClientSecretInvalid or ErrorCode.ClientRejected or ErrorCode.TokenRequestFailed or ErrorCode.ApiNotEnabled => Configuration,
        ErrorCode.NoStoredGrant or ErrorCode.GrantInvalid or ErrorCode.ReauthenticationRequired or ErrorCode.AuthenticationFailed or ErrorCode.InsufficientScope => SignInNeeded,
        ErrorCode.ConsentDenied or ErrorCode.ConsentTimeout or ErrorCode.StateMismatch or ErrorCode.IssuerMismatch or ErrorCode.InteractionRequired => ConsentNotGiven,
        ErrorCode.NetworkError or ErrorCode.ServerError or ErrorCode.RateLimited or ErrorCode.QuotaExceeded or ErrorCode.RevokeFailed => ServiceUnavailable,
        ErrorCode.NotFound or ErrorCode.Forbidden or ErrorCode.BadRequest => RequestRefused,
        ErrorCode.StoreError or ErrorCode.StoreUnavailable => Storage,
    };
#pragma warning restore CS8524
}
