using System;

namespace YtOAuth.Engine
{
    /// <summary>Failures that more than one part of YtOAuth reports, worded in one place.</summary>
    public static class EngineErrors
    {
        /// <summary>No grant is stored for <paramref name="profile"/> in <paramref name="store"/>.</summary>
        public static YtOAuthException NotConnected(string profile, string store) =>
            new YtOAuthException(ErrorCode.NoStoredGrant, "No YouTube grant is stored for profile '" + profile + "' in " + store + ". Connect it first.", profile)
            {
                Remedy = new Remedy(RemedyKind.Connect, profile),
            };
    }
}
