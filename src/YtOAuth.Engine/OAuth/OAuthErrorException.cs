using System;
using System.Net;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>The OAuth error an endpoint answered with; <see cref="YtOAuthException"/> carries it as inner exception.</summary>
    internal sealed class OAuthErrorException : Exception
    {
        internal OAuthErrorException(HttpStatusCode status, string error, string? description, string? subtype = null)
            : base("HTTP " + (int)status + " " + error + (string.IsNullOrEmpty(subtype) ? string.Empty : " (" + subtype + ")") +
                   (string.IsNullOrEmpty(description) ? string.Empty : ": " + description))
        {
            Status = status;
            Error = error;
            Description = description;
            Subtype = subtype;
        }

        /// <summary>
        /// The one reader of an OAuth error body ({"error", "error_description", "error_subtype"}) for the token, device and
        /// revocation endpoints; null when the body names no error.
        /// </summary>
        internal static OAuthErrorException? Read(HttpStatusCode status, Newtonsoft.Json.Linq.JObject body)
        {
            var error = Json.Text(body, "error");
            return error == null ? null : new OAuthErrorException(status, error, Json.Text(body, "error_description"), Json.Text(body, "error_subtype"));
        }

        /// <summary>
        /// Whether Google asks the user to sign in again (a Workspace session-control policy: invalid_grant with
        /// error_subtype invalid_rapt or rapt_required), rather than the grant being revoked or expired.
        /// </summary>
        public bool IsReauthenticationRequired =>
            Error == "invalid_grant" && (Subtype == "invalid_rapt" || Subtype == "rapt_required");

        /// <summary>
        /// Whether the answer means "not now" whatever its status: Google's client libraries retry token-endpoint
        /// answers whose error (or description) is internal_failure, server_error or temporarily_unavailable.
        /// </summary>
        public bool IsTransient => IsTransientCode(Error) || IsTransientCode(Description);

        private static bool IsTransientCode(string? code) =>
            code == "internal_failure" || code == "server_error" || code == "temporarily_unavailable";

        /// <summary>HTTP status.</summary>
        public HttpStatusCode Status { get; }

        /// <summary>The OAuth error code (invalid_grant, ...).</summary>
        public string Error { get; }

        /// <summary>The server's description, if any.</summary>
        public string? Description { get; }

        /// <summary>Google's error_subtype, if any (invalid_rapt, rapt_required).</summary>
        public string? Subtype { get; }
    }
}
