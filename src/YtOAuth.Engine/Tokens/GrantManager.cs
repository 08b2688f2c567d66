using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Util;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// Owns the stored grants: every change goes through <see cref="UpdateAsync"/> (lock, read afresh, change,
    /// write), access tokens come from a cache and are refreshed single-flight in this process and under the
    /// store's lock across processes, and an invalid_grant is explained rather than acted on.
    /// </summary>
    internal sealed class GrantManager : IAccessTokenSource
    {
        private readonly ITokenStore store;
        private readonly TokenEndpoint tokens;
        private readonly IClock clock;
        private readonly TimeSpan refreshSkew;
        private readonly GrantCache cache = new GrantCache();
        private readonly ConcurrentDictionary<string, Lazy<Task<TokenRecord>>> refreshing = new ConcurrentDictionary<string, Lazy<Task<TokenRecord>>>(StringComparer.Ordinal);

        public GrantManager(ITokenStore store, TokenEndpoint tokens, IClock clock, TimeSpan refreshSkew)
        {
            this.store = store;
            this.tokens = tokens;
            this.clock = clock;
            this.refreshSkew = refreshSkew;
        }

        public ITokenStore Store => store;

        /// <summary>
        /// The one way a record changes: under the profile's lock, read it afresh (another process may have changed
        /// it), let <paramref name="change"/> return the record to write (null: write nothing), write, cache.
        /// Returns the record as it now stands, or null when there is none.
        /// </summary>
        public async Task<TokenRecord?> UpdateAsync(string profile, Func<TokenRecord?, Task<TokenRecord?>> change, CancellationToken cancellationToken)
        {
            using (await store.LockAsync(profile, cancellationToken).ConfigureAwait(false))
            {
                var current = await store.ReadAsync(profile, cancellationToken).ConfigureAwait(false);
                var changed = await change(current).ConfigureAwait(false);
                if (changed != null)
                {
                    await store.WriteAsync(changed, cancellationToken).ConfigureAwait(false);
                }

                var now = changed ?? current;
                if (now != null)
                {
                    cache.Set(now);
                }

                return now;
            }
        }

        /// <inheritdoc />
        public Task<AccessTokenResult> GetAccessTokenAsync(string profile, TimeSpan minimumValidity = default, bool forceRefresh = false, CancellationToken cancellationToken = default)
        {
            // Hot path: only validated profile names are ever cached, so a hit needs no validation.
            var cached = forceRefresh || profile == null ? null : cache.ValidToken(profile, clock.UtcNow, minimumValidity, refreshSkew);
            return cached ?? RefreshedTokenAsync(ProfileName.Validate(profile), minimumValidity, forceRefresh, cancellationToken);
        }

        /// <summary>Stores a new grant, replacing the tokens and scopes the profile held.</summary>
        public async Task<TokenRecord> StoreNewAsync(OAuthClient client, string profile, TokenGrant grant, string[] granted, CancellationToken cancellationToken)
        {
            if (grant.RefreshToken == null)
            {
                throw new YtOAuthException(ErrorCode.TokenRequestFailed,
                    "Google issued no refresh token, so the grant could not be kept. Remove YtOAuth's access at https://myaccount.google.com/permissions and connect again.", profile);
            }

            var record = new TokenRecord
            {
                Profile = profile,
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                RefreshToken = grant.RefreshToken,
                AccessToken = grant.AccessToken,
                AccessTokenExpiresUtc = grant.ExpiresUtc,
                Scopes = granted,
                ConsentUtc = clock.UtcNow,
                RefreshTokenExpiresUtc = grant.RefreshTokenExpiresUtc,
                Endpoints = StoredEndpoints.From(client.Endpoints),
            };
            return (await UpdateAsync(profile, previous =>
            {
                // The same client's quota count (per Cloud project) and uploads under way (per channel, checked once the
                // channel is known) outlive a new consent: adding a scope must not lose them.
                if (previous != null && previous.ClientId == client.ClientId)
                {
                    record.QuotaDay = previous.QuotaDay;
                    record.QuotaUnits = previous.QuotaUnits;
                    record.ChannelId = previous.ChannelId;
                    record.AccountLabel = previous.AccountLabel;
                    record.Uploads = previous.Uploads;
                }

                return Task.FromResult<TokenRecord?>(record);
            }, cancellationToken).ConfigureAwait(false))!;
        }

        /// <summary>
        /// Fails when a new grant for <paramref name="profile"/> could not be kept (the store cannot be locked or
        /// written, or its record is damaged): asked before consent, so nobody consents for a grant that would be left
        /// live at Google, unstored. Returns the record stored now, or null.
        /// </summary>
        public async Task<TokenRecord?> CheckCanStoreAsync(string profile, CancellationToken cancellationToken)
        {
            using (await store.LockAsync(profile, cancellationToken).ConfigureAwait(false))
            {
                return await store.ReadAsync(profile, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The stored record, or the NotConnected error.</summary>
        public async Task<TokenRecord> ReadRequiredAsync(string profile, CancellationToken cancellationToken) =>
            await store.ReadAsync(ProfileName.Validate(profile), cancellationToken).ConfigureAwait(false) ?? throw EngineErrors.NotConnected(profile, store.Description);

        /// <summary>Forgets a profile locally. False when nothing was stored.</summary>
        public async Task<bool> ForgetAsync(string profile, CancellationToken cancellationToken)
        {
            ProfileName.Validate(profile);
            using (await store.LockAsync(profile, cancellationToken).ConfigureAwait(false))
            {
                cache.Remove(profile);
                return await store.DeleteAsync(profile, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The <paramref name="existing"/> record (as just read from the store) when it was granted to
        /// <paramref name="client"/> with every scope asked for and still refreshes; null when a new consent is needed
        /// (none stored, other client or scopes, revoked).
        /// </summary>
        public async Task<TokenRecord?> WorkingGrantAsync(OAuthClient client, TokenRecord? existing, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
        {
            if (existing == null || existing.ClientId != client.ClientId || Scopes.NotCovered(scopes, existing.Scopes).Length > 0)
            {
                return null;
            }

            var profile = existing.Profile;

            try
            {
                // A refresh proves the grant is alive at the server; the local expiry alone does not.
                cache.Remove(profile);
                await GetAccessTokenAsync(profile, forceRefresh: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid || e.Code == ErrorCode.ReauthenticationRequired)
            {
                EngineLog.Verbose("The stored grant of profile '" + profile + "' no longer works; asking for consent again.");
                return null;
            }

            return await store.ReadAsync(profile, cancellationToken).ConfigureAwait(false) ?? existing;
        }

        private async Task<AccessTokenResult> RefreshedTokenAsync(string profile, TimeSpan minimumValidity, bool forceRefresh, CancellationToken cancellationToken) =>
            new AccessTokenResult(await RefreshSharedAsync(profile, minimumValidity, forceRefresh, cancellationToken).ConfigureAwait(false));

        private Task<TokenRecord> RefreshSharedAsync(string profile, TimeSpan minimumValidity, bool force, CancellationToken cancellationToken)
        {
            // Join a refresh under way, or start one; a finished entry not yet removed does not count.
            var candidate = new Lazy<Task<TokenRecord>>(() => RefreshUnderLockAsync(profile, minimumValidity, force));
            var entry = refreshing.AddOrUpdate(profile, candidate,
                (_, existing) => existing.IsValueCreated && existing.Value.IsCompleted ? candidate : existing);
            var task = entry.Value;
            // Remove exactly this entry once done; a later refresh gets a new one.
            task.ContinueWith(_ => ((ICollection<KeyValuePair<string, Lazy<Task<TokenRecord>>>>)refreshing).Remove(
                new KeyValuePair<string, Lazy<Task<TokenRecord>>>(profile, entry)), TaskScheduler.Default);
            // A caller that gives up stops waiting; the shared refresh goes on for the others.
            return CancellableWait.WaitAsync(task, cancellationToken);
        }

        private async Task<TokenRecord> RefreshUnderLockAsync(string profile, TimeSpan minimumValidity, bool force)
        {
            // Deliberately not cancellable by any one caller; bounded by the HTTP timeout and the lock timeout.
            var refreshed = false;
            var record = await UpdateAsync(profile, async current =>
            {
                var record = current ?? throw EngineErrors.NotConnected(profile, store.Description);
                if (!force && record.HasAccessTokenValidFor(clock.UtcNow, record.RefreshMargin(minimumValidity, refreshSkew)))
                {
                    return null; // another caller or process refreshed while this one waited for the lock
                }

                // Say that a refresh is in flight before asking for it: if this process dies after a rotating server
                // replaced the refresh token but before the new one is written, the next invalid_grant can say so.
                var interrupted = record.RefreshStartedUtc;
                record.RefreshStartedUtc = clock.UtcNow;
                await store.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                TokenGrant grant;
                try
                {
                    grant = await tokens.RefreshAsync(record.ToClient(), record.RefreshToken, CancellationToken.None).ConfigureAwait(false);
                }
                catch (YtOAuthException e)
                {
                    // The server answered, so the refresh is over, not cut off. Without an answer (a timeout, a dropped
                    // connection) it may have rotated the token all the same: then the mark stays.
                    if (e.Code != ErrorCode.NetworkError)
                    {
                        record.RefreshStartedUtc = interrupted;
                        await store.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                    }

                    if (e.Code == ErrorCode.GrantInvalid || e.Code == ErrorCode.ReauthenticationRequired)
                    {
                        throw DiagnoseInvalidGrant(record, interrupted, e);
                    }

                    throw;
                }

                record.RefreshStartedUtc = null;
                record.AccessToken = grant.AccessToken;
                record.AccessTokenExpiresUtc = grant.ExpiresUtc;
                record.LastRefreshUtc = clock.UtcNow;
                if (grant.RefreshToken != null)
                {
                    record.RefreshToken = grant.RefreshToken; // rotation: the old one may already be dead
                }

                if (grant.Scopes.Length > 0)
                {
                    record.Scopes = grant.Scopes;
                }

                if (grant.RefreshTokenExpiresUtc.HasValue)
                {
                    record.RefreshTokenExpiresUtc = grant.RefreshTokenExpiresUtc; // Google restates the end on refresh
                }

                refreshed = true;
                return record;
            }, CancellationToken.None).ConfigureAwait(false);
            if (refreshed)
            {
                EngineLog.Verbose("Refreshed the access token of profile '" + profile + "'; it expires " + record!.AccessTokenExpiresUtc!.Value.ToString("u", CultureInfo.InvariantCulture) + ".");
            }

            return record!;
        }

        private YtOAuthException DiagnoseInvalidGrant(TokenRecord record, DateTime? interruptedUtc, YtOAuthException refused)
        {
            var now = clock.UtcNow;
            var days = (int)Math.Floor((now - record.ConsentUtc).TotalDays);
            if (refused.Code == ErrorCode.ReauthenticationRequired)
            {
                // A Workspace session policy, not a dead grant: Google wants the user to sign in again.
                return new YtOAuthException(ErrorCode.ReauthenticationRequired,
                    "Google asks the user of profile '" + record.Profile + "' to sign in again (" + ((refused.InnerException as OAuthErrorException)?.Subtype ?? "re-authentication") +
                    "): the account's Google Workspace session policy requires a fresh sign-in now and then. The grant was not revoked and was kept; signing in again renews it.",
                    record.Profile, refused)
                {
                    Remedy = new Remedy(RemedyKind.Connect, record.Profile, force: true),
                };
            }

            var ends = record.RefreshTokenExpiresUtc;
            var cause = interruptedUtc.HasValue
                ? "A refresh of this grant was cut off at " + interruptedUtc.Value.ToString("u", CultureInfo.InvariantCulture) + " (the process ended while waiting for the token endpoint). " +
                  "If the server rotates refresh tokens, it had already replaced the stored one and now refuses it; otherwise the grant was revoked or expired since."
                : ends.HasValue && now >= ends.Value
                ? "Google stated when it granted access that this grant ends on " + ends.Value.ToString("u", CultureInfo.InvariantCulture) + ", and that time has passed: " +
                  "Google ends grants after 7 days for apps whose OAuth consent screen is in Testing. Publish the app (Google Cloud Console > OAuth consent screen > Publish app) " +
                  "to get grants that last, then connect again."
                : (ends.HasValue
                    ? "It is not the time limit Google stated (the grant would have lasted until " + ends.Value.ToString("u", CultureInfo.InvariantCulture) + "). "
                    : string.Empty) +
                  "Likely causes: access was removed at https://myaccount.google.com/permissions, the grant went unused for 6 months, " +
                  "or the account holds too many refresh tokens for this client (Google drops the oldest beyond 100)." +
                  // A record stored before Google's stated end was kept cannot tell; say the 7-day rule is possible, no more.
                  (!ends.HasValue && record.Version < 2 && days >= 7
                    ? " If the app's OAuth consent screen is in Testing, Google ends grants after 7 days: publish the app to keep them."
                    : string.Empty);
            return new YtOAuthException(ErrorCode.GrantInvalid,
                "The stored grant of profile '" + record.Profile + "' is expired or revoked (Google answered invalid_grant; consent given " + days + " days ago). " +
                cause + " The stored grant was kept; connecting again replaces it.", record.Profile, refused)
            {
                Remedy = new Remedy(RemedyKind.Connect, record.Profile),
            };
        }
    }
}
