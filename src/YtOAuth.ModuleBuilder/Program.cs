using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YtOAuth.ModuleBuilder;

// layout --repo DIR --module DIR --version X: stamps the manifest and writes en-US/YtOAuth.dll-Help.xml and
// en-US/about_YtOAuth.help.txt into
// the module folder the MSBuild target has filled; fails (exit 1) on undocumented cmdlets or parameters.
if (args.Length == 0 || args[0] != "layout")
{
    Console.Error.WriteLine("usage: YtOAuth.ModuleBuilder layout --repo DIR --module DIR --version X");
    return 2;
}

string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException("missing " + name);
var repo = Arg("--repo");
var module = Arg("--module");
var version = Arg("--version");

var manifest = File.ReadAllText(Path.Combine(repo, "YtOAuth.psd1"));
var stamped = Regex.Replace(manifest, "ModuleVersion(\\s*)=(\\s*)'[^']*'", m => $"ModuleVersion{m.Groups[1].Value}={m.Groups[2].Value}'{version}'");
if (stamped == manifest && !manifest.Contains($"'{version}'"))
{
    Console.Error.WriteLine("YtOAuth.psd1 has no ModuleVersion line to stamp.");
    return 1;
}

File.WriteAllText(Path.Combine(module, "YtOAuth.psd1"), stamped);

var sma = Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll");
using var context = CmdletMetadata.Open(module, sma);
var cmdlets = CmdletMetadata.Read(context.LoadFromAssemblyPath(Path.Combine(module, "YtOAuth.dll")));
var docs = Directory.GetFiles(Path.Combine(repo, "docs"), "*-*.md").Select(HelpDocument.Parse).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
var problems = MamlWriter.Validate(cmdlets, docs);
foreach (var problem in problems)
{
    Console.Error.WriteLine("help: " + problem);
}

if (problems.Count > 0)
{
    return 1;
}

Directory.CreateDirectory(Path.Combine(module, "en-US"));
MamlWriter.Write(cmdlets, docs).Save(Path.Combine(module, "en-US", "YtOAuth.dll-Help.xml"));
var about = Path.Combine(repo, "docs", MamlWriter.AboutTopic + ".md");
if (!File.Exists(about))
{
    Console.Error.WriteLine("help: docs/" + MamlWriter.AboutTopic + ".md is missing.");
    return 1;
}

File.WriteAllText(Path.Combine(module, "en-US", MamlWriter.AboutTopic + ".help.txt"), AboutTopic.ToHelpText(about));
Console.WriteLine($"Module laid out in {module}: {cmdlets.Count} cmdlets, help for each, and {MamlWriter.AboutTopic}.");
return 0;
