
namespace YtOAuth.Engine
{
    /// <summary>What a user can do about a failure. Each front end says it in its own words (a cmdlet line, CLI flags).</summary>
    public enum RemedyKind
    {
        /// <summary>Connect the profile (again), with <see cref="Remedy.Scopes"/> when named, forcing a new consent when <see cref="Remedy.Force"/>.</summary>
        Connect,
        /// <summary>Start the sign-in again and finish it in the browser, or give it more time.</summary>
        AllowMoreTime,
        /// <summary>Ask only for scopes the device flow allows, or sign in with the browser flow (printing the URL where there is no browser).</summary>
        UseBrowserFlow,
        /// <summary>Revoke again once Google can be reached, or forget the grant here only.</summary>
        RevokeLaterOrForget,
    }
}
