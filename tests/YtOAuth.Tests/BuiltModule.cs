using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using YtOAuth.ModuleBuilder;

namespace YtOAuth.Tests;

/// <summary>The module folder the build laid out (out/YtOAuth/&lt;version&gt;/), read as metadata.</summary>
public sealed class BuiltModule : IDisposable
{
    public BuiltModule()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "YtOAuth.sln")))
        {
            root = root.Parent;
        }

        RepoRoot = root?.FullName ?? throw new InvalidOperationException("YtOAuth.sln not found");
        var version = Regex.Match(File.ReadAllText(Path.Combine(RepoRoot, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        Folder = Path.Combine(RepoRoot, "out", "YtOAuth", version);
        Version = version;
        Context = CmdletMetadata.Open(Folder, Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"));
        Assembly = Context.LoadFromAssemblyPath(Path.Combine(Folder, "YtOAuth.dll"));
        Cmdlets = CmdletMetadata.Read(Assembly);
    }

    public string RepoRoot { get; }
    public string Folder { get; }
    public string Version { get; }
    public MetadataLoadContext Context { get; }
    public Assembly Assembly { get; }
    public IReadOnlyList<CmdletDeclaration> Cmdlets { get; }

    public CmdletDeclaration this[string name] => Cmdlets.Single(c => c.Name == name);

    public string Manifest => File.ReadAllText(Path.Combine(Folder, "YtOAuth.psd1"));

    /// <summary>The quoted names of a manifest list such as CmdletsToExport.</summary>
    public IReadOnlyList<string> ManifestList(string key)
    {
        var match = Regex.Match(Manifest, key + "\\s*=\\s*@\\(([^)]*)\\)", RegexOptions.Singleline);
        if (!match.Success)
        {
            throw new InvalidOperationException(key + " is not a list in the manifest");
        }

        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }

    public void Dispose() => Context.Dispose();
}
