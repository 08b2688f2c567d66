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

    /// <summary>Checks that every cmdlet has a page with a synopsis, three examples and every parameter; returns the problems.</summary>
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
                    new XElement(Dev + "remarks", e.Remarks.Split("\n\n").Select(p => new XElement(Maml + "para", p)))))));

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
            element.Add(Description(description));
        }

        if (!p.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.TypeName));
        }

        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", p.TypeName)));
        return element;
    }

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(p => new XElement(Maml + "para", p)));
}
