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
        /// <summary>A piped object the command has no meaning for (InvalidType); raised by the cmdlet layer, not the engine.</summary>
        public const string InputNotSupported = "InputNotSupported";

        /// <summary>Id and category per engine code.</summary>
        public static readonly IReadOnlyDictionary<ErrorCode, (string Id, ErrorCategory Category)> Map = new Dictionary<ErrorCode, (string, ErrorCategory)>
        {
            [ErrorCode.InvalidArgument] = ("InvalidArgument", ErrorCategory.InvalidArgument),
            [ErrorCode.ClientSecretNotFound] = ("ClientSecretNotFound", ErrorCategory.ObjectNotFound),
            [ErrorCode.ClientSecretInvalid] = ("ClientSecretInvalid", ErrorCategory.InvalidData),
            [ErrorCode.ConsentDenied] = ("ConsentDenied", ErrorCategory.PermissionDenied),
            [ErrorCode.ConsentTimeout] = ("ConsentTimeout", ErrorCategory.OperationTimeout),
            [ErrorCode.StateMismatch] = ("StateMismatch", ErrorCategory.SecurityError),
            [ErrorCode.IssuerMismatch] = ("IssuerMismatch", ErrorCategory.SecurityError),
            [ErrorCode.NoStoredGrant] = ("NotConnected", ErrorCategory.AuthenticationError),
            [ErrorCode.GrantInvalid] = ("GrantRevoked", ErrorCategory.AuthenticationError),
            [ErrorCode.ReauthenticationRequired] = ("ReauthenticationRequired", ErrorCategory.AuthenticationError),
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
            [ErrorCode.ApiNotEnabled] = ("ApiNotEnabled", ErrorCategory.ResourceUnavailable),
            [ErrorCode.BadRequest] = ("BadRequest", ErrorCategory.InvalidArgument),
            [ErrorCode.AuthenticationFailed] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
            [ErrorCode.StoreError] = ("TokenStoreFailed", ErrorCategory.WriteError),
            [ErrorCode.StoreUnavailable] = ("VaultNotAvailable", ErrorCategory.ResourceUnavailable),
            [ErrorCode.InteractionRequired] = ("InteractionRequired", ErrorCategory.InvalidOperation),
        };

        /// <summary>
        /// The ErrorRecord for an engine failure. Its remedy, said as PowerShell commands, is the record's
        /// RecommendedAction and ends the message PowerShell shows.
        /// </summary>
        public static ErrorRecord ToRecord(YtOAuthException e)
        {
            var (id, category) = Map.TryGetValue(e.Code, out var entry) ? entry : ("YtOAuthError", ErrorCategory.NotSpecified);
            var record = new ErrorRecord(e, id, category, e.Target);
            var remedy = Render(e.Remedy);
            if (remedy != null)
            {
                record.ErrorDetails = new ErrorDetails(e.Message + " " + remedy) { RecommendedAction = remedy };
            }

            return record;
        }

        /// <summary>What to do, in this module's commands and parameters.</summary>
        public static string? Render(Remedy? remedy)
        {
            if (remedy == null)
            {
                return null;
            }

            switch (remedy.Kind)
            {
                case RemedyKind.Connect:
                    return "Run: " + ConnectCommand(remedy.Profile, remedy.Scopes, remedy.Force);
                case RemedyKind.AllowMoreTime:
                    return "Run Connect-YouTube again and finish consent in the browser, or allow more time with -TimeoutSec.";
                case RemedyKind.UseBrowserFlow:
                    return "Ask for -Scope " + string.Join(",", remedy.Scopes ?? new string[0]) +
                           ", or sign in with the browser flow: Connect-YouTube without -UseDeviceCode (add -NoBrowser, and forward the port with ssh -L, if this machine has no browser).";
                case RemedyKind.RevokeLaterOrForget:
                    return "Run Revoke-YouTubeToken -Profile " + remedy.Profile + " again when Google can be reached, or Disconnect-YouTube -Profile " + remedy.Profile +
                           " to forget the grant here only.";
                default:
                    return null;
            }
        }

        /// <summary>
        /// The Connect-YouTube line for a profile, runnable as it stands: -ClientSecretPath is mandatory, so it is there,
        /// with the file name Google's console downloads under (the user's may live elsewhere).
        /// </summary>
        public static string ConnectCommand(string profile, IReadOnlyList<string>? scopes = null, bool force = false) =>
            "Connect-YouTube -Profile " + profile + (scopes == null ? string.Empty : " -Scope " + string.Join(",", scopes)) + (force ? " -Force" : string.Empty) +
            " -ClientSecretPath ./client_secret.json";
    }
}
