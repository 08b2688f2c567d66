using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2.Requests;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.OAuth;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine
{
    /// <summary>
    /// The one auth engine every command sits on: connect (browser, device code, or a given refresh token), hand
    /// out valid access tokens (refreshing single-flight in this process and under the store's lock across
    /// processes), revoke, and forget. Create one per process and share it.
    /// </summary>
    public sealed class AuthEngine : IDisposable
    {
        private readonly AuthEngineOptions options;
        private readonly HttpClient http;
        private readonly TokenEndpoint tokens;
        private readonly GrantCache cache = new GrantCache();
        private readonly ConcurrentDictionary<string, Lazy<Task<TokenRecord>>> refreshing = new ConcurrentDictionary<string, Lazy<Task<TokenRecord>>>(StringComparer.Ordinal);

        /// <summary>Creates the engine.</summary>
        public AuthEngine(AuthEngineOptions options)
        {
            this.options = options;
            var handler = options.HttpHandler ?? new HttpClientHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            };
            http = new HttpClient(new HttpTraceHandler(handler)) { Timeout = options.HttpTimeout };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("YtOAuth/" + typeof(AuthEngine).Assembly.GetName().Version + " (gzip)");
            tokens = new TokenEndpoint(http, options.Clock, options.Retry);
        }

        /// <summary>The store grants are kept in.</summary>
        public ITokenStore Store => options.Store;

        /// <summary>The shared HTTP client (traced, gzip).</summary>
        internal HttpClient Http => http;

        internal RetryPolicy Retry => options.Retry;

        /// <summary>The host's command to connect a profile again.</summary>
        internal string Reconnect(string profile, bool force = false, IReadOnlyList<string>? scopes = null) => options.ReconnectHint(profile, force, scopes);

        /// <summary>Browser consent through a loopback redirect with PKCE S256 and a checked state.</summary>
        public async Task<ConnectResult> ConnectAsync(OAuthClient client, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            var reused = await TryReuseAsync(client, connect, cancellationToken).ConfigureAwait(false);
            if (reused != null)
            {
                return reused;
            }

            RequireInteraction(connect, "Consent in a browser");
            var pkce = Pkce.Create();
            var state = Util.RandomToken(32);
            using (var receiver = LoopbackCodeReceiver.Start(state))
            {
                var url = new GoogleAuthorizationCodeRequestUrl(client.Endpoints.Authorization)
                {
                    ClientId = client.ClientId,
                    RedirectUri = receiver.RedirectUri.AbsoluteUri,
                    Scope = string.Join(" ", connect.Scopes),
                    State = state,
                    CodeChallenge = pkce.Challenge,
                    CodeChallengeMethod = Pkce.Method,
                    LoginHint = connect.LoginHint,
                    Prompt = connect.Force ? "consent select_account" : null,
                    AccessType = "offline",
                }.Build();

                EngineLog.Verbose("Waiting for the consent redirect on " + receiver.RedirectUri + " (up to " + (int)connect.Timeout.TotalSeconds + " s).");
                var opened = connect.OpenBrowser && options.Browser.TryOpen(url);
                EngineLog.Information(opened
                    ? "A browser was opened to sign in to YouTube. If none appeared, open this URL on this machine: " + url.AbsoluteUri
                    : "Open this URL in a browser on this machine to sign in to YouTube (from another machine, forward port " + receiver.RedirectUri.Port + " with ssh -L first): " + url.AbsoluteUri);

                AuthorizationCallback callback;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(connect.Timeout);
                    try
                    {
                        callback = await receiver.WaitAsync(timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Redirects with a foreign state were refused while waiting: a possible forgery, not a slow user.
                        var refused = receiver.RefusedCallbacks;
                        throw new YtOAuthException(refused == 0 ? ErrorCode.ConsentTimeout : ErrorCode.StateMismatch,
                            "No sign-in completed within " + Minutes(connect.Timeout) + "." +
                            (refused == 0 ? string.Empty : " " + refused + " redirect(s) arrived with a state that did not match this request and were refused; nothing was exchanged.") +
                            " Run the command again and finish consent in the browser" + (refused == 0 ? ", or allow more time with -TimeoutSec." : " that it opens."), profile);
                    }
                }

                if (callback.Error != null)
                {
                    EngineLog.Verbose("Consent was declined: " + callback.Error + ".");
                    return new ConnectResult(null, new string[0], callback.Error, false);
                }

                TokenGrant grant;
                try
                {
                    grant = await tokens.ExchangeCodeAsync(client, callback.Code!, pkce.Verifier, receiver.RedirectUri, cancellationToken).ConfigureAwait(false);
                }
                catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid)
                {
                    throw new YtOAuthException(ErrorCode.GrantInvalid,
                        "Google refused the authorization code (" + ((e.InnerException as OAuthErrorException)?.Error ?? "invalid_grant") +
                        "). Codes are single-use and live for minutes; run the sign-in again.", profile, e);
                }

                var granted = grant.Scopes.Length > 0 ? grant.Scopes : Scopes.Parse(callback.Scope);
                return await StoreNewGrantAsync(client, profile, grant, granted.Length > 0 ? granted : connect.Scopes.ToArray(), connect.Scopes, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Unattended connect from a refresh token obtained elsewhere (CI): validated by one refresh, no browser.
        /// </summary>
        public async Task<ConnectResult> ConnectWithRefreshTokenAsync(OAuthClient client, string refreshToken, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            if (string.IsNullOrWhiteSpace(refreshToken))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The refresh token is empty. Pass the refresh token of a grant made with this OAuth client.", profile);
            }

            Redactor.Register(refreshToken);
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

            var withRefresh = new TokenGrant(grant.AccessToken, grant.ExpiresUtc, grant.RefreshToken ?? refreshToken, grant.Scopes);
            return await StoreNewGrantAsync(client, profile, withRefresh, grant.Scopes.Length > 0 ? grant.Scopes : connect.Scopes.ToArray(), connect.Scopes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Headless consent with the device flow: the user enters a code at Google's device page on any other
        /// device. Google allows only some scopes here (not Analytics).
        /// </summary>
        public async Task<ConnectResult> ConnectWithDeviceCodeAsync(OAuthClient client, ConnectOptions connect, CancellationToken cancellationToken)
        {
            var profile = ProfileName.Validate(connect.Profile);
            var refused = connect.Scopes.Where(s => !Scopes.DeviceFlowAllowed.Contains(s)).ToList();
            if (refused.Count > 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "Google's device flow cannot grant " + string.Join(", ", refused.Select(Scopes.ShortName)) +
                    " (it allows only YouTube ReadOnly and Manage). Ask for -Scope ReadOnly, or sign in with the browser flow (with -NoBrowser over ssh -L if this machine has no browser).", profile);
            }

            var reused = await TryReuseAsync(client, connect, cancellationToken).ConfigureAwait(false);
            if (reused != null)
            {
                return reused;
            }

            RequireInteraction(connect, "The device sign-in");
            var device = await tokens.StartDeviceAuthorizationAsync(client, connect.Scopes, cancellationToken).ConfigureAwait(false);
            EngineLog.Information("To sign in, open " + device.VerificationUrl + " on any device and enter the code " + device.UserCode);
            var deadline = options.Clock.UtcNow + (device.ExpiresIn < connect.Timeout ? device.ExpiresIn : connect.Timeout);
            var interval = device.Interval;
            while (true)
            {
                await options.Retry.Delay(interval, cancellationToken).ConfigureAwait(false);
                if (options.Clock.UtcNow > deadline)
                {
                    throw new YtOAuthException(ErrorCode.ConsentTimeout, "The device code was not confirmed in time. Run the command again and enter the new code promptly.", profile);
                }

                try
                {
                    var grant = await tokens.PollDeviceAsync(client, device, cancellationToken).ConfigureAwait(false);
                    return await StoreNewGrantAsync(client, profile, grant, grant.Scopes.Length > 0 ? grant.Scopes : connect.Scopes.ToArray(), connect.Scopes, cancellationToken).ConfigureAwait(false);
                }
                catch (OAuthErrorException e)
                {
                    switch (e.Error)
                    {
                        case "authorization_pending":
                            continue;
                        case "slow_down":
                            interval += TimeSpan.FromSeconds(5);
                            continue;
                        case "access_denied":
                            return new ConnectResult(null, new string[0], "access_denied", false);
                        case "expired_token":
                            throw new YtOAuthException(ErrorCode.ConsentTimeout, "The device code expired before it was confirmed. Run the command again.", profile, e);
                        case "invalid_client":
                            throw new YtOAuthException(ErrorCode.ClientRejected,
                                "Google refused the client for the device flow (" + e.Description + "). The device flow needs an OAuth client of type 'TVs and Limited Input devices'.", client.ClientId, e);
                        default:
                            throw new YtOAuthException(ErrorCode.TokenRequestFailed, "The device sign-in failed: " + e.Message + ".", profile, e);
                    }
                }
            }
        }

        /// <summary>
        /// A valid access token for <paramref name="profile"/>, refreshed when it would expire within the refresh
        /// skew or <paramref name="minimumValidity"/>. Never prompts. Concurrent callers share one refresh.
        /// </summary>
        public Task<AccessTokenResult> GetAccessTokenAsync(string profile, TimeSpan minimumValidity = default, bool forceRefresh = false,
            CancellationToken cancellationToken = default)
        {
            var margin = minimumValidity > options.RefreshSkew ? minimumValidity : options.RefreshSkew;
            // Hot path: only validated profile names are ever cached, so a hit needs no validation.
            var cached = forceRefresh || profile == null ? null : cache.ValidToken(profile, options.Clock.UtcNow, margin);
            return cached ?? RefreshedTokenAsync(ProfileName.Validate(profile), margin, forceRefresh, cancellationToken);
        }

        private async Task<AccessTokenResult> RefreshedTokenAsync(string profile, TimeSpan margin, bool forceRefresh, CancellationToken cancellationToken) =>
            new AccessTokenResult(await RefreshSharedAsync(profile, margin, forceRefresh, cancellationToken).ConfigureAwait(false));

        /// <summary>Revokes the grant at Google, then forgets it. When Google cannot confirm, the grant is kept and the error says so.</summary>
        public async Task<bool> RevokeAsync(string profile, CancellationToken cancellationToken)
        {
            var record = await ReadRequiredAsync(profile, cancellationToken).ConfigureAwait(false);
            bool revoked;
            try
            {
                // Revoking the refresh token ends the whole grant, access tokens included.
                revoked = await tokens.RevokeAsync(record.ToClient(), record.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code != ErrorCode.InvalidArgument)
            {
                throw new YtOAuthException(ErrorCode.RevokeFailed,
                    "Revoking the grant of profile '" + profile + "' failed: " + e.Message + " The stored grant was kept; run the revoke again when Google can be reached, or disconnect to forget it locally only.",
                    profile, e);
            }

            if (!revoked)
            {
                EngineLog.Warning("Google already considered the grant of profile '" + profile + "' invalid; removing it locally.");
            }

            await ForgetAsync(profile, cancellationToken).ConfigureAwait(false);
            return revoked;
        }

        /// <summary>Forgets a profile locally without telling Google. False when nothing was stored.</summary>
        public async Task<bool> ForgetAsync(string profile, CancellationToken cancellationToken)
        {
            ProfileName.Validate(profile);
            using (await options.Store.LockAsync(profile, cancellationToken).ConfigureAwait(false))
            {
                cache.Remove(profile);
                return await options.Store.DeleteAsync(profile, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Stored profiles, without secrets.</summary>
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
                    // One damaged or oddly named record must not hide the others.
                    EngineLog.Warning("Skipped profile '" + name + "': " + e.Message);
                    continue;
                }

                if (record != null)
                {
                    result.Add(new ProfileInfo(record, options.Store.Description));
                }
            }

            return result;
        }

        /// <summary>The stored profile, or null.</summary>
        public async Task<ProfileInfo?> GetProfileAsync(string profile, CancellationToken cancellationToken)
        {
            var record = await options.Store.ReadAsync(ProfileName.Validate(profile), cancellationToken).ConfigureAwait(false);
            return record == null ? null : new ProfileInfo(record, options.Store.Description);
        }

        /// <inheritdoc />
        public void Dispose() => http.Dispose();

        private Task<TokenRecord> RefreshSharedAsync(string profile, TimeSpan margin, bool force, CancellationToken cancellationToken)
        {
            // Join a refresh under way, or start one; a finished entry not yet removed does not count.
            var candidate = new Lazy<Task<TokenRecord>>(() => RefreshUnderLockAsync(profile, margin, force));
            var entry = refreshing.AddOrUpdate(profile, candidate,
                (_, existing) => existing.IsValueCreated && existing.Value.IsCompleted ? candidate : existing);
            var task = entry.Value;
            // Remove exactly this entry once done; a later refresh gets a new one.
            task.ContinueWith(_ => ((ICollection<KeyValuePair<string, Lazy<Task<TokenRecord>>>>)refreshing).Remove(
                new KeyValuePair<string, Lazy<Task<TokenRecord>>>(profile, entry)), TaskScheduler.Default);
            // A caller that gives up stops waiting; the shared refresh goes on for the others.
            return Util.WaitAsync(task, cancellationToken);
        }

        private async Task<TokenRecord> RefreshUnderLockAsync(string profile, TimeSpan margin, bool force)
        {
            // Deliberately not cancellable by any one caller; bounded by the HTTP timeout and the lock timeout.
            var none = CancellationToken.None;
            using (await options.Store.LockAsync(profile, none).ConfigureAwait(false))
            {
                // Read again under the lock: another process may have refreshed (and rotated) meanwhile.
                var record = await ReadRequiredAsync(profile, none).ConfigureAwait(false);
                if (!force && record.HasAccessTokenValidFor(options.Clock.UtcNow, margin))
                {
                    cache.Set(record);
                    return record;
                }

                TokenGrant grant;
                try
                {
                    grant = await tokens.RefreshAsync(record.ToClient(), record.RefreshToken, none).ConfigureAwait(false);
                }
                catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid)
                {
                    throw new YtOAuthException(ErrorCode.GrantInvalid, DiagnoseInvalidGrant(record), profile, e);
                }

                record.AccessToken = grant.AccessToken;
                record.AccessTokenExpiresUtc = grant.ExpiresUtc;
                record.LastRefreshUtc = options.Clock.UtcNow;
                if (grant.RefreshToken != null)
                {
                    record.RefreshToken = grant.RefreshToken; // rotation: the old one may already be dead
                }

                if (grant.Scopes.Length > 0)
                {
                    record.Scopes = grant.Scopes;
                }

                await options.Store.WriteAsync(record, none).ConfigureAwait(false);
                cache.Set(record);
                EngineLog.Verbose("Refreshed the access token of profile '" + profile + "'; it expires " + grant.ExpiresUtc.ToString("u", CultureInfo.InvariantCulture) + ".");
                return record;
            }
        }

        private string DiagnoseInvalidGrant(TokenRecord record)
        {
            var age = options.Clock.UtcNow - record.ConsentUtc;
            var days = (int)Math.Floor(age.TotalDays);
            string cause;
            if (age >= TimeSpan.FromDays(6.9) && age < TimeSpan.FromDays(8))
            {
                cause = "The consent is " + days + " days old, and Google expires refresh tokens after 7 days for apps whose OAuth consent screen is in Testing. " +
                        "Publish the app (Google Cloud Console > OAuth consent screen > Publish app), then connect again.";
            }
            else
            {
                cause = "Likely causes: access was removed at https://myaccount.google.com/permissions, the grant went unused for 6 months, " +
                        "or the account holds too many refresh tokens for this client (Google drops the oldest beyond 100).";
            }

            return "The stored grant of profile '" + record.Profile + "' is expired or revoked (Google answered invalid_grant; consent given " + days + " days ago). " +
                   cause + " The stored grant was kept. To fix it, run: " + Reconnect(record.Profile);
        }

        private async Task<TokenRecord> ReadRequiredAsync(string profile, CancellationToken cancellationToken)
        {
            return await options.Store.ReadAsync(ProfileName.Validate(profile), cancellationToken).ConfigureAwait(false)
                ?? throw new YtOAuthException(ErrorCode.NoStoredGrant,
                    "No YouTube grant is stored for profile '" + profile + "' in " + options.Store.Description + ". Connect first: " + Reconnect(profile), profile);
        }

        private async Task<ConnectResult?> TryReuseAsync(OAuthClient client, ConnectOptions connect, CancellationToken cancellationToken)
        {
            if (connect.Force)
            {
                return null;
            }

            var existing = await options.Store.ReadAsync(connect.Profile, cancellationToken).ConfigureAwait(false);
            if (existing == null || existing.ClientId != client.ClientId || connect.Scopes.Except(existing.Scopes).Any())
            {
                return null;
            }

            // Reuse only a grant that still works: a revoked or expired one is replaced by a new consent.
            try
            {
                cache.Remove(connect.Profile);
                await GetAccessTokenAsync(connect.Profile, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.GrantInvalid)
            {
                EngineLog.Verbose("The stored grant of profile '" + connect.Profile + "' no longer works; asking for consent again.");
                return null;
            }

            existing = await options.Store.ReadAsync(connect.Profile, cancellationToken).ConfigureAwait(false) ?? existing;
            EngineLog.Verbose("Profile '" + connect.Profile + "' already holds a working grant with these scopes; no consent needed (force a new sign-in to change accounts).");
            return new ConnectResult(new ProfileInfo(existing, options.Store.Description), new string[0], null, true);
        }

        private async Task<ConnectResult> StoreNewGrantAsync(OAuthClient client, string profile, TokenGrant grant, string[] granted,
            IReadOnlyList<string> requested, CancellationToken cancellationToken)
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
                ConsentUtc = options.Clock.UtcNow,
                Endpoints = StoredEndpoints.From(client.Endpoints),
            };
            using (await options.Store.LockAsync(profile, cancellationToken).ConfigureAwait(false))
            {
                await options.Store.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }

            cache.Set(record);
            await DescribeAccountAsync(record, cancellationToken).ConfigureAwait(false);
            var missing = requested.Except(granted).ToArray();
            if (missing.Length > 0)
            {
                EngineLog.Warning("Consent left out " + string.Join(", ", missing.Select(Scopes.ShortName)) +
                                  "; commands that need it will fail until you connect again with that scope ticked.");
            }

            return new ConnectResult(new ProfileInfo(record, options.Store.Description), missing, null, false);
        }

        private static void RequireInteraction(ConnectOptions connect, string what)
        {
            if (!connect.AllowInteraction)
            {
                throw new YtOAuthException(ErrorCode.InteractionRequired,
                    what + " needs a person, and this session is unattended, so YtOAuth will not wait. Connect once in an interactive shell " +
                    "(the grant is stored and refreshed from then on), or connect unattended with a refresh token.", connect.Profile);
            }
        }

        private static string Minutes(TimeSpan t) =>
            t.TotalMinutes >= 1 ? ((int)t.TotalMinutes) + " minute(s)" : ((int)t.TotalSeconds) + " second(s)";

        /// <summary>Adds Data API units to the profile's count for the current Pacific day (kept with the grant).</summary>
        internal async Task RecordQuotaAsync(string profile, long units)
        {
            var none = CancellationToken.None; // the count is kept even when the listing was stopped
            long total;
            using (await options.Store.LockAsync(profile, none).ConfigureAwait(false))
            {
                var record = await options.Store.ReadAsync(profile, none).ConfigureAwait(false);
                if (record == null)
                {
                    return;
                }

                var day = YouTube.PacificTime.Day(options.Clock.UtcNow);
                record.QuotaUnits = (record.QuotaDay == day ? record.QuotaUnits : 0) + units;
                record.QuotaDay = day;
                total = record.QuotaUnits;
                await options.Store.WriteAsync(record, none).ConfigureAwait(false);
                cache.Set(record);
            }

            EngineLog.Verbose("Spent " + units + " YouTube Data API quota unit(s); profile '" + profile + "' has spent " + total +
                              " today (Pacific time; the project's default daily quota is 10,000).");
        }

        /// <summary>Learns the channel behind a stored grant and keeps it with the grant; a failure only costs the label.</summary>
        private async Task DescribeAccountAsync(TokenRecord record, CancellationToken cancellationToken)
        {
            if (!record.Scopes.Any(s => s.StartsWith("https://www.googleapis.com/auth/youtube", StringComparison.Ordinal)))
            {
                return;
            }

            YouTube.Channel? channel;
            try
            {
                channel = await YouTube.YouTubeClient.ForProfile(this, record.Profile).GetMyChannelAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e)
            {
                EngineLog.Warning("Connected, but the channel could not be looked up: " + e.Message);
                return;
            }

            using (await options.Store.LockAsync(record.Profile, cancellationToken).ConfigureAwait(false))
            {
                var stored = await options.Store.ReadAsync(record.Profile, cancellationToken).ConfigureAwait(false) ?? record;
                stored.ChannelId = channel?.Id;
                stored.AccountLabel = channel?.Title ?? "(no channel)";
                await options.Store.WriteAsync(stored, cancellationToken).ConfigureAwait(false);
                cache.Set(stored);
                record.ChannelId = stored.ChannelId;
                record.AccountLabel = stored.AccountLabel;
            }
        }
    }
}
