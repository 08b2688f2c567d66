using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Benchmarks;

/// <summary>What one run measured: its time and how many things it got (every contender of a case must agree).</summary>
internal readonly record struct Sample(double Milliseconds, long Count, double PeakMiB = double.NaN, string? LastLine = null);

/// <summary>
/// A long-lived peer (pwsh, node) that times its own work: the runner writes "&lt;case&gt; &lt;contender&gt;", the
/// worker answers "&lt;ms&gt; &lt;count&gt;". Warm, like a script that runs the command in a loop.
/// </summary>
internal sealed class LineWorker : IAsyncDisposable
{
    private readonly Process process;

    private LineWorker(Process process) => this.process = process;

    public static LineWorker Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = Processes.Info(file, arguments, environment, workingDirectory);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = false;
        return new LineWorker(Process.Start(info) ?? throw new InvalidOperationException("could not start " + file));
    }

    public async Task<Sample> RunAsync(string what)
    {
        await process.StandardInput.WriteLineAsync(what);
        await process.StandardInput.FlushAsync();
        var answer = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5))
                     ?? throw new InvalidOperationException($"the worker for '{what}' ended (exit code {(process.HasExited ? process.ExitCode : -1)})");
        var parts = answer.Split(' ', 2);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            throw new InvalidOperationException($"the worker answered '{answer}' to '{what}'");
        }

        return new Sample(ms, long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}

internal static class Processes
{
    public static ProcessStartInfo Info(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>
    /// Runs a whole process with its output thrown away (as a scheduled job's often is), timing it from start to
    /// exit and following its peak resident memory (VmHWM) until it ends.
    /// </summary>
    public static async Task<Sample> TimeAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        bool keepLastLine = false)
    {
        var info = Info(file, arguments, environment, workingDirectory);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = keepLastLine ? process.StandardOutput.ReadToEndAsync() : process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => "");
        var errors = process.StandardError.ReadToEndAsync();
        var peakKiB = 0L;
        var status = "/proc/" + process.Id + "/status";
        while (!process.HasExited)
        {
            peakKiB = Math.Max(peakKiB, HighWaterKiB(status));
            await Task.Delay(2);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }

        return new Sample(watch.Elapsed.TotalMilliseconds, 0, peakKiB / 1024.0, keepLastLine ? text.TrimEnd().Split('\n')[^1] : null);
    }

    private static long HighWaterKiB(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the process ended between the check and the read
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    /// <summary>Runs a helper to its end and returns its standard output; a failure stops the benchmark with its errors.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        CancellationToken cancellationToken = default)
    {
        var info = Info(file, arguments, environment, workingDirectory);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }

        return await output;
    }
}
