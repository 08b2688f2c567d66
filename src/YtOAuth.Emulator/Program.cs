using System.CommandLine;
using System.CommandLine.Invocation;
using YtOAuth.Emulator;

// Standalone: dotnet src/YtOAuth.Emulator/bin/Release/net10.0/YtOAuth.Emulator.dll --port 0 --auto-approve (--help for
// every flag). The flags are EmulatorCommandLine's, the same as `ytoauth emulator`'s.
var root = new RootCommand(EmulatorCommandLine.Description);
new EmulatorCommandLine().AddTo(root);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("emulator: " + error.Message);
    }

    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}

try
{
    // The host, not the parser, answers SIGINT and SIGTERM: it stops, and the run returns.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (EmulatorLaunchException e)
{
    Console.Error.WriteLine("emulator: " + e.Message);
    return 2;
}
