using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;

namespace YtOAuth.Engine.Diagnostics
{
    /// <summary>
    /// Second line of defence against leaks: messages are written without secrets in the first place, and every
    /// outgoing text still passes through here. Known secret values are masked, and so are the values of query
    /// parameters that carry credentials (an upload session's upload_id is one: it lets its holder send the bytes).
    /// </summary>
    public static class Redactor
    {
        private const string Mask = "***";
        private static readonly ConcurrentDictionary<string, byte> Secrets = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        private static readonly Regex SecretQueryValue = new Regex(
            @"(?<=[?&;](?:code|token|access_token|refresh_token|client_secret|code_verifier|key|device_code|upload_id)=)[^&#\s""']+",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>Remembers a secret value so that it is masked wherever it would appear. Short values are ignored.</summary>
        public static void Register(string? secret)
        {
            if (!string.IsNullOrEmpty(secret) && secret!.Length >= 8)
            {
                Secrets.TryAdd(secret, 0);
            }
        }

        /// <summary>Masks registered secrets and credential query values in <paramref name="text"/>.</summary>
        public static string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var result = SecretQueryValue.Replace(text, Mask);
            foreach (var secret in Secrets.Keys.OrderByDescending(s => s.Length))
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    result = result.Replace(secret, Mask);
                }
            }

            return result;
        }

        /// <summary>A URL fit for a log line: credential query values masked.</summary>
        public static string Url(Uri? uri) => uri == null ? string.Empty : Redact(uri.GetLeftPart(UriPartial.Path) + uri.Query);
    }
}
