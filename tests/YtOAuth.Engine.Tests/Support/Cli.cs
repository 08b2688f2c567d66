using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>Starts the real ytoauth CLI as a child process (a separate process with its own engine).</summary>
public static class Cli
{
    public static string DllPath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var root = new DirectoryInfo(here);
            while (root != null && !File.Exists(Path.Combine(root.FullName, "YtOAuth.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("YtOAuth.sln not found above " + here),
                "src", "YtOAuth.Cli", "bin", configuration, "net10.0", "ytoauth.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/YtOAuth.Cli first.", dll);
        }
    }

    public static Process Start(params string[] args) => Start(null, args);

    /// <summary>Starts the CLI with extra environment variables.</summary>
    public static Process Start(System.Collections.Generic.IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var pair in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        return Process.Start(info)!;
    }
}
