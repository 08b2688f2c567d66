using System.Collections.Generic;
using System.Management.Automation;
using YtOAuth.Engine;

namespace YtOAuth.Hosting
{
    /// <summary>
    /// The one table from engine failures to PowerShell error ids and categories. Ids are stable: scripts and
    /// tests match FullyQualifiedErrorId ("&lt;Id&gt;,YtOAuth.Commands.&lt;Command&gt;").
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>Id and category per engine code.</summary>
        public static readonly IReadOnlyDictionary<ErrorCode, (string Id, ErrorCategory Category)> Map = new Dictionary<ErrorCode, (string, ErrorCategory)>
        {
            [ErrorCode.InvalidArgument] = ("InvalidArgument", ErrorCategory.InvalidArgument),
            [ErrorCode.ClientSecretNotFound] = ("ClientSecretNotFound", ErrorCategory.ObjectNotFound),
            [ErrorCode.ClientSecretInvalid] = ("ClientSecretInvalid", ErrorCategory.InvalidData),
            [ErrorCode.ConsentDenied] = ("ConsentDenied", ErrorCategory.PermissionDenied),
            [ErrorCode.ConsentTimeout] = ("ConsentTimeout", ErrorCategory.OperationTimeout),
            [ErrorCode.StateMismatch] = ("StateMismatch", ErrorCategory.SecurityError),
            [ErrorCode.NoStoredGrant] = ("NotConnected", ErrorCategory.AuthenticationError),
            [ErrorCode.GrantInvalid] = ("GrantRevoked", ErrorCategory.AuthenticationError),
            [ErrorCode.ClientRejected] = ("ClientRejected", ErrorCategory.AuthenticationError),
            [ErrorCode.TokenRequestFailed] = ("TokenRequestFailed", ErrorCategory.ProtocolError),
            [ErrorCode.NetworkError] = ("NetworkUnreachable", ErrorCategory.ConnectionError),
            [ErrorCode.ServerError] = ("GoogleServerError", ErrorCategory.ConnectionError),
            [ErrorCode.RevokeFailed] = ("RevokeFailed", ErrorCategory.ConnectionError),
            [ErrorCode.InsufficientScope] = ("ScopeMissing", ErrorCategory.PermissionDenied),
            [ErrorCode.QuotaExceeded] = ("QuotaExceeded", ErrorCategory.QuotaExceeded),
            [ErrorCode.RateLimited] = ("RateLimited", ErrorCategory.LimitsExceeded),
            [ErrorCode.NotFound] = ("ResourceNotFound", ErrorCategory.ObjectNotFound),
            [ErrorCode.Forbidden] = ("AccessForbidden", ErrorCategory.PermissionDenied),
            [ErrorCode.BadRequest] = ("BadRequest", ErrorCategory.InvalidArgument),
            [ErrorCode.AuthenticationFailed] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
            [ErrorCode.StoreError] = ("TokenStoreFailed", ErrorCategory.WriteError),
            [ErrorCode.StoreUnavailable] = ("VaultNotAvailable", ErrorCategory.ResourceUnavailable),
            [ErrorCode.InteractionRequired] = ("InteractionRequired", ErrorCategory.InvalidOperation),
        };

        /// <summary>The ErrorRecord for an engine failure.</summary>
        public static ErrorRecord ToRecord(YtOAuthException e)
        {
            var (id, category) = Map.TryGetValue(e.Code, out var entry) ? entry : ("YtOAuthError", ErrorCategory.NotSpecified);
            return new ErrorRecord(e, id, category, e.Target);
        }
    }
}
