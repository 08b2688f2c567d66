using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Cli;

/// <summary>
/// ytoauth: the engine from a plain shell. Parsing is System.CommandLine's (Commands.cs); this file is the one way out:
/// a YtOAuth error is one line of what happened and one of what to do, with the exit code of its kind; anything
/// unexpected is one line and a hint to rerun with --debug; SIGINT and SIGTERM cancel the work and exit 130 and 143.
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

        var root = Commands.Build();
        var parsed = Commands.Parse(root, args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction usage)
        {
            // System.CommandLine says what is wrong and suggests the closest command or flag; the rest is in --help.
            usage.ShowHelp = false;
            usage.ShowTypoCorrections = true;
            usage.Invoke(parsed);
            var command = parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name + " ";
            Console.Error.WriteLine("Run 'ytoauth " + command + "--help' for usage.");
            return ExitCodes.Usage;
        }

        var debug = parsed.GetValue(Commands.Debug);
        using var log = EngineLog.Use(new ConsoleSink(parsed.GetValue(Commands.Verbose) || debug, debug));
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
            var remedy = Render(e.Remedy, parsed.GetValue(Commands.Store));
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

    /// <summary>What to do, in this CLI's commands and flags (--store only when the user gave it: the default finds the same folder again).</summary>
    internal static string? Render(Remedy? remedy, string? folder)
    {
        var store = folder == null ? "" : " --store " + folder;
        return remedy?.Kind switch
        {
            RemedyKind.Connect => "Run: ytoauth connect --client-secret <client_secret.json>" + store + " --profile " + remedy.Profile +
                                  (remedy.Scopes == null ? "" : " --scope " + string.Join(",", remedy.Scopes)) + (remedy.Force ? " --force" : ""),
            RemedyKind.AllowMoreTime => "Run ytoauth connect again and finish consent in the browser, or allow more time with --timeout SEC.",
            RemedyKind.UseBrowserFlow => "Ask for --scope " + string.Join(",", remedy.Scopes ?? Array.Empty<string>()) +
                                         ", or sign in with the browser flow: ytoauth connect without --device (add --no-browser, and paste the address the browser ends on, if this machine has no browser).",
            RemedyKind.RevokeLaterOrForget => "Run ytoauth revoke" + store + " --profile " + remedy.Profile + " again when Google can be reached, or ytoauth disconnect" + store +
                                              " --profile " + remedy.Profile + " to forget the grant here only.",
            _ => null,
        };
    }

    private sealed class ConsoleSink(bool verbose, bool debug) : IEngineSink
    {
        public void Write(EngineMessage message)
        {
            switch (message.Kind)
            {
                case EngineMessageKind.Information: Console.Error.WriteLine(message.Text); break;
                case EngineMessageKind.Warning: Console.Error.WriteLine("warning: " + message.Text); break;
                case EngineMessageKind.Verbose when verbose: Console.Error.WriteLine("verbose: " + message.Text); break;
                case EngineMessageKind.Debug when debug: Console.Error.WriteLine("debug: " + message.Text); break;
            }
        }
    }

    internal static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? Date(d) : d.ToString("u", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        System.Collections.Generic.IEnumerable<string> list => string.Join(",", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Scopes by their short names (ReadOnly, Analytics, ...): a list, shown comma-separated and kept an array in JSON.</summary>
    internal static string[] Scopes(System.Collections.Generic.IEnumerable<string> scopes) => scopes.Select(Engine.OAuth.Scopes.ShortName).ToArray();
}
