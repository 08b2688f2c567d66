using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace YtOAuth.Tests;

/// <summary>
/// docs/architecture.md names files and types for a newcomer to open; each must exist, so the note cannot drift from
/// the code unnoticed. Read from the source tree as text: a type is declared (class, record, struct, enum, interface),
/// a member is declared with an access modifier, an error id is in the module's table.
/// </summary>
public class ArchitectureDocTests
{
    // Named in the note but not declared in src/: other libraries' types and PowerShell's, with where they live.
    private static readonly HashSet<string> OutsideTypes = new(StringComparer.Ordinal)
    {
        "GoogleAuthorizationCodeRequestUrl", // Google.Apis.Auth
        "RequestError", // Google.Apis.Core
        "IClock", // Google.Apis.Util
        "HttpMessageHandler", // System.Net.Http
        "Task.Delay", // System.Threading.Tasks
        "PSObject", // System.Management.Automation
        "ValidatePattern", // System.Management.Automation's ValidatePatternAttribute
    };

    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string Note = File.ReadAllText(Path.Combine(RepoRoot, "docs", "architecture.md"));
    private static readonly string[] SourceFiles = Directory.GetFiles(Path.Combine(RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
        .ToArray();
    private static readonly string Source = string.Join("\n", SourceFiles.Select(File.ReadAllText));

    private static IEnumerable<string> Backticked() => Regex.Matches(Note, "`([^`\n]+)`").Select(m => m.Groups[1].Value).Distinct();

    [Fact]
    public void Every_source_file_it_names_exists()
    {
        // src/... paths from the repository root; engine and module paths such as OAuth/Pkce.cs relative to their project.
        // A placeholder such as <Verb> stands for any name.
        var paths = Backticked().Where(t => t.StartsWith("src/", StringComparison.Ordinal) || Regex.IsMatch(t, @"^[\w./<>-]+\.cs$")).ToList();
        Assert.Contains("src/YtOAuth.Cli/Program.cs", paths); // the check reads what the note says
        var relative = SourceFiles.Select(f => Path.GetRelativePath(RepoRoot, f).Replace('\\', '/')).ToList();
        var missing = paths.Where(p =>
        {
            var pattern = "(^|/)" + Regex.Replace(Regex.Escape(p), @"<[^>]+>", "[^/]+").TrimEnd('/') + "(/|$)";
            return p.StartsWith("src/", StringComparison.Ordinal) && !p.EndsWith(".cs", StringComparison.Ordinal)
                ? !Directory.Exists(Path.Combine(RepoRoot, p)) && !File.Exists(Path.Combine(RepoRoot, p))
                : !relative.Any(f => Regex.IsMatch(f, pattern));
        }).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names files that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_type_and_member_it_names_is_declared()
    {
        var types = new HashSet<string>(Regex.Matches(Source, @"\b(?:class|record|struct|enum|interface)\s+(\w+)").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        var errorIds = File.ReadAllText(Path.Combine(RepoRoot, "src", "YtOAuth", "Hosting", "ErrorIds.cs"));
        bool Member(string name) => Regex.IsMatch(Source, @"\b(public|internal|protected|private)\b[^;\n]*\b" + Regex.Escape(name) + @"\b\s*[({<=]");
        bool Declared(string name)
        {
            if (OutsideTypes.Contains(name) || types.Contains(name) || errorIds.Contains("\"" + name + "\"", StringComparison.Ordinal))
            {
                return true;
            }

            var parts = name.Split('.');
            return parts.Length == 1 ? Member(name)
                : types.Contains(parts[0]) ? Member(parts[^1]) // Type.Member
                : types.Contains(parts[^1]); // Namespace.Type
        }

        // Names as code: PascalCase identifiers, dotted or not (flags, paths, endpoints and ALL_CAPS variables are not).
        var names = Backticked().Where(t => Regex.IsMatch(t, @"^[A-Z]\w*(\.[A-Z]\w*)*$") && t.Any(char.IsLower)).ToList();
        Assert.Contains("AuthEngine", names);
        Assert.Contains("EmulatorCommandLine", names);
        var missing = names.Where(n => !Declared(n)).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names types or members that are not declared in src/: " + string.Join(", ", missing));
    }

    private static string FindRepoRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "YtOAuth.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("YtOAuth.sln not found above " + AppContext.BaseDirectory);
    }
}
