using System;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Which of the two YouTube APIs a call goes to.</summary>
    public enum YouTubeApi
    {
        /// <summary>YouTube Data API v3.</summary>
        Data,
        /// <summary>YouTube Analytics API v2.</summary>
        Analytics,
    }
}
