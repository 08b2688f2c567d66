using System;

namespace YtOAuth.Engine
{
    /// <summary>Machine-readable failure codes; the PowerShell layer maps each to an error id and category in one table.</summary>
    public enum ErrorCode
    {
        /// <summary>An argument or combination of arguments cannot work.</summary>
        InvalidArgument,
        /// <summary>The client_secret.json file does not exist.</summary>
        ClientSecretNotFound,
        /// <summary>The client configuration is malformed or incomplete.</summary>
        ClientSecretInvalid,
        /// <summary>The user refused consent.</summary>
        ConsentDenied,
        /// <summary>Nobody completed consent in time.</summary>
        ConsentTimeout,
        /// <summary>The redirect did not carry the state we sent.</summary>
        StateMismatch,
        /// <summary>The redirect named another issuer than the one asked (RFC 9207).</summary>
        IssuerMismatch,
        /// <summary>No grant is stored for the profile.</summary>
        NoStoredGrant,
        /// <summary>The refresh token or code is expired or revoked (invalid_grant).</summary>
        GrantInvalid,
        /// <summary>
        /// Google asks the user to sign in again (invalid_grant with error_subtype invalid_rapt or rapt_required: a Workspace
        /// session-control policy); the grant was not revoked.
        /// </summary>
        ReauthenticationRequired,
        /// <summary>Google does not know the client, or the secret is wrong (invalid_client).</summary>
        ClientRejected,
        /// <summary>The token endpoint refused the request for another reason.</summary>
        TokenRequestFailed,
        /// <summary>Google could not be reached.</summary>
        NetworkError,
        /// <summary>Google answered with a server error or something that is not its API.</summary>
        ServerError,
        /// <summary>Revocation failed; the stored grant was kept.</summary>
        RevokeFailed,
        /// <summary>The token lacks a scope the call needs.</summary>
        InsufficientScope,
        /// <summary>The daily quota is spent.</summary>
        QuotaExceeded,
        /// <summary>Too many requests; retries did not help.</summary>
        RateLimited,
        /// <summary>The playlist, channel or resource does not exist.</summary>
        NotFound,
        /// <summary>The API refused access to the resource.</summary>
        Forbidden,
        /// <summary>The API (Data or Analytics) is not enabled in the Google Cloud project of the client or API key (accessNotConfigured, SERVICE_DISABLED).</summary>
        ApiNotEnabled,
        /// <summary>The API refused the request as malformed.</summary>
        BadRequest,
        /// <summary>The API refused the access token even after a refresh.</summary>
        AuthenticationFailed,
        /// <summary>The token store could not be read, written or locked.</summary>
        StoreError,
        /// <summary>The token store is not installed, configured or unlocked (for example no SecretManagement vault).</summary>
        StoreUnavailable,
        /// <summary>This session cannot prompt and consent would be needed.</summary>
        InteractionRequired,
    }
}
