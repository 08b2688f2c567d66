using System.Collections.Generic;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Which videos to list: by id, batched 50 a call.</summary>
    public sealed class VideoQuery
    {
        /// <summary>Video ids; blank ones are skipped and repeated ones fetched once.</summary>
        public IReadOnlyList<string> Ids { get; set; } = new string[0];
    }
}
