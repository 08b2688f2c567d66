using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using YtOAuth.Cli.Commands;
using YtOAuth.Engine;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Cli;

/// <summary>
/// ytoauth: the engine from a plain shell. Parsing is System.CommandLine's (Commands/CliCommand.cs, a file a verb
/// beside it); this file is the one way out: a YtOAuth error is one line of what happened and one of what to do, with
/// the exit code of its kind (ExitCodes.cs); anything unexpected is one line and a hint to rerun with --debug; SIGINT
/// and SIGTERM cancel the work and exit 130 and 143.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // One buffered writer: a listing is written in a few large writes, not one system call a line.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        Console.SetOut(stdout);
        try
        {
            return await RunAsync(args);
        }
        finally
        {
            await stdout.FlushAsync();
        }
    }

    internal static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        var signal = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // finish cleanly: free the port, store nothing half-done
            signal = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var parsed = CliCommand.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction usage)
        {
            // System.CommandLine says what is wrong and suggests the closest command or flag; the rest is in --help.
            usage.ShowHelp = false;
            usage.ShowTypoCorrections = true;
            usage.Invoke(parsed);
            Console.Error.WriteLine("Run '" + CommandPath(parsed.CommandResult) + " --help' for usage.");
            return ExitCodes.Usage;
        }

        var debug = parsed.GetValue(SharedOptions.Debug);
        using var log = EngineLog.Use(ConsoleSink.For(parsed));
        try
        {
            var code = await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, stop.Token);
            return stop.IsCancellationRequested && signal != 0 ? signal : code;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("ytoauth: stopped; nothing half-done was stored.");
            return signal == 0 ? ExitCodes.Interrupted : signal;
        }
        catch (YtOAuthException e)
        {
            Console.Error.WriteLine("ytoauth: " + e.Message);
            var remedy = RemedyText.Render(e.Remedy, parsed.GetValue(SharedOptions.Store));
            if (remedy != null)
            {
                Console.Error.WriteLine("  " + remedy);
            }

            if (debug)
            {
                Console.Error.WriteLine(e.ToString());
            }

            return ExitCodes.For(e.Code);
        }
        catch (Exception e) when (!debug)
        {
            Console.Error.WriteLine("ytoauth: unexpected failure (" + e.GetType().Name + ": " + Redactor.Redact(e.Message) + "). Rerun with --debug to see the trace.");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>The command as typed, subcommands included ("ytoauth playlist add"), for the usage hint.</summary>
    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? CommandPath(parent) + " " + command.Command.Name : "ytoauth";
}
