using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>Rules for profile names (they become file and secret names).</summary>
    public static class ProfileName
    {
        /// <summary>The profile used when none is named.</summary>
        public const string Default = "default";

        /// <summary>What a profile name may look like (the cmdlets validate -Profile with it too).</summary>
        public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

        private static readonly Regex Valid = new Regex(Pattern, RegexOptions.CultureInvariant);

        /// <summary>Returns the name, or throws when it cannot be a profile name.</summary>
        public static string Validate(string? profile)
        {
            if (profile == null || !Valid.IsMatch(profile))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "'" + profile + "' is not a valid profile name. Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.", profile);
            }

            return profile;
        }

        /// <summary>The profiles a store holds, from the names of what it keeps ("&lt;prefix&gt;&lt;profile&gt;&lt;suffix&gt;"), in ordinal order.</summary>
        public static IReadOnlyList<string> FromStoredNames(IEnumerable<string?> names, string prefix, string suffix) =>
            names
                .Where(n => n != null && n.Length >= prefix.Length + suffix.Length && n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
                .Select(n => n!.Substring(prefix.Length, n.Length - prefix.Length - suffix.Length))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
    }
}
