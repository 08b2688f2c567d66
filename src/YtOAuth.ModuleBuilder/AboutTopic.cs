using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace YtOAuth.ModuleBuilder;

/// <summary>
/// Turns docs/about_*.md into the plain-text about topic Get-Help reads from the module's en-US folder: "# about_X"
/// becomes TOPIC, "## HEADING" a heading at the margin, prose is indented four spaces and code eight.
/// </summary>
public static class AboutTopic
{
    public static string ToHelpText(string path)
    {
        var lines = File.ReadAllLines(path);
        var name = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();
        if (name == null || !name.StartsWith("about_", StringComparison.Ordinal) || name != Path.GetFileNameWithoutExtension(path))
        {
            throw new InvalidDataException(path + ": the first heading must be '# " + Path.GetFileNameWithoutExtension(path) + "'.");
        }

        var text = new List<string> { "TOPIC", "    " + name, string.Empty };
        var inFence = false;
        foreach (var line in lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            text.Add(inFence ? "        " + line
                : line.StartsWith("## ", StringComparison.Ordinal) ? line[3..].Trim().ToUpperInvariant()
                : line.StartsWith("### ", StringComparison.Ordinal) ? "  " + line[4..].Trim()
                : line.Length == 0 ? string.Empty
                : "    " + line.Replace("`", string.Empty));
        }

        return string.Join(Environment.NewLine, text).TrimEnd() + Environment.NewLine;
    }
}
