using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>Starts the real ytoauth CLI as a child process (a separate process with its own engine).</summary>
public static class Cli
{
    /// <summary>The repository's root folder (where YtOAuth.sln is).</summary>
    public static string RepoRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root != null && !File.Exists(Path.Combine(root.FullName, "YtOAuth.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException("YtOAuth.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string DllPath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var dll = Path.Combine(RepoRoot, "src", "YtOAuth.Cli", "bin", configuration, "net10.0", "ytoauth.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/YtOAuth.Cli first.", dll);
        }
    }

    public static Process Start(params string[] args) => Start(null, args);

    /// <summary>Starts the CLI with extra environment variables.</summary>
    public static Process Start(System.Collections.Generic.IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var pair in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (!info.Environment.ContainsKey("CI"))
        {
            info.Environment["CI"] = "true"; // unattended unless a test says otherwise (an empty CI marks nothing)
        }

        return Process.Start(info)!;
    }
}
