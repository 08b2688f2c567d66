using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// Asks before a change that cannot be undone (a deleted playlist, removed items). Someone at a terminal answers y;
/// when nobody can answer (the engine's rule: CI, a pipe, no terminal), only --yes lets the change go ahead, and
/// without it nothing is changed.
/// </summary>
internal static class Confirmation
{
    public static readonly Option<bool> Yes = new("--yes", "-y") { Description = "Go ahead without asking; needed where nobody can answer (cron, CI, a pipe)." };

    /// <summary>
    /// Returns when the change may go ahead; throws (and so changes nothing) when it was not confirmed.
    /// <paramref name="change"/> names it as a clause ("Deleting playlist PLx"), <paramref name="question"/> asks it.
    /// </summary>
    public static async Task RequireAsync(ParseResult parse, string change, string question, CancellationToken cancel)
    {
        if (parse.GetValue(Yes))
        {
            return;
        }

        // The question goes to standard error and the answer comes on standard input: standard output may be a file.
        var why = Interaction.WhyUnattended(new InteractionFacts
        {
            InputRedirected = Console.IsInputRedirected,
            NoUserInterface = Console.IsErrorRedirected ? "standard error, where the question would go, is redirected" : null,
        });
        if (why != null)
        {
            throw new YtOAuthException(ErrorCode.InteractionRequired,
                change + " needs confirmation, and nobody can answer here (" + why + "). Nothing was changed. Add --yes to go ahead without asking.");
        }

        Console.Error.Write(question + " [y/N] ");
        var answer = await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(cancel);
        if (answer?.Trim().ToLowerInvariant() is not ("y" or "yes"))
        {
            throw new YtOAuthException(ErrorCode.ConsentDenied, "Not confirmed; nothing was changed.");
        }
    }
}
