using System;
using System.Collections.Generic;

namespace YtOAuth.Engine
{
    /// <summary>Reads the query of a redirect that reached the loopback listener.</summary>
    internal static class QueryString
    {
        /// <summary>Parses a query string (with or without '?') into a dictionary; the first value of a repeated key wins.</summary>
        public static Dictionary<string, string> Parse(string query)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var key = Decode(eq < 0 ? pair : pair.Substring(0, eq));
                var value = eq < 0 ? string.Empty : Decode(pair.Substring(eq + 1));
                if (!result.ContainsKey(key))
                {
                    result[key] = value;
                }
            }

            return result;
        }

        /// <summary>The value of <paramref name="key"/>, or null when the query has none.</summary>
        public static string? Get(this IDictionary<string, string> map, string key) =>
            map.TryGetValue(key, out var value) ? value : null;

        private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
