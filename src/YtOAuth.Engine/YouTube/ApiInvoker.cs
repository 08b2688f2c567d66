using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Any YouTube Data v3 or Analytics v2 call with a profile's grant, with the same refresh, retries (GETs only),
    /// quota counting, scope checks and errors as the typed clients, and paging that follows nextPageToken safely.
    /// </summary>
    public sealed class ApiInvoker
    {
        private readonly GoogleHttp http;
        private readonly IAccessTokenSource tokens;
        private readonly QuotaLedger ledger;
        private readonly string profile;

        internal ApiInvoker(GoogleHttp http, IAccessTokenSource tokens, QuotaLedger ledger, string profile)
        {
            this.http = http;
            this.tokens = tokens;
            this.ledger = ledger;
            this.profile = ProfileName.Validate(profile);
        }

        /// <summary>
        /// Makes the call, handing <paramref name="onJson"/> as JSON text each item of a list answer (every page's with All or
        /// First), or an answer that is no list whole; with Raw each answer whole.
        /// </summary>
        public async Task InvokeAsync(ApiRequest request, Action<string> onJson, CancellationToken cancellationToken)
        {
            var method = new HttpMethod((request.Method ?? "GET").ToUpperInvariant());
            var read = method == HttpMethod.Get;
            var api = request.Api == YouTubeApi.Analytics ? ApiClient.ForProfile(http, tokens, profile, Scopes.AnalyticsQuery)
                : ApiClient.ForProfile(http, tokens, profile, (read ? Scopes.DataApiRead : Scopes.DataApiWrite).ToArray());
            var endpoints = await api.EndpointsAsync(cancellationToken).ConfigureAwait(false);
            var uri = Address(request, endpoints);
            // Data API units from Google's table (each page and each retry again); Analytics calls spend none of them.
            var cost = uri.AbsoluteUri.StartsWith(endpoints.YouTubeData.AbsoluteUri, StringComparison.OrdinalIgnoreCase)
                ? QuotaCosts.ForRequest(method, uri.AbsoluteUri.Substring(endpoints.YouTubeData.AbsoluteUri.Length))
                : 0;
            var paging = request.All || request.First.HasValue;
            var pages = new PageTokens(uri.GetLeftPart(UriPartial.Path));
            var handedOut = 0;
            try
            {
                string? pageToken = null;
                do
                {
                    var page = pageToken == null ? uri : new Uri(uri.AbsoluteUri + (uri.Query.Length > 0 ? "&" : "?") + "pageToken=" + System.Uri.EscapeDataString(pageToken));
                    var json = await api.SendAsync(method, page, request.JsonBody, uri.AbsolutePath, cost, cancellationToken).ConfigureAwait(false);
                    // One shape whether or not it pages: a list answer's items, any other answer (a resource an
                    // insert made, an Analytics report) whole, an empty answer (a delete's 204) nothing; Raw: each answer whole.
                    if (request.Raw || !(json["items"] is JArray items))
                    {
                        if (request.Raw || json.Count > 0)
                        {
                            onJson(json.ToString(Formatting.None));
                        }
                    }
                    else
                    {
                        foreach (var item in items)
                        {
                            onJson(item.ToString(Formatting.None));
                            if (++handedOut >= request.First)
                            {
                                return;
                            }
                        }
                    }

                    pageToken = paging && json["nextPageToken"]?.Type == JTokenType.String ? (string?)json["nextPageToken"] : null;
                    if (pageToken != null)
                    {
                        pages.Next(pageToken, handedOut);
                    }
                }
                while (pageToken != null);
            }
            finally
            {
                await ledger.RecordAsync(profile, api.UnitsSpent).ConfigureAwait(false);
            }
        }

        /// <summary>The request's address: a path under the API's base, or a full address that must be under one of the profile's bases.</summary>
        private static Uri Address(ApiRequest request, GoogleEndpoints endpoints)
        {
            Uri uri;
            if (request.Uri != null)
            {
                uri = request.Uri;
                if (!new[] { endpoints.YouTubeData, endpoints.Analytics }.Any(b => uri.AbsoluteUri.StartsWith(b.AbsoluteUri, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument,
                        "'" + uri.GetLeftPart(UriPartial.Path) + "' is not under this profile's YouTube API bases (" + endpoints.YouTubeData + ", " + endpoints.Analytics +
                        "), and its access token goes nowhere else. Give a path under them instead.", uri.GetLeftPart(UriPartial.Path));
                }
            }
            else if (!string.IsNullOrWhiteSpace(request.Path))
            {
                uri = new Uri(request.Api == YouTubeApi.Analytics ? endpoints.Analytics : endpoints.YouTubeData, request.Path!.TrimStart('/'));
            }
            else
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Give a path under the API (videos, channels, reports...) or a full address.");
            }

            var query = string.Join("&", (request.Query ?? new Dictionary<string, string>()).Select(p => System.Uri.EscapeDataString(p.Key) + "=" + System.Uri.EscapeDataString(p.Value)));
            return query.Length == 0 ? uri : new Uri(uri.AbsoluteUri + (uri.Query.Length > 0 ? "&" : "?") + query);
        }
    }
}
