using System.CommandLine.Parsing;

namespace YtOAuth.Cli.Options;

/// <summary>Two flags that each say what to list, so only one may be given.</summary>
internal static class Exclusive
{
    public static void NotBoth(Command command, Option first, Option second)
    {
        command.Validators.Add(r =>
        {
            if (Given(r, first) && Given(r, second))
            {
                r.AddError("Give " + first.Name + " or " + second.Name + ", not both.");
            }
        });
    }

    /// <summary>Whether a flag was given with a value, read from its tokens: asking for a value the parser refused throws.</summary>
    private static bool Given(CommandResult command, Option option) => command.GetResult(option) is { Tokens.Count: > 0 };
}
