using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace YtOAuth.ModuleBuilder;

/// <summary>Writes PowerShell MAML help (YtOAuth.dll-Help.xml): syntax and parameter facts from the compiled cmdlets, words from docs/.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The about topic every RELATED LINKS may name besides the cmdlets.</summary>
    public const string AboutTopic = "about_YtOAuth";

    /// <summary>
    /// Checks that every cmdlet has a page with a synopsis, three examples, every parameter and related links that
    /// name other pages of this help; returns the problems.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<CmdletDeclaration> cmdlets, IReadOnlyDictionary<string, HelpDocument> docs)
    {
        var problems = new List<string>();
        foreach (var cmdlet in cmdlets)
        {
            if (!docs.TryGetValue(cmdlet.Name, out var doc))
            {
                problems.Add("docs/" + cmdlet.Name + ".md is missing.");
                continue;
            }

            if (doc.Synopsis.Length == 0) problems.Add(cmdlet.Name + ": no SYNOPSIS.");
            if (doc.Description.Count == 0) problems.Add(cmdlet.Name + ": no DESCRIPTION.");
            if (doc.Examples.Count < 3) problems.Add(cmdlet.Name + ": " + doc.Examples.Count + " examples; at least 3 (interactive shell, scheduled script, CI pipeline).");
            foreach (var parameter in cmdlet.Parameters.Where(p => !doc.Parameters.ContainsKey(p.Name)))
            {
                problems.Add(cmdlet.Name + ": parameter -" + parameter.Name + " is not documented.");
            }

            if (doc.RelatedLinks.Count == 0) problems.Add(cmdlet.Name + ": no RELATED LINKS.");
            foreach (var link in doc.RelatedLinks.Where(l => l != AboutTopic && cmdlets.All(c => c.Name != l)))
            {
                problems.Add(cmdlet.Name + ": RELATED LINKS names '" + link + "', which is neither a cmdlet of the module nor " + AboutTopic + ".");
            }

            foreach (var documented in doc.Parameters.Keys.Where(k => cmdlet.Parameters.All(p => !p.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add(cmdlet.Name + ": documents -" + documented + ", which the cmdlet does not have.");
            }
        }

        return problems;
    }

    public static XDocument Write(IReadOnlyList<CmdletDeclaration> cmdlets, IReadOnlyDictionary<string, HelpDocument> docs) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                cmdlets.Select(c => CommandElement(c, docs[c.Name]))));

    private static XElement CommandElement(CmdletDeclaration cmdlet, HelpDocument doc) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(new[] { doc.Synopsis })),
            Description(doc.Description),
            new XElement(Command + "syntax", cmdlet.ParameterSets.Select(set => SyntaxItem(cmdlet, set))),
            new XElement(Command + "parameters", cmdlet.Parameters.Select(p => ParameterElement(p, doc.Parameters[p.Name], null))),
            new XElement(Command + "inputTypes", new XElement(Command + "inputType",
                new XElement(Dev + "type", new XElement(Maml + "name", doc.Inputs.FirstOrDefault() ?? "None")))),
            new XElement(Command + "returnValues", cmdlet.OutputTypes.Select(t =>
                new XElement(Command + "returnValue", new XElement(Dev + "type", new XElement(Maml + "name", t))))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", doc.Notes.Select(n => new XElement(Maml + "para", n)))),
            new XElement(Command + "examples", doc.Examples.Select((e, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", e.Remarks.Split("\n\n").Select(p => new XElement(Maml + "para", p)))))),
            // Links to other topics of this help, by name (Get-Help <name>): no web address, so nothing leads to a page that is not there.
            new XElement(Maml + "relatedLinks", doc.RelatedLinks.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l), new XElement(Maml + "uri")))));

    private static XElement SyntaxItem(CmdletDeclaration cmdlet, string set)
    {
        var inSet = cmdlet.Parameters.Where(p => p.Sets.Any(s => s.Name == set || s.Name == CmdletDeclaration.AllSets))
            .OrderBy(p => Entry(p, set).Position < 0 ? int.MaxValue : Entry(p, set).Position).ThenBy(p => !Entry(p, set).Mandatory);
        return new XElement(Command + "syntaxItem", new XElement(Maml + "name", cmdlet.Name),
            inSet.Select(p => ParameterElement(p, Array.Empty<string>(), set)));
    }

    private static ParameterSetEntry Entry(CmdletParameter p, string? set) =>
        p.Sets.FirstOrDefault(s => s.Name == set) ?? p.Sets.FirstOrDefault(s => s.Name == CmdletDeclaration.AllSets) ?? p.Sets[0];

    private static XElement ParameterElement(CmdletParameter p, IReadOnlyList<string> description, string? set)
    {
        var entry = Entry(p, set);
        var mandatory = set == null ? p.Sets.All(s => s.Mandatory) : entry.Mandatory;
        var pipeline = new List<string>();
        if (p.Sets.Any(s => s.FromPipeline)) pipeline.Add("ByValue");
        if (p.Sets.Any(s => s.FromPipelineByPropertyName)) pipeline.Add("ByPropertyName");
        var element = new XElement(Command + "parameter",
            new XAttribute("required", mandatory ? "true" : "false"),
            new XAttribute("variableLength", p.TypeName.EndsWith("[]") ? "true" : "false"),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipeline.Count == 0 ? "False" : "True (" + string.Join(", ", pipeline) + ")"),
            new XAttribute("position", entry.Position < 0 ? "named" : entry.Position.ToString()),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name));
        if (set == null)
        {
            element.Add(Description(description.Where(d => DefaultValue(new[] { d }) == null)));
        }

        if (!p.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.TypeName));
        }

        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", p.TypeName)));
        if (set == null)
        {
            element.Add(new XElement(Dev + "defaultValue", p.IsSwitch ? "False" : DefaultValue(description) ?? p.DefaultValue ?? "None"));
        }
        return element;
    }

    /// <summary>A page's "Default value: X" paragraph of a parameter, which wins over the [PSDefaultValue] of a shared parameter.</summary>
    private static string? DefaultValue(IReadOnlyList<string> description) =>
        description.Where(d => d.StartsWith(DefaultValuePrefix, StringComparison.Ordinal)).Select(d => d[DefaultValuePrefix.Length..].Trim()).FirstOrDefault();

    private const string DefaultValuePrefix = "Default value:";

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(p => new XElement(Maml + "para", p)));
}
