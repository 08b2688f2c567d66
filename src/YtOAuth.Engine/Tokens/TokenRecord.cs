using System;
using System.Linq;
using Newtonsoft.Json;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// Everything stored for one profile (one grant): the client, the tokens, the granted scopes, when consent was
    /// given, the endpoints, and the account it belongs to. This is the unit a token store reads and writes whole.
    /// </summary>
    public sealed class TokenRecord
    {
        /// <summary>
        /// Format version of the stored JSON: 2 keeps Google's stated end of the grant (<see cref="RefreshTokenExpiresUtc"/>),
        /// so a version-1 record without one may still be time-limited. Older versions read as they are.
        /// </summary>
        [JsonProperty("version")] public int Version { get; set; } = 2;

        /// <summary>Profile name: the key of the record.</summary>
        [JsonProperty("profile")] public string Profile { get; set; } = string.Empty;

        /// <summary>OAuth client id.</summary>
        [JsonProperty("client_id")] public string ClientId { get; set; } = string.Empty;

        /// <summary>OAuth client secret.</summary>
        [JsonProperty("client_secret")] public string ClientSecret { get; set; } = string.Empty;

        /// <summary>The long-lived refresh token.</summary>
        [JsonProperty("refresh_token")] public string RefreshToken { get; set; } = string.Empty;

        /// <summary>The current access token, if any.</summary>
        [JsonProperty("access_token")] public string? AccessToken { get; set; }

        /// <summary>When the access token expires (UTC).</summary>
        [JsonProperty("access_token_expires_utc")] public DateTime? AccessTokenExpiresUtc { get; set; }

        /// <summary>Scopes Google granted (may be fewer than requested).</summary>
        [JsonProperty("scopes")] public string[] Scopes { get; set; } = new string[0];

        /// <summary>When the user gave consent (UTC): drives the 7-day diagnosis.</summary>
        [JsonProperty("consent_utc")] public DateTime ConsentUtc { get; set; }

        /// <summary>
        /// When the grant ends, as Google stated it (refresh_token_expires_in: 7 days for apps whose consent screen is in
        /// Testing); null when Google stated no end, or for records stored before it was kept.
        /// </summary>
        [JsonProperty("refresh_token_expires_utc", NullValueHandling = NullValueHandling.Ignore)] public DateTime? RefreshTokenExpiresUtc { get; set; }

        /// <summary>When the access token was last refreshed (UTC).</summary>
        [JsonProperty("last_refresh_utc")] public DateTime? LastRefreshUtc { get; set; }

        /// <summary>
        /// Set while a refresh is in flight (written before the token endpoint is called, cleared with the new tokens):
        /// found set later, it means a refresh was cut off, and a server that rotates refresh tokens may have spent the
        /// stored one.
        /// </summary>
        [JsonProperty("refresh_started_utc")] public DateTime? RefreshStartedUtc { get; set; }

        /// <summary>Endpoint addresses the grant belongs to.</summary>
        [JsonProperty("endpoints")] public StoredEndpoints Endpoints { get; set; } = StoredEndpoints.From(GoogleEndpoints.Google);

        /// <summary>Channel title or other label of the account.</summary>
        [JsonProperty("account")] public string? AccountLabel { get; set; }

        /// <summary>Channel id of the connected account, when known.</summary>
        [JsonProperty("channel_id")] public string? ChannelId { get; set; }

        /// <summary>The Pacific-time day the quota counter belongs to (yyyy-MM-dd).</summary>
        [JsonProperty("quota_day")] public string? QuotaDay { get; set; }

        /// <summary>Data API units spent by this profile on <see cref="QuotaDay"/>.</summary>
        [JsonProperty("quota_units")] public long QuotaUnits { get; set; }

        /// <summary>Uploads under way for this profile, one per file; see <see cref="PendingUpload"/>.</summary>
        [JsonProperty("uploads", NullValueHandling = NullValueHandling.Ignore)] public System.Collections.Generic.List<PendingUpload>? Uploads { get; set; }

        /// <summary>The client this record was granted to.</summary>
        public OAuthClient ToClient() => OAuthClient.ForGrant(ClientId, ClientSecret, Endpoints.ToEndpoints(), "profile '" + Profile + "'");

        /// <summary>
        /// How early to refresh: <paramref name="skew"/>, or half the token's lifetime when that is shorter (a server
        /// issuing 2-second or 5-minute tokens would otherwise see a refresh on every call), and never less than
        /// <paramref name="minimumValidity"/>.
        /// </summary>
        public TimeSpan RefreshMargin(TimeSpan minimumValidity, TimeSpan skew)
        {
            var lifetime = AccessTokenExpiresUtc.HasValue ? AccessTokenExpiresUtc.Value - (LastRefreshUtc ?? ConsentUtc) : TimeSpan.Zero;
            var margin = lifetime > TimeSpan.Zero && lifetime.Ticks / 2 < skew.Ticks ? TimeSpan.FromTicks(lifetime.Ticks / 2) : skew;
            return minimumValidity > margin ? minimumValidity : margin;
        }

        /// <summary>Whether the access token stays valid for at least <paramref name="margin"/> after <paramref name="nowUtc"/>.</summary>
        public bool HasAccessTokenValidFor(DateTime nowUtc, TimeSpan margin) =>
            !string.IsNullOrEmpty(AccessToken) && AccessTokenExpiresUtc.HasValue && AccessTokenExpiresUtc.Value - margin > nowUtc;

        /// <summary>A deep copy.</summary>
        public TokenRecord Clone() => Deserialize(Serialize(), Profile);

        /// <summary>The stored JSON form.</summary>
        public string Serialize() => JsonConvert.SerializeObject(this, Formatting.Indented);

        /// <summary>
        /// Reads the stored JSON form of <paramref name="profile"/>'s record; <paramref name="source"/> names it in
        /// errors. The store's key is the profile: a different name inside the record is ignored, so refreshing one
        /// profile can never write another. Every field is checked here, so a damaged record is one clear error
        /// instead of a failure later.
        /// </summary>
        public static TokenRecord Deserialize(string json, string profile, string source = "token record")
        {
            TokenRecord? record;
            try
            {
                record = JsonConvert.DeserializeObject<TokenRecord>(json, new JsonSerializerSettings { DateTimeZoneHandling = DateTimeZoneHandling.Utc, DateParseHandling = DateParseHandling.DateTime });
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is FormatException || e is InvalidCastException || e is OverflowException)
            {
                throw Damaged(source, "it is not valid JSON of a YtOAuth record");
            }

            if (record == null || string.IsNullOrEmpty(record.ClientId) || string.IsNullOrEmpty(record.RefreshToken))
            {
                throw Damaged(source, "it has no client id or refresh token");
            }

            record.Profile = profile;
            record.Scopes = (record.Scopes ?? new string[0]).Where(s => !string.IsNullOrEmpty(s)).ToArray();
            record.ClientSecret = record.ClientSecret ?? string.Empty;
            // Records from before endpoints were kept belong to Google's.
            record.Endpoints = record.Endpoints ?? StoredEndpoints.From(GoogleEndpoints.Google);
            if (!record.Endpoints.IsValid())
            {
                throw Damaged(source, "one of its endpoint addresses is not an absolute http(s) URL");
            }

            Diagnostics.Redactor.Register(record.ClientSecret);
            Diagnostics.Redactor.Register(record.RefreshToken);
            Diagnostics.Redactor.Register(record.AccessToken);
            return record;
        }

        private static YtOAuthException Damaged(string source, string why) =>
            new YtOAuthException(ErrorCode.StoreError, "The stored " + source + " is damaged (" + why + "); it was left as it is. Remove it and connect again.", source);

        /// <summary>Names the profile, account and scopes; never a secret.</summary>
        public override string ToString() =>
            "Profile " + Profile + " (" + (AccountLabel ?? "unknown account") + "; scopes: " + string.Join(" ", Scopes.Select(OAuth.Scopes.ShortName)) + ")";
    }
}
