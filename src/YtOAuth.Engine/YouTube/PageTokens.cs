using System;
using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Follows nextPageToken safely: a token handed out again (a loop), or pages without end, stop the listing with a
    /// clear error, because a broken or hostile server would otherwise spend the whole daily quota.
    /// </summary>
    internal sealed class PageTokens
    {
        /// <summary>No channel has a million playlists or items in one playlist (YouTube caps playlists at 5,000 items).</summary>
        private const int MaxPages = 20_000;

        private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly string target;
        private int pages;

        public PageTokens(string target) => this.target = target;

        /// <summary>Takes the next page token; throws when it would loop or go on without end.</summary>
        public void Next(string token, int itemsSoFar)
        {
            if (seen.Add(token) && ++pages < MaxPages)
            {
                return;
            }

            throw new YtOAuthException(ErrorCode.ServerError,
                "YouTube's answers for '" + target + "' " + (pages >= MaxPages ? "went on past " + MaxPages + " pages" : "repeated a page token after " + seen.Count + " page(s), a loop") +
                ", so the listing was stopped to save quota. " + itemsSoFar + " item(s) had been listed; try again later.", target);
        }
    }
}
