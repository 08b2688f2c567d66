using YtOAuth.Engine;

namespace YtOAuth.Cli;

/// <summary>An error's remedy in this CLI's commands and flags.</summary>
internal static class RemedyText
{
    /// <summary>What to do (--store only when the user gave it: the default finds the same folder again).</summary>
    public static string? Render(Remedy? remedy, string? folder)
    {
        var store = folder == null ? "" : " --store " + folder;
        return remedy?.Kind switch
        {
            RemedyKind.Connect => "Run: ytoauth connect --client-secret <client_secret.json>" + store + " --profile " + remedy.Profile +
                                  (remedy.Scopes == null ? "" : " --scope " + string.Join(",", remedy.Scopes)) + (remedy.Force ? " --force" : ""),
            RemedyKind.AllowMoreTime => "Run ytoauth connect again and finish consent in the browser, or allow more time with --timeout SEC.",
            RemedyKind.UseBrowserFlow => "Ask for --scope " + string.Join(",", remedy.Scopes ?? Array.Empty<string>()) +
                                         ", or sign in with the browser flow: ytoauth connect without --device (add --no-browser, and paste the address the browser ends on, if this machine has no browser).",
            RemedyKind.RevokeLaterOrForget => "Run ytoauth revoke" + store + " --profile " + remedy.Profile + " again when Google can be reached, or ytoauth disconnect" + store +
                                              " --profile " + remedy.Profile + " to forget the grant here only.",
            _ => null,
        };
    }
}
