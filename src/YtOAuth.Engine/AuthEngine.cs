using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.OAuth.Consent;
using YtOAuth.Engine.Tokens;
using YtOAuth.Engine.YouTube;

// One file over 300 lines on purpose: this is the engine's front door, and a newcomer reads every operation a front end
// can ask for in one place. Each operation is a few lines that hand the work to the folder that does it.
namespace YtOAuth.Engine
{
    /// <summary>
    /// The one auth engine every command sits on, and where front ends start: connect (browser, device code, or a
    /// given refresh token), hand out valid access tokens, revoke and forget, and open YouTube clients for a profile.
    /// Its inputs and results are types of their own (ConnectOptions, ClientSecretFile, ConnectResult, ...). It wires
    /// the pieces that do the work: the consent flows (OAuth/Consent), the grant manager (Tokens), the HTTP layer
    /// (Http) and the YouTube clients (YouTube). Create one per process and share it.
    /// </summary>
    public sealed class AuthEngine : IDisposable, IAccessTokenSource
    {
        private readonly AuthEngineOptions options;
        private readonly GoogleHttp http;
        private readonly TokenEndpoint tokens;
        private readonly GrantManager grants;
        private readonly QuotaLedger quota;
        private readonly EndpointResolver endpoints;

        /// <summary>Creates the engine.</summary>
        public AuthEngine(AuthEngineOptions options)
        {
            this.options = options;
            http = new GoogleHttp(options.HttpHandler, options.HttpTimeout, options.Retry, options.Clock);
            tokens = new TokenEndpoint(http, options.Clock);
            grants = new GrantManager(options.Store, tokens, options.Clock, options.RefreshSkew);
            quota = new QuotaLedger(grants, options.Clock);
            endpoints = new EndpointResolver(http);
        }

        /// <summary>The store grants are kept in.</summary>
        public ITokenStore Store => options.Store;

        /// <summary>Browser consent through a loopback redirect with PKCE S256 and a checked state.</summary>
        public async Task<ConnectResult> ConnectAsync(OAuthClient client, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            var stored = await grants.CheckCanStoreAsync(profile, cancellationToken).ConfigureAwait(false);
            client = await endpoints.ResolveAsync(client, cancellationToken).ConfigureAwait(false);
            return await ReuseAsync(client, connect, stored, cancellationToken).ConfigureAwait(false)
                ?? await FinishAsync(client, profile, connect, await LoopbackConsent.RunAsync(client, Attended(KeepingGranted(connect, client, stored, _ => true), "Consent in a browser"), options.Browser, tokens,
                    cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Headless consent with the device flow: the user enters a code at Google's device page on any other
        /// device. Google allows only some scopes here (not Analytics).
        /// </summary>
        public async Task<ConnectResult> ConnectWithDeviceCodeAsync(OAuthClient client, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            DeviceConsent.RequireAllowedScopes(connect);
            var stored = await grants.CheckCanStoreAsync(profile, cancellationToken).ConfigureAwait(false);
            client = await endpoints.ResolveAsync(client, cancellationToken).ConfigureAwait(false);
            return await ReuseAsync(client, connect, stored, cancellationToken).ConfigureAwait(false)
                ?? await FinishAsync(client, profile, connect, await DeviceConsent.RunAsync(client,
                    Attended(KeepingGranted(connect, client, stored, s => Scopes.NotCovered(new[] { s }, Scopes.DeviceFlowAllowed).Length == 0), "The device sign-in"), tokens, options.Clock,
                    options.Retry.Delay, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Unattended connect from a refresh token obtained elsewhere (CI): validated by one refresh, no browser.</summary>
        public async Task<ConnectResult> ConnectWithRefreshTokenAsync(OAuthClient client, string refreshToken, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            if (string.IsNullOrWhiteSpace(refreshToken))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The refresh token is empty. Pass the refresh token of a grant made with this OAuth client.", profile);
            }

            Redactor.Register(refreshToken);
            await grants.CheckCanStoreAsync(profile, cancellationToken).ConfigureAwait(false);
            client = await endpoints.ResolveAsync(client, cancellationToken).ConfigureAwait(false);
            TokenGrant grant;
            try
            {
                grant = await tokens.RefreshAsync(client, refreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid)
            {
                throw new YtOAuthException(ErrorCode.GrantInvalid,
                    "Google refused the refresh token given (invalid_grant): it is expired, revoked, or belongs to another OAuth client. Create a new one with an interactive sign-in for this client.", profile, e);
            }

            var kept = new TokenGrant(grant.AccessToken, grant.ExpiresUtc, grant.RefreshToken ?? refreshToken, grant.Scopes, grant.RefreshTokenExpiresUtc);
            return await FinishAsync(client, profile, connect, ConsentOutcome.Brought(kept, grant.Scopes.Length > 0 ? grant.Scopes : connect.Scopes.ToArray()),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A valid access token for <paramref name="profile"/>, refreshed when it would expire within the refresh
        /// skew or <paramref name="minimumValidity"/>. Never prompts. Concurrent callers share one refresh.
        /// </summary>
        public Task<AccessTokenResult> GetAccessTokenAsync(string profile, TimeSpan minimumValidity = default, bool forceRefresh = false,
            CancellationToken cancellationToken = default) =>
            grants.GetAccessTokenAsync(profile, minimumValidity, forceRefresh, cancellationToken);

        /// <summary>
        /// The refresh token of a stored grant, to carry the grant to another machine or a CI secret (and connect there
        /// with it). It is the grant itself: whoever holds it can act as the user until it is revoked.
        /// </summary>
        public async Task<string> GetRefreshTokenAsync(string profile, CancellationToken cancellationToken) =>
            (await grants.ReadRequiredAsync(profile, cancellationToken).ConfigureAwait(false)).RefreshToken;

        /// <summary>Revokes the grant at Google, then forgets it. When Google cannot confirm, the grant is kept and the error says so.</summary>
        public async Task<bool> RevokeAsync(string profile, CancellationToken cancellationToken)
        {
            var record = await grants.ReadRequiredAsync(profile, cancellationToken).ConfigureAwait(false);
            bool revoked;
            try
            {
                // Revoking the refresh token ends the whole grant, access tokens included.
                revoked = await tokens.RevokeAsync(record.ToClient(), record.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code != ErrorCode.InvalidArgument)
            {
                throw new YtOAuthException(ErrorCode.RevokeFailed,
                    "Revoking the grant of profile '" + profile + "' failed: " + e.Message + " The stored grant was kept.", profile, e)
                {
                    Remedy = new Remedy(RemedyKind.RevokeLaterOrForget, profile),
                };
            }

            if (!revoked)
            {
                EngineLog.Warning("Google already considered the grant of profile '" + profile + "' invalid; removing it locally.");
            }

            try
            {
                await grants.ForgetAsync(profile, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.StoreError)
            {
                // The grant is dead at Google already; only the local copy is left, and saying so matters more than the I/O detail.
                throw new YtOAuthException(ErrorCode.StoreError,
                    "The grant of profile '" + profile + "' was revoked at Google, but its stored copy could not be removed here: " + e.Message +
                    " It no longer works; remove it once the store can be written.", profile, e);
            }

            return revoked;
        }

        /// <summary>Forgets a profile locally without telling Google. False when nothing was stored.</summary>
        public Task<bool> ForgetAsync(string profile, CancellationToken cancellationToken) => grants.ForgetAsync(profile, cancellationToken);

        /// <summary>Stored profiles, without secrets. A damaged record is skipped with a warning, never hiding the others.</summary>
        public async Task<IReadOnlyList<ProfileInfo>> GetProfilesAsync(CancellationToken cancellationToken)
        {
            var result = new List<ProfileInfo>();
            foreach (var name in await options.Store.ListProfilesAsync(cancellationToken).ConfigureAwait(false))
            {
                TokenRecord? record;
                try
                {
                    record = await options.Store.ReadAsync(name, cancellationToken).ConfigureAwait(false);
                }
                catch (YtOAuthException e) when (e.Code == ErrorCode.StoreError || e.Code == ErrorCode.InvalidArgument)
                {
                    EngineLog.Warning("Skipped profile '" + name + "': " + e.Message);
                    continue;
                }

                if (record != null)
                {
                    result.Add(Describe(record));
                }
            }

            return result;
        }

        /// <summary>The stored profile, or null.</summary>
        public async Task<ProfileInfo?> GetProfileAsync(string profile, CancellationToken cancellationToken)
        {
            var record = await options.Store.ReadAsync(ProfileName.Validate(profile), cancellationToken).ConfigureAwait(false);
            return record == null ? null : Describe(record);
        }

        /// <summary>YouTube Data API v3 for a connected profile.</summary>
        public YouTubeClient YouTube(string profile) => new YouTubeClient(ApiClient.ForProfile(http, grants, profile, Scopes.DataApiRead.ToArray()), quota);

        /// <summary>YouTube Data API v3 with an API key: public data only, no profile.</summary>
        public YouTubeClient YouTubeWithApiKey(string apiKey, GoogleEndpoints? endpoints = null) =>
            new YouTubeClient(ApiClient.ForApiKey(http, apiKey, endpoints ?? GoogleEndpoints.Google), null);

        /// <summary>Any YouTube Data v3 or Analytics v2 call for a connected profile.</summary>
        public ApiInvoker Api(string profile) => new ApiInvoker(http, grants, quota, profile);

        /// <summary>Changes to a connected profile's videos and playlists (needs Manage).</summary>
        public YouTubeEditor Editor(string profile) =>
            new YouTubeEditor(ApiClient.ForProfile(http, grants, profile, Scopes.DataApiWrite.ToArray()), ApiClient.ForProfile(http, grants, profile, Scopes.VideoUpload.ToArray()), quota);

        /// <summary>Video uploads that survive a dropped network and a killed process (needs Upload; Manage to add to a playlist).</summary>
        public VideoPublisher Publisher(string profile) =>
            new VideoPublisher(ApiClient.ForProfile(http, grants, profile, Scopes.VideoUpload.ToArray()), Editor(profile), grants, quota);

        /// <summary>YouTube Analytics v2 for a connected profile.</summary>
        public AnalyticsClient Analytics(string profile) => new AnalyticsClient(ApiClient.ForProfile(http, grants, profile, Scopes.AnalyticsQuery));

        /// <inheritdoc />
        public void Dispose() => http.Dispose();

        private ProfileInfo Describe(TokenRecord record) => new ProfileInfo(record, options.Store.Description, PacificTime.Day(options.Clock.UtcNow));

        /// <summary>A working grant that already covers the request (no consent needed), or null.</summary>
        private async Task<ConnectResult?> ReuseAsync(OAuthClient client, ConnectOptions connect, TokenRecord? stored, CancellationToken cancellationToken)
        {
            if (connect.Force)
            {
                return null;
            }

            var existing = await grants.WorkingGrantAsync(client, stored, connect.Scopes, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                return null;
            }

            EngineLog.Verbose("Profile '" + connect.Profile + "' already holds a working grant with these scopes; no consent needed (force a new sign-in to change accounts).");
            WarnIfTimeLimited(existing);
            return new ConnectResult(Describe(existing), new string[0], null, true);
        }

        /// <summary>
        /// Incremental consent: asking a connected profile for another scope (Upload, say) keeps the scopes its grant has.
        /// The consent URL says include_granted_scopes=true, but Google documents that as unsupported for installed apps,
        /// so the engine also asks for the granted scopes again; the new grant then covers both. Not with Force (a new
        /// sign-in, perhaps another account) nor with another client. <paramref name="allowed"/> filters what the flow may ask.
        /// </summary>
        private static ConnectOptions KeepingGranted(ConnectOptions connect, OAuthClient client, TokenRecord? stored, Func<string, bool> allowed)
        {
            if (connect.Force || stored == null || stored.ClientId != client.ClientId)
            {
                return connect;
            }

            var kept = Scopes.NotCovered(stored.Scopes, connect.Scopes).Where(s => s != "openid" && allowed(s)).ToArray();
            if (kept.Length == 0)
            {
                return connect;
            }

            EngineLog.Verbose("Asking for " + string.Join(", ", kept.Select(Scopes.ShortName)) + " as well: profile '" + connect.Profile +
                              "' has them already, and the new grant replaces the old one.");
            return connect.WithScopes(connect.Scopes.Concat(kept).ToArray());
        }

        /// <summary>Decides before anything starts whether a person can act: an unattended run never opens a browser or waits.</summary>
        private static ConnectOptions Attended(ConnectOptions connect, string what)
        {
            if (!connect.AllowInteraction)
            {
                throw new YtOAuthException(ErrorCode.InteractionRequired,
                    what + " needs a person, and this session is unattended, so YtOAuth will not wait. Connect once in an interactive shell " +
                    "(the grant is stored and refreshed from then on), or connect unattended with a refresh token.", connect.Profile);
            }

            return connect;
        }

        private async Task<ConnectResult> FinishAsync(OAuthClient client, string profile, ConnectOptions connect, ConsentOutcome outcome, CancellationToken cancellationToken)
        {
            if (outcome.Grant == null)
            {
                return new ConnectResult(null, new string[0], outcome.Declined, false);
            }

            TokenRecord record;
            try
            {
                record = await grants.StoreNewAsync(client, profile, outcome.Grant, outcome.Granted, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (outcome.IssuedByConsent && (e.Code == ErrorCode.StoreError || e.Code == ErrorCode.StoreUnavailable))
            {
                throw await RevokeUnkeptGrantAsync(client, profile, outcome.Grant, e).ConfigureAwait(false);
            }

            record = await LabelAccountAsync(record, cancellationToken).ConfigureAwait(false);
            WarnIfTimeLimited(record);
            var missing = Scopes.NotCovered(connect.Scopes, outcome.Granted);
            if (missing.Length > 0)
            {
                EngineLog.Warning("Consent left out " + string.Join(", ", missing.Select(Scopes.ShortName)) +
                                  "; commands that need it will fail until you connect again with that scope ticked.");
            }

            return new ConnectResult(Describe(record), missing, null, false);
        }

        /// <summary>
        /// A grant that consent just made but the store could not keep would stay live at Google with nobody holding
        /// it: revoke it, and say what happened either way. (A refresh token the caller brought is theirs: kept.)
        /// </summary>
        private async Task<YtOAuthException> RevokeUnkeptGrantAsync(OAuthClient client, string profile, TokenGrant grant, YtOAuthException storeError)
        {
            string outcome;
            try
            {
                await tokens.RevokeAsync(client, grant.RefreshToken ?? grant.AccessToken, CancellationToken.None).ConfigureAwait(false);
                outcome = "The new grant was revoked at Google, so none is left live. Fix the store, then connect again.";
            }
            catch (YtOAuthException e)
            {
                outcome = "Revoking the new grant at Google failed too (" + e.Message + "): remove YtOAuth's access at https://myaccount.google.com/permissions, fix the store, then connect again.";
            }

            return new YtOAuthException(storeError.Code, "Consent succeeded, but the grant could not be stored: " + storeError.Message + " " + outcome, profile, storeError);
        }

        /// <summary>Google limits the grant (7 days for apps whose consent screen is in Testing): say so at connect, not when a job fails later.</summary>
        private static void WarnIfTimeLimited(TokenRecord record)
        {
            if (record.RefreshTokenExpiresUtc is DateTime ends)
            {
                EngineLog.Warning("This grant ends on " + ends.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) +
                                  " UTC, as Google stated: the app's OAuth consent screen is in Testing (or access was granted for a limited time). " +
                                  "Publish the app to keep it (Google Cloud Console > OAuth consent screen > Publish app), then connect again.");
            }
        }

        /// <summary>Learns the channel behind a new grant and keeps it with the grant; a failure only costs the label.</summary>
        private async Task<TokenRecord> LabelAccountAsync(TokenRecord record, CancellationToken cancellationToken)
        {
            if (!record.Scopes.Any(Scopes.DataApiRead.Contains))
            {
                return record;
            }

            Channel? channel;
            try
            {
                channel = await YouTube(record.Profile).GetMyChannelAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e)
            {
                EngineLog.Warning("Connected, but the channel could not be looked up: " + e.Message);
                return record;
            }

            return await grants.UpdateAsync(record.Profile, stored =>
            {
                var labelled = stored ?? record;
                if (labelled.Uploads?.Count > 0 && labelled.ChannelId != null && labelled.ChannelId != channel?.Id)
                {
                    // Sessions of uploads under way belong to the channel that started them, not to this one.
                    EngineLog.Warning("This grant is for another channel than before; the " + labelled.Uploads.Count + " unfinished upload(s) of the old one were dropped.");
                    labelled.Uploads = null;
                }

                labelled.ChannelId = channel?.Id;
                labelled.AccountLabel = channel?.Title ?? "(no channel)";
                return Task.FromResult<TokenRecord?>(labelled);
            }, cancellationToken).ConfigureAwait(false) ?? record;
        }
    }
}
