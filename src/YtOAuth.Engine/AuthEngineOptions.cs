using System;
using System.Net.Http;
using Google.Apis.Util;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>The seams and settings of an <see cref="AuthEngine"/>.</summary>
    public sealed class AuthEngineOptions
    {
        /// <summary>Where grants are kept.</summary>
        public ITokenStore Store { get; set; } = new MemoryTokenStore();

        /// <summary>The innermost HTTP handler (tests may pass their own); null for a default one with gzip.</summary>
        public HttpMessageHandler? HttpHandler { get; set; }

        /// <summary>Timeout of one HTTP request.</summary>
        public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>The clock every expiry decision uses.</summary>
        public IClock Clock { get; set; } = SystemClock.Default;

        /// <summary>Opens the consent URL.</summary>
        public IBrowserLauncher Browser { get; set; } = new SystemBrowserLauncher();

        /// <summary>Retry and back-off for every HTTP call.</summary>
        public RetryPolicy Retry { get; set; } = new RetryPolicy();

        /// <summary>Refresh an access token this long before it expires.</summary>
        public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromMinutes(5);
    }
}
