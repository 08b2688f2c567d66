using System;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// A token or device endpoint's JSON answer, read field by field with each field's type checked: a missing or
    /// wrongly typed field is the server's error, said plainly, and nothing stored changes.
    /// </summary>
    internal static class TokenAnswer
    {
        /// <summary>The longest access-token lifetime taken at its word; longer ones are a broken or hostile answer.</summary>
        private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

        /// <summary>The longest stated grant lifetime taken at its word (Google states 7 days, or the length of a time-based grant).</summary>
        private static readonly TimeSpan MaxGrantLifetime = TimeSpan.FromDays(3650);

        /// <summary>A token response (RFC 6749 5.1) read field by field: a missing or wrongly typed field is the server's error, said plainly.</summary>
        public static TokenGrant Grant(JObject body, DateTime received, Uri uri)
        {
            var accessToken = Text(body, "access_token", uri);
            if (string.IsNullOrEmpty(accessToken))
            {
                throw Malformed(uri, "has no access_token");
            }

            Diagnostics.Redactor.Register(accessToken);
            var tokenType = Text(body, "token_type", uri);
            if (tokenType != null && !tokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed(uri, "issued a token of type '" + tokenType + "', and the YouTube APIs take only Bearer tokens");
            }

            var refreshToken = Text(body, "refresh_token", uri);
            Diagnostics.Redactor.Register(refreshToken);
            var lifetime = Seconds(body, "expires_in", uri) ?? 3600;
            if (lifetime <= 0 || lifetime > MaxLifetime.TotalSeconds)
            {
                throw Malformed(uri, "gave the access token a lifetime of " + lifetime + " seconds, which no token has");
            }

            // Google states the end of a time-limited grant (604,799 s for apps whose consent screen is in Testing).
            var grantLifetime = Seconds(body, "refresh_token_expires_in", uri);
            if (grantLifetime <= 0 || grantLifetime > MaxGrantLifetime.TotalSeconds)
            {
                throw Malformed(uri, "gave the refresh token a lifetime of " + grantLifetime + " seconds, which no grant has");
            }

            return new TokenGrant(accessToken!, received.AddSeconds(lifetime), string.IsNullOrEmpty(refreshToken) ? null : refreshToken,
                Scopes.Parse(Text(body, "scope", uri)), grantLifetime.HasValue ? received.AddSeconds(grantLifetime.Value) : (DateTime?)null);
        }

        /// <summary>A string field, or null when absent; with <paramref name="uri"/>, any other JSON type is the server's error.</summary>
        public static string? Text(JObject body, string field, Uri? uri = null)
        {
            var value = body[field];
            if (value == null || value.Type == JTokenType.Null)
            {
                return null;
            }

            if (value.Type == JTokenType.String)
            {
                return (string?)value;
            }

            return uri == null ? null : throw Malformed(uri, "sent " + field + " as " + value.Type.ToString().ToLowerInvariant() + " instead of text");
        }

        /// <summary>A whole number of seconds (a number, or digits in a string as some servers send), or null when absent.</summary>
        public static long? Seconds(JObject body, string field, Uri uri)
        {
            var value = body[field];
            switch (value?.Type)
            {
                case null:
                case JTokenType.Null:
                    return null;
                case JTokenType.Integer:
                    return (long)value;
                case JTokenType.Float when Math.Abs((double)value) < long.MaxValue:
                    return (long)Math.Round((double)value);
                case JTokenType.String when long.TryParse((string?)value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw Malformed(uri, "sent " + field + " as " + value!.Type.ToString().ToLowerInvariant() + " instead of a number of seconds");
            }
        }

        private static YtOAuthException Malformed(Uri uri, string problem) =>
            new YtOAuthException(ErrorCode.ServerError,
                "The token endpoint " + uri.Host + " " + problem + ", so its answer was not used and nothing stored changed. This is the server's fault; try again later, and check the endpoint if it persists.",
                uri.GetLeftPart(UriPartial.Path));
    }
}
