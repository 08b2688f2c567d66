using System;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>Valid access tokens for a profile: all the YouTube clients need of the auth side.</summary>
    internal interface IAccessTokenSource
    {
        /// <summary>
        /// A token valid for at least the refresh skew or <paramref name="minimumValidity"/>, refreshed when due (or
        /// when <paramref name="forceRefresh"/>). Never prompts.
        /// </summary>
        Task<AccessTokenResult> GetAccessTokenAsync(string profile, TimeSpan minimumValidity = default, bool forceRefresh = false, CancellationToken cancellationToken = default);
    }
}
