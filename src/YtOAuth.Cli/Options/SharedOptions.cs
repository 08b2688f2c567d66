using System.CommandLine.Parsing;
using YtOAuth.Engine;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Cli.Options;

/// <summary>
/// The flags that mean the same in every command: where grants are kept, which one, which host answers, how much is
/// said, and --json for the commands that print.
/// </summary>
internal static class SharedOptions
{
    /// <summary>The environment variable that names the store folder when --store is not given.</summary>
    public const string StoreVariable = "YTOAUTH_STORE";

    public const string StoreFallbackText = "$XDG_CONFIG_HOME/ytoauth or ~/.config/ytoauth (%APPDATA%\\YtOAuth on Windows)";

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Folder that keeps the grants (created 0700, one 0600 file per profile). Default: $YTOAUTH_STORE, else " + StoreFallbackText + ".", Recursive = true,
    };

    public static readonly Option<string> Profile = ValidProfile(new Option<string>("--profile") { Description = "Which stored grant to use.", DefaultValueFactory = _ => ProfileName.Default, Recursive = true });
    public static readonly Option<string?> EndpointBase = new("--endpoint-base") { Description = "Send every request to this host instead of Google (or YTOAUTH_ENDPOINT_BASE).", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Say what happens, step by step (never a secret).", Recursive = true };
    public static readonly Option<bool> Debug = new("--debug") { Description = "Also the details, and the trace of an unexpected failure.", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "One JSON object a line, for scripts." };

    /// <summary>A profile name the engine refuses is a usage error, said in the engine's words.</summary>
    private static Option<string> ValidProfile(Option<string> option)
    {
        option.Validators.Add(r =>
        {
            try
            {
                ProfileName.Validate(r.GetValueOrDefault<string>());
            }
            catch (YtOAuthException e)
            {
                r.AddError(e.Message);
            }
            catch (InvalidOperationException)
            {
                // no value at all: the parser says so itself
            }
        });
        return option;
    }
}
