using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

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

    /// <summary>
    /// The folder the CLI's default store resolves to in tests ($XDG_CONFIG_HOME/ytoauth under a temp folder of this
    /// test run), so that no test reads or writes the grants of the user running it.
    /// </summary>
    public static string ConfigHome { get; } = Directory.CreateTempSubdirectory("ytoauth-config-").FullName;

    public static Process Start(params string[] args) => Start(null, args);

    /// <summary>Starts the CLI with extra environment variables.</summary>
    public static Process Start(System.Collections.Generic.IDictionary<string, string>? environment, params string[] args) => StartIn(null, environment, args);

    /// <summary>Starts the CLI in <paramref name="workingDirectory"/> (null: this process's) with extra environment variables.</summary>
    public static Process StartIn(string? workingDirectory, System.Collections.Generic.IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.WorkingDirectory = workingDirectory ?? info.WorkingDirectory;
        info.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        info.Environment.Remove("YTOAUTH_STORE");
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

    /// <summary>
    /// Runs the CLI to its end with standard input closed: its exit code and both outputs. A command that serves until
    /// stopped (the emulator) is sent SIGTERM once it says it is listening, and then ends with 143.
    /// </summary>
    public static async Task<(int Code, string Output, string Errors)> RunAsync(IDictionary<string, string>? environment, string? workingDirectory, params string[] args)
    {
        using var cli = StartIn(workingDirectory, environment, args);
        cli.StandardInput.Close();
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await cli.StandardOutput.ReadLineAsync() is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("listening on") || line.Contains("\"BaseUri\""))
                {
                    using var stop = Process.Start("kill", "-TERM " + cli.Id)!;
                    await stop.WaitForExitAsync();
                }
            }
        });
        var errors = cli.StandardError.ReadToEndAsync();
        if (!cli.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            cli.Kill(entireProcessTree: true);
            throw new TimeoutException("ytoauth " + string.Join(" ", args) + " did not end within 60 s");
        }

        await reading;
        return (cli.ExitCode, output.ToString(), await errors);
    }
}
