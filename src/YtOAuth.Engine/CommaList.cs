using System.Collections.Generic;
using System.Linq;

namespace YtOAuth.Engine
{
    /// <summary>How every front end reads a list that may be given as repeated values, comma-separated ones, or both.</summary>
    public static class CommaList
    {
        /// <summary>The values of "a,b" "c" as a, b, c: trimmed, empty ones dropped, order kept.</summary>
        public static List<string> Split(IEnumerable<string>? values) =>
            (values ?? Enumerable.Empty<string>())
                .Where(v => v != null)
                .SelectMany(v => v.Split(','))
                .Select(v => v.Trim())
                .Where(v => v.Length > 0)
                .ToList();
    }
}
