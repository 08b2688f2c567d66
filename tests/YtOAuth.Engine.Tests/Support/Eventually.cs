using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>Waits for something another thread or process brings about, with a deadline so that a regression fails instead of hanging.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutSeconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                Assert.Fail("Waited " + timeoutSeconds + " s for " + what + ".");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>A test that runs on Unix only (BROWSER and DISPLAY semantics); skipped, and counted as skipped, elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix only: Windows opens the shell's default browser.";
        }
    }
}

/// <summary>A test that runs on Linux only (xdg-open and display detection); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only: it checks xdg-open and display detection.";
        }
    }
}
