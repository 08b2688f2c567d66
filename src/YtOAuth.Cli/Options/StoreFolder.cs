using YtOAuth.Engine;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Cli.Options;

/// <summary>The folder that keeps the grants, from --store, $YTOAUTH_STORE or the default, and the engine that uses it.</summary>
internal static class StoreFolder
{
    /// <summary>Where grants are kept, and what said so: --store, else $YTOAUTH_STORE (unset when empty), else the XDG config folder.</summary>
    public static (string Folder, string From) Resolve(ParseResult parse) =>
        parse.GetValue(SharedOptions.Store) is { } flag ? (flag, "--store")
        : Environment.GetEnvironmentVariable(SharedOptions.StoreVariable) is { } variable && variable.Trim().Length > 0 ? (variable, SharedOptions.StoreVariable)
        : (FileTokenStore.DefaultFolder(), "The default store folder");

    /// <summary>An engine over the file store in that folder; a path that names a file is a usage error.</summary>
    public static AuthEngine OpenEngine(ParseResult parse)
    {
        var (folder, from) = Resolve(parse);
        if (File.Exists(folder))
        {
            throw new YtOAuthException(ErrorCode.InvalidArgument, from + " names a file, '" + folder + "'; it needs a folder (created if missing).", folder);
        }

        return new AuthEngine(new AuthEngineOptions { Store = new FileTokenStore(folder) });
    }
}
