using System;
using System.Linq;
using System.Management.Automation.Host;
using YtOAuth.Engine;

namespace YtOAuth.Hosting
{
    /// <summary>The facts PowerShell knows about whoever is at the other end; the engine decides from them.</summary>
    internal static class Interactivity
    {
        /// <summary>Null when a person can act, else why not (for the error message).</summary>
        public static string? WhyUnattended(PSHost? host) => Interaction.WhyUnattended(new InteractionFacts
        {
            NonInteractiveSwitch = Environment.GetCommandLineArgs().Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase))
                ? "PowerShell runs with -NonInteractive" : null,
            NoUserInterface = host?.UI == null || host.Name == "Default Host" || host.Name == "ServerRemoteHost"
                ? "the PowerShell host ('" + host?.Name + "') has no user interface" : null,
        });
    }
}
