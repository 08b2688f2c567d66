using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>Ids YouTube did not show: each said on stderr as it comes, the rest still written; exit 7 at the end if any.</summary>
internal sealed class Misses
{
    private int count;

    public int ExitCode => count == 0 ? ExitCodes.Success : ExitCodes.RequestRefused;

    public void Report(YtOAuthException e)
    {
        count++;
        Console.Error.WriteLine("ytoauth: " + e.Message);
    }
}
