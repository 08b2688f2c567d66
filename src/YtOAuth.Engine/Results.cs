using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>What is known about a stored profile, without any secret.</summary>
    public sealed class ProfileInfo
    {
        internal ProfileInfo(TokenRecord record, string store, string quotaDayToday)
        {
            Profile = record.Profile;
            ClientId = record.ClientId;
            AccountLabel = record.AccountLabel;
            ChannelId = record.ChannelId;
            Scopes = record.Scopes.ToArray();
            ConsentUtc = record.ConsentUtc;
            AccessTokenExpiresUtc = record.AccessTokenExpiresUtc;
            RefreshTokenExpiresUtc = record.RefreshTokenExpiresUtc;
            Store = store;
            QuotaUnitsToday = record.QuotaDay == quotaDayToday ? record.QuotaUnits : 0;
        }

        /// <summary>Profile name.</summary>
        public string Profile { get; }
        /// <summary>OAuth client id (public).</summary>
        public string ClientId { get; }
        /// <summary>Channel title, when known.</summary>
        public string? AccountLabel { get; }
        /// <summary>Channel id, when known.</summary>
        public string? ChannelId { get; }
        /// <summary>Granted scopes.</summary>
        public IReadOnlyList<string> Scopes { get; }
        /// <summary>When consent was given.</summary>
        public DateTime ConsentUtc { get; }
        /// <summary>When the current access token expires.</summary>
        public DateTime? AccessTokenExpiresUtc { get; }
        /// <summary>When the grant itself ends, as Google stated it (7 days after consent for apps in Testing); null when Google stated no end.</summary>
        public DateTime? RefreshTokenExpiresUtc { get; }
        /// <summary>Where the grant is stored.</summary>
        public string Store { get; }
        /// <summary>Data API units this profile spent today (Google's quota day, in Pacific time).</summary>
        public long QuotaUnitsToday { get; }

        /// <inheritdoc />
        public override string ToString() => Profile + " (" + (AccountLabel ?? ChannelId ?? "unknown account") + ")";
    }

    /// <summary>Outcome of a connect: connected, or declined by the user (a result, not an error, so the caller can branch).</summary>
    public sealed class ConnectResult
    {
        internal ConnectResult(ProfileInfo? profile, IReadOnlyList<string> missingScopes, string? declinedReason, bool reused)
        {
            Profile = profile;
            MissingScopes = missingScopes;
            DeclinedReason = declinedReason;
            ReusedExistingGrant = reused;
        }

        /// <summary>True when a grant is now stored.</summary>
        public bool Connected => Profile != null;
        /// <summary>The stored profile.</summary>
        public ProfileInfo? Profile { get; }
        /// <summary>Requested scopes the user did not grant (granular consent).</summary>
        public IReadOnlyList<string> MissingScopes { get; }
        /// <summary>Why consent was declined (for example access_denied).</summary>
        public string? DeclinedReason { get; }
        /// <summary>True when an earlier grant already covered the request and no consent was asked.</summary>
        public bool ReusedExistingGrant { get; }
    }

    /// <summary>A valid access token. ToString never shows the token.</summary>
    public sealed class AccessTokenResult
    {
        internal AccessTokenResult(TokenRecord record)
        {
            Token = record.AccessToken!;
            ExpiresUtc = record.AccessTokenExpiresUtc!.Value;
            Profile = record.Profile;
            Scopes = record.Scopes.ToArray();
            AccountLabel = record.AccountLabel;
            Endpoints = record.Endpoints.ToEndpoints();
        }

        internal OAuth.GoogleEndpoints Endpoints { get; }

        /// <summary>The bearer token.</summary>
        public string Token { get; }
        /// <summary>When it expires.</summary>
        public DateTime ExpiresUtc { get; }
        /// <summary>Profile it belongs to.</summary>
        public string Profile { get; }
        /// <summary>Its scopes.</summary>
        public IReadOnlyList<string> Scopes { get; }
        /// <summary>Account label.</summary>
        public string? AccountLabel { get; }

        /// <inheritdoc />
        public override string ToString() => "Access token for " + Profile + " (expires " + ExpiresUtc.ToString("u") + ")";
    }

    /// <summary>Settings of an interactive or device connect.</summary>
    public sealed class ConnectOptions
    {
        /// <summary>Profile to store the grant under.</summary>
        public string Profile { get; set; } = ProfileName.Default;
        /// <summary>Scope URLs to ask for (see <see cref="OAuth.Scopes.Resolve"/>).</summary>
        public IReadOnlyList<string> Scopes { get; set; } = OAuth.Scopes.Default;
        /// <summary>Account hint for the consent page.</summary>
        public string? LoginHint { get; set; }
        /// <summary>Ask consent again even if a stored grant covers the scopes.</summary>
        public bool Force { get; set; }
        /// <summary>How long to wait for the user.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>Open a browser (false: only show the URL).</summary>
        public bool OpenBrowser { get; set; } = true;
        /// <summary>Whether a person can act; false fails at once instead of waiting.</summary>
        public bool AllowInteraction { get; set; } = true;

        /// <summary>
        /// Without a browser on this machine: reads one address the user pastes (null at the end of input). The
        /// browser-flow consent then also completes from the address a browser elsewhere ended on.
        /// </summary>
        public Func<CancellationToken, Task<string?>>? ReadPastedAddress { get; set; }
    }
}
