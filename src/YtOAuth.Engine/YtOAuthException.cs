using System;

namespace YtOAuth.Engine
{
    /// <summary>
    /// A failure of an engine call. The message says what went wrong and what to do; it never holds a token,
    /// code, verifier or client secret (every message passes the redactor as well).
    /// </summary>
    public sealed class YtOAuthException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public YtOAuthException(ErrorCode code, string message, string? target = null, Exception? inner = null)
            : base(Diagnostics.Redactor.Redact(message), inner)
        {
            Code = code;
            Target = target;
        }

        /// <summary>What kind of failure this is.</summary>
        public ErrorCode Code { get; }

        /// <summary>The thing that failed: a file, profile, playlist id, endpoint.</summary>
        public string? Target { get; }

        /// <summary>For quota and rate errors: when trying again makes sense.</summary>
        public DateTimeOffset? RetryAfter { get; set; }

        /// <summary>For scope errors: the scopes that would have been needed.</summary>
        public string[]? MissingScopes { get; set; }

        /// <summary>What the user can do about it, for the front end to say in its own words; null when the message says all.</summary>
        public Remedy? Remedy { get; set; }

        /// <summary>For API errors: the reason Google gave (videoNotFound, quotaExceeded, ...), when it gave one.</summary>
        public string? GoogleReason { get; internal set; }

        /// <summary>
        /// Whether only the one thing asked for failed (not found, not visible), so a listing of several goes on to the
        /// next; a spent quota, a dead grant or a dead network ends the whole command.
        /// </summary>
        public bool ConcernsOnlyThisItem => Code == ErrorCode.NotFound || Code == ErrorCode.Forbidden;

        /// <inheritdoc />
        public override string ToString() => Diagnostics.Redactor.Redact(base.ToString());
    }
}
