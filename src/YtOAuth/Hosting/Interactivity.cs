using System;
using System.Linq;
using System.Management.Automation.Host;
using YtOAuth.Engine;

namespace YtOAuth.Hosting
{
    /// <summary>Decides before any prompt whether a person can answer one; unattended runs fail fast.</summary>
    internal static class Interactivity
    {
        /// <summary>Null when a person can act, else why not (for the error message).</summary>
        public static string? WhyUnattended(PSHost? host)
        {
            var ci = Interaction.CiMarker();
            if (ci != null)
            {
                return "the " + ci + " environment variable marks a CI run";
            }

            if (!Environment.UserInteractive)
            {
                return "the process is not interactive";
            }

            if (Environment.GetCommandLineArgs().Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase)))
            {
                return "PowerShell runs with -NonInteractive";
            }

            if (host?.UI == null || host.Name == "Default Host" || host.Name == "ServerRemoteHost")
            {
                return "the PowerShell host ('" + host?.Name + "') has no user interface";
            }

            return null;
        }
    }
}
