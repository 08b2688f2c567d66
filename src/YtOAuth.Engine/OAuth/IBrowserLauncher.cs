using System;
using System.ComponentModel;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>Opens the consent URL. A seam: tests submit the consent page themselves or drive a real browser.</summary>
    public interface IBrowserLauncher
    {
        /// <summary>Tries to open <paramref name="url"/>; false when no browser could be started (the caller then prints the URL).</summary>
        bool TryOpen(Uri url);
    }
}
