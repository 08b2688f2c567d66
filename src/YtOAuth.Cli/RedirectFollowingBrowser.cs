using YtOAuth.Engine.OAuth;

namespace YtOAuth.Cli;

/// <summary>Plays the browser for an auto-approving consent page: GET the URL and follow redirects to the loopback listener.</summary>
internal sealed class RedirectFollowingBrowser : IBrowserLauncher
{
    private static readonly System.Net.Http.HttpClient Http = new();

    public bool TryOpen(Uri url)
    {
        _ = Task.Run(async () => (await Http.GetAsync(url)).Dispose());
        return true;
    }
}
