using System;
using System.IO;
using System.Threading;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tests.Support;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

[CollectionDefinition("Environment variables", DisableParallelization = true)]
public class EnvironmentVariables { }

[Collection("Environment variables")]
public class BrowserLauncherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ytoauth-browser-").FullName;
    private readonly string? browser = Environment.GetEnvironmentVariable("BROWSER");
    private readonly string? display = Environment.GetEnvironmentVariable("DISPLAY");

    [UnixFact] // Windows always uses the shell's default browser.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_BROWSER_variable_is_honoured_and_gets_the_url()
    {
        var seen = Path.Combine(folder, "seen.txt");
        var script = Path.Combine(folder, "browser.sh");
        File.WriteAllText(script, "#!/bin/sh\necho \"$1\" > '" + seen + "'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable("BROWSER", "/nonexistent/browser:" + script);

        Assert.True(new SystemBrowserLauncher().TryOpen(new Uri("http://127.0.0.1:1/o/oauth2/v2/auth?state=a&scope=b")));
        for (var i = 0; i < 100 && !File.Exists(seen); i++)
        {
            Thread.Sleep(20);
        }

        Assert.Equal("http://127.0.0.1:1/o/oauth2/v2/auth?state=a&scope=b", File.ReadAllText(seen).Trim());
    }

    [LinuxFact]
    public void No_launchable_browser_reports_false_so_the_url_is_printed()
    {
        Environment.SetEnvironmentVariable("BROWSER", "/nonexistent/browser");
        Assert.False(new SystemBrowserLauncher().TryOpen(new Uri("http://127.0.0.1:1/")));

        Environment.SetEnvironmentVariable("BROWSER", null);
        Environment.SetEnvironmentVariable("DISPLAY", null);
        Environment.SetEnvironmentVariable("WAYLAND_DISPLAY", null);
        Assert.False(new SystemBrowserLauncher().TryOpen(new Uri("http://127.0.0.1:1/")));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("BROWSER", browser);
        Environment.SetEnvironmentVariable("DISPLAY", display);
        Directory.Delete(folder, true);
    }
}
