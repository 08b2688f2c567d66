using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace YtOAuth.Engine.Tests.Reliability;

/// <summary>
/// The crash, soak and upload-kill commands of tests/YtOAuth.Reliability in their short modes (README's Reliability section runs
/// them in full). They start real child processes over a real file store.
/// </summary>
[Collection("Processes")] // they load both cores: not beside the other process tests
public class ReliabilityCommandTests
{
    [Theory]
    [InlineData("crash --runs 20")]
    [InlineData("crash --runs 20 --rotate")]
    [InlineData("soak --processes 2 --threads 4 --seconds 10")]
    [InlineData("upload-kill --size-mib 8 --kills 6 --rounds 2 --chunk-delay-ms 10")]
    public async Task Runs_clean(string arguments)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "YtOAuth.Reliability", "bin", "Release", "net10.0", "YtOAuth.Reliability.dll");
        Assert.True(File.Exists(tool), "Build tests/YtOAuth.Reliability first (dotnet build YtOAuth.sln -c Release).");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.GetFullPath(tool));
        foreach (var a in arguments.Split(' '))
        {
            info.ArgumentList.Add(a);
        }

        using var run = Process.Start(info)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(3)), "the run did not finish");

        Assert.True(run.ExitCode == 0, await output + await errors);
        Assert.Contains(arguments.StartsWith("crash") ? " 0 broken" : arguments.StartsWith("upload-kill") ? " 0 mismatches" : " 0 failures", await output);
    }
}
