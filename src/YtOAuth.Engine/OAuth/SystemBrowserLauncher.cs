using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// The user's default browser: the BROWSER variable on Linux and macOS (a ':'-separated list of commands, '%s'
    /// standing for the URL), else xdg-open, open, or the Windows shell. On a Linux box with no display it declines
    /// at once rather than letting xdg-open start a text browser inside the shell.
    /// </summary>
    public sealed class SystemBrowserLauncher : IBrowserLauncher
    {
        /// <inheritdoc />
        public bool TryOpen(Uri url)
        {
            var target = url.AbsoluteUri;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return TryStart(new ProcessStartInfo(target) { UseShellExecute = true });
            }

            var browser = Environment.GetEnvironmentVariable("BROWSER");
            if (!string.IsNullOrWhiteSpace(browser))
            {
                foreach (var command in browser!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TryStart(Command(command.Trim(), target)))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return TryStart(new ProcessStartInfo("open", Quote(target)));
            }

            var hasDisplay = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) ||
                             !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
            return hasDisplay && TryStart(new ProcessStartInfo("xdg-open", Quote(target)));
        }

        private static ProcessStartInfo Command(string command, string url)
        {
            var parts = command.Split(new[] { ' ' }, 2);
            var arguments = parts.Length > 1 ? parts[1] : string.Empty;
            arguments = arguments.Contains("%s") ? arguments.Replace("%s", Quote(url)) : (arguments + " " + Quote(url)).Trim();
            return new ProcessStartInfo(parts[0], arguments);
        }

        private static bool TryStart(ProcessStartInfo info)
        {
            info.UseShellExecute = info.UseShellExecute && RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            info.RedirectStandardOutput = !info.UseShellExecute;
            info.RedirectStandardError = !info.UseShellExecute;
            try
            {
                using (var process = Process.Start(info))
                {
                    if (process == null)
                    {
                        return info.UseShellExecute;
                    }

                    // A launcher that fails says so quickly (xdg-open with no browser exits 3); one still running has a browser up.
                    return !process.WaitForExit(2000) || process.ExitCode == 0;
                }
            }
            catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is PlatformNotSupportedException)
            {
                return false;
            }
        }

        private static string Quote(string url) => "\"" + url.Replace("\"", "%22") + "\"";
    }
}
