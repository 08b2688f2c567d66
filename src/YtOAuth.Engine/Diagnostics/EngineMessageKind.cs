using System;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>The kinds of message the engine reports; the PowerShell layer maps them to its streams.</summary>
    public enum EngineMessageKind
    {
        /// <summary>A trace line for -Verbose.</summary>
        Verbose,
        /// <summary>Extra detail for -Debug.</summary>
        Debug,
        /// <summary>Something the user should notice but that does not stop the command.</summary>
        Warning,
        /// <summary>Something the user must see to go on (for example the consent URL to open).</summary>
        Information,
        /// <summary>Progress of a long listing.</summary>
        Progress,
    }
}
