using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace YtOAuth.ModuleBuilder;

/// <summary>An example of a help page: title, code, remarks.</summary>
public sealed record HelpExample(string Title, string Code, string Remarks);

/// <summary>
/// One docs/&lt;Cmdlet&gt;.md page: "## SYNOPSIS", "## DESCRIPTION", "## EXAMPLES" ("### Example N: title", a
/// fenced powershell block, remarks), "## PARAMETERS" ("### -Name"), "## INPUTS", "## OUTPUTS", "## NOTES",
/// "## RELATED LINKS" (one "- [Name](Name.md)" a line: other pages of this help, never a web address).
/// </summary>
public sealed class HelpDocument
{
    public string Name { get; private init; } = string.Empty;
    public string Synopsis { get; private init; } = string.Empty;
    public IReadOnlyList<string> Description { get; private init; } = Array.Empty<string>();
    public IReadOnlyList<HelpExample> Examples { get; private init; } = Array.Empty<HelpExample>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Inputs { get; private init; } = Array.Empty<string>();
    public IReadOnlyList<string> Notes { get; private init; } = Array.Empty<string>();
    public IReadOnlyList<string> RelatedLinks { get; private init; } = Array.Empty<string>();

    public static HelpDocument Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? throw new InvalidDataException(path + ": the first heading must be '# <Cmdlet-Name>'.");
        var sections = Split(lines, "## ");
        IReadOnlyList<string> Section(string name) => sections.TryGetValue(name, out var body) ? Paragraphs(body) : Array.Empty<string>();

        var examples = sections.TryGetValue("EXAMPLES", out var exampleLines)
            ? Split(exampleLines, "### ").Select(e => Example(e.Key, e.Value)).ToList()
            : new List<HelpExample>();
        var parameters = sections.TryGetValue("PARAMETERS", out var parameterLines)
            ? Split(parameterLines, "### ").ToDictionary(p => p.Key.TrimStart('-'), p => Paragraphs(p.Value), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, IReadOnlyList<string>>();
        return new HelpDocument
        {
            Name = title,
            Synopsis = string.Join(" ", Section("SYNOPSIS")),
            Description = Section("DESCRIPTION"),
            Examples = examples,
            Parameters = parameters,
            Inputs = Section("INPUTS"),
            Notes = Section("NOTES"),
            RelatedLinks = sections.TryGetValue("RELATED LINKS", out var links)
                ? links.Select(l => Regex.Match(l, @"^\s*-\s*\[([^\]]+)\]")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList()
                : new List<string>(),
        };
    }

    private static HelpExample Example(string title, List<string> body)
    {
        var start = body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
        var end = start < 0 ? -1 : body.FindIndex(start + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        if (start < 0 || end < 0)
        {
            throw new InvalidDataException("Example '" + title + "' needs a fenced ```powershell block.");
        }

        var code = string.Join("\n", body.Skip(start + 1).Take(end - start - 1));
        return new HelpExample(title, code, string.Join("\n\n", Paragraphs(body.Skip(end + 1).ToList())));
    }

    private static Dictionary<string, List<string>> Split(IEnumerable<string> lines, string marker)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                result[line[marker.Length..].Trim()] = current = new List<string>();
            }
            else
            {
                current?.Add(line);
            }
        }

        return result;
    }

    private static IReadOnlyList<string> Paragraphs(List<string> lines) =>
        Regex.Split(string.Join("\n", lines).Trim(), "\n\\s*\n")
            .Select(p => Regex.Replace(p.Trim(), "\\s*\n\\s*", " "))
            .Select(p => Regex.Replace(p, "`([^`]+)`", "$1"))
            .Where(p => p.Length > 0)
            .ToList();
}
