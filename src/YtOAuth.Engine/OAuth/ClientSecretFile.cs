using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>
    /// Reads Google's client_secret.json (the "installed" shape of a Desktop app client, or the "web" shape).
    /// Errors name the file and the field and never echo the file's content, which holds the secret.
    /// </summary>
    public static class ClientSecretFile
    {
        private const int MaxBytes = 64 * 1024;
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
        private const string Help = "Download it again from Google Cloud Console (APIs & Services > Credentials > your OAuth client of type 'Desktop app' > Download JSON).";

        /// <summary>Loads and validates the file; <paramref name="choices"/> are the endpoints the user named (they win over the file's).</summary>
        public static OAuthClient Load(string path, EndpointChoices? choices = null)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "No client secret file was given. Pass the path of the client_secret.json you downloaded from Google Cloud Console.");
            }

            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                // A folder is the commonest slip (the download folder instead of the file in it): name the file if it is there.
                var inside = Directory.GetFiles(full, "client_secret*.json").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                throw new YtOAuthException(ErrorCode.ClientSecretNotFound,
                    "Client secret file not found: '" + full + "' is a directory. " +
                    (inside != null ? "Give the path of the file in it, such as '" + inside + "'." : "Give the path of the client_secret.json file itself. " + Help), full);
            }

            if (!File.Exists(full))
            {
                throw new YtOAuthException(ErrorCode.ClientSecretNotFound,
                    "Client secret file not found: '" + full + "' does not exist. Check the path, or " + char.ToLowerInvariant(Help[0]) + Help.Substring(1), full);
            }

            // Read at most MaxBytes + 1 and give up after a few seconds: the size a FIFO or device reports says nothing,
            // and one nobody writes to would hang the command for ever.
            var reading = Task.Run(() => ReadBounded(full));
            string? text;
            try
            {
                text = reading.Wait(ReadTimeout) ? reading.Result : throw new YtOAuthException(ErrorCode.ClientSecretInvalid,
                    "The client secret file '" + full + "' gave no content within " + (int)ReadTimeout.TotalSeconds + " s: it is a pipe or device, not the downloaded file. Check the path.", full);
            }
            catch (AggregateException e) when (e.InnerException is IOException || e.InnerException is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.ClientSecretInvalid,
                    "The client secret file '" + full + "' could not be read (" + e.InnerException.GetType().Name + "). Check its permissions.", full, e.InnerException);
            }

            if (text == null)
            {
                throw new YtOAuthException(ErrorCode.ClientSecretInvalid,
                    "The file '" + full + "' is larger than " + MaxBytes / 1024 + " KiB, far larger than a client_secret.json. Check that the path names the right file.", full);
            }

            return Parse(text, full, choices);
        }

        /// <summary>Validates client_secret.json content; <paramref name="source"/> names it in errors.</summary>
        public static OAuthClient Parse(string json, string source, EndpointChoices? choices = null)
        {
            JObject root;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None })
                {
                    var token = JToken.ReadFrom(reader);
                    // Trailing content after the object is as broken as a missing brace.
                    if (reader.Read() && reader.TokenType != JsonToken.Comment)
                    {
                        throw Invalid(source, "has content after the closing brace of the JSON object");
                    }

                    root = token as JObject ?? throw Invalid(source, "is not a JSON object");
                }
            }
            catch (JsonReaderException e)
            {
                // The reader's own message can quote characters of the secret: keep only the position.
                throw Invalid(source, "is not valid JSON (error at line " + e.LineNumber + ", position " + e.LinePosition + ")");
            }

            if (root.Property("type")?.Value.Type == JTokenType.String && (string?)root["type"] == "service_account")
            {
                throw Invalid(source, "is a service-account key, not an OAuth client. YouTube channels are reached with an OAuth client of type 'Desktop app'");
            }

            var section = root["installed"] as JObject ?? root["web"] as JObject;
            var sectionName = root["installed"] is JObject ? "installed" : "web";
            if (section == null)
            {
                throw Invalid(source, "has neither an 'installed' nor a 'web' section");
            }

            var clientId = RequiredString(section, sectionName, "client_id", source);
            var clientSecret = RequiredString(section, sectionName, "client_secret", source);
            var registration = new ClientRegistration
            {
                Authorization = OptionalUri(section, sectionName, "auth_uri", source),
                Token = OptionalUri(section, sectionName, "token_uri", source),
                Revocation = OptionalUri(section, sectionName, "revoke_uri", source),
                RedirectPath = LoopbackPath(section["redirect_uris"]),
            };
            var client = new OAuthClient(clientId, clientSecret, choices, registration, source);
            if (sectionName == "web")
            {
                Diagnostics.EngineLog.Warning("'" + source + "' describes a 'Web application' client. Google accepts a loopback redirect on any port only for 'Desktop app' clients; if consent fails with redirect_uri_mismatch, create a Desktop app client.");
            }

            return client;
        }

        private static string RequiredString(JObject section, string sectionName, string field, string source)
        {
            var value = section[field];
            if (value == null || value.Type == JTokenType.Null)
            {
                throw Invalid(source, "has no '" + sectionName + "." + field + "' field");
            }

            if (value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)value))
            {
                throw Invalid(source, "has an empty or non-text '" + sectionName + "." + field + "' field");
            }

            return ((string)value!).Trim();
        }

        private static Uri? OptionalUri(JObject section, string sectionName, string field, string source)
        {
            var value = section[field];
            if (value == null || value.Type == JTokenType.Null)
            {
                return null;
            }

            if (value.Type != JTokenType.String
                || !Uri.TryCreate((string?)value, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw Invalid(source, "has an invalid '" + sectionName + "." + field + "' field (expected an https URL)");
            }

            return uri;
        }

        /// <summary>The file's text, or null when it holds more than <see cref="MaxBytes"/>.</summary>
        private static string? ReadBounded(string path)
        {
            var buffer = new byte[MaxBytes + 1];
            var filled = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None))
            {
                int read;
                while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
                {
                    filled += read;
                }
            }

            return filled > MaxBytes ? null : new System.Text.UTF8Encoding(false).GetString(buffer, 0, filled).TrimStart('\uFEFF');
        }

        /// <summary>
        /// The path of the first loopback redirect URI registered (RFC 8252 7.3: the server matches any port, but the
        /// path it was given); "/" when none is registered, as for Google's Desktop clients ("http://localhost").
        /// </summary>
        private static string LoopbackPath(JToken? redirectUris)
        {
            foreach (var entry in (redirectUris as JArray)?.Where(t => t.Type == JTokenType.String).Select(t => (string)t!) ?? Enumerable.Empty<string>())
            {
                if (Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || uri.Host == "localhost"))
                {
                    return uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
                }
            }

            return "/";
        }

        private static YtOAuthException Invalid(string source, string problem) =>
            new YtOAuthException(ErrorCode.ClientSecretInvalid, "The client secret file '" + source + "' " + problem + ". " + Help, source);
    }
}
