using System;
using System.Collections.Generic;
using System.Linq;
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
}
