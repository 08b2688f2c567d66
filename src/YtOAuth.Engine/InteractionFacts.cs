namespace YtOAuth.Engine
{
    /// <summary>What a front end knows about whoever is at the other end; <see cref="Interaction.WhyUnattended(InteractionFacts)"/> decides.</summary>
    public sealed class InteractionFacts
    {
        /// <summary>How the front end was told never to prompt ("PowerShell runs with -NonInteractive"), or null.</summary>
        public string? NonInteractiveSwitch { get; set; }

        /// <summary>Standard input comes from a file or a pipe; count it only where a prompt would read it.</summary>
        public bool InputRedirected { get; set; }

        /// <summary>Standard output goes to a file or a pipe; count it only where a prompt would be written there.</summary>
        public bool OutputRedirected { get; set; }

        /// <summary>Why the front end has no way to show a prompt at all (a host without a user interface), or null.</summary>
        public string? NoUserInterface { get; set; }
    }
}
