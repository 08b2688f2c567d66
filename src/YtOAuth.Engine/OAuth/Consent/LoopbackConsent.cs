using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2.Requests;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.OAuth.Consent
{
    /// <summary>
    /// Browser consent through a loopback redirect (RFC 8252): a listener on 127.0.0.1 and a port of its own, PKCE
    /// S256 (RFC 7636), a fresh state compared ordinally, one code exchanged once.
    /// </summary>
    internal static class LoopbackConsent
    {
        public static async Task<ConsentOutcome> RunAsync(OAuthClient client, ConnectOptions connect, IBrowserLauncher browser, TokenEndpoint tokens,
            CancellationToken cancellationToken)
        {
            var pkce = Pkce.Create();
            var state = Base64Url.RandomToken(32);
            using (var receiver = LoopbackCodeReceiver.Start(state, client.Registration.RedirectPath))
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
                    // Incremental authorization: the new grant keeps the scopes granted before (the engine also asks for them again).
                    IncludeGrantedScopes = "true",
                }.Build();

                EngineLog.Verbose("Waiting for the consent redirect on " + receiver.RedirectUri + " (up to " + (int)connect.Timeout.TotalSeconds + " s).");
                var opened = connect.OpenBrowser && browser.TryOpen(url);
                var paste = opened ? null : connect.ReadPastedAddress;
                EngineLog.Information(opened
                    ? "A browser was opened to sign in to YouTube. If none appeared, open this URL on this machine: " + url.AbsoluteUri
                    : "Open this URL in a browser to sign in to YouTube: " + url.AbsoluteUri + Environment.NewLine +
                      (paste == null
                          ? "From another machine, forward port " + receiver.RedirectUri.Port + " with ssh -L first."
                          : "If the browser is on another machine, it ends on an error page at " + receiver.RedirectUri.GetLeftPart(UriPartial.Authority) +
                            "/...: paste that whole address here and press Enter. On this machine, press Enter once the browser says you are signed in."));

                AuthorizationCallback callback;
                using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    if (paste != null)
                    {
                        // On a pool thread: a reader may block (console input often does), and the wait must not.
                        _ = Task.Run(() => ReadPastedAsync(receiver, paste, reading.Token));
                    }

                    try
                    {
                        callback = await WaitAsync(receiver, connect, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        reading.Cancel(); // the answer is in: stop asking for one
                    }
                }

                RequireIssuer(callback, client.Endpoints, connect.Profile);
                if (callback.Error != null)
                {
                    var said = callback.Error + (string.IsNullOrEmpty(callback.ErrorDescription) ? string.Empty : ": " + callback.ErrorDescription);
                    if (callback.Error != "access_denied")
                    {
                        throw new YtOAuthException(ErrorCode.TokenRequestFailed,
                            "The authorization server refused the sign-in (" + said + "). Check the OAuth client's registration: its type, redirect URIs and allowed scopes.", connect.Profile);
                    }

                    EngineLog.Verbose("Consent was declined: " + said + ".");
                    return ConsentOutcome.Refused(said);
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
                        "). Codes are single-use and live for minutes; sign in again.", connect.Profile, e)
                    {
                        Remedy = new Remedy(RemedyKind.AllowMoreTime, connect.Profile),
                    };
                }

                var granted = grant.Scopes.Length > 0 ? grant.Scopes : Scopes.Parse(callback.Scope);
                return ConsentOutcome.Granting(grant, granted.Length > 0 ? granted : connect.Scopes.ToArray());
            }
        }

        /// <summary>Offers what the user pastes to the listener until one address is accepted, the input ends, or the wait is over.</summary>
        private static async Task ReadPastedAsync(LoopbackCodeReceiver receiver, Func<CancellationToken, Task<string?>> read, CancellationToken cancellationToken)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var line = await read(cancellationToken).ConfigureAwait(false);
                    if (line == null)
                    {
                        return; // no more input: the loopback redirect may still come
                    }

                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    var refused = receiver.AcceptPasted(line);
                    if (refused == null)
                    {
                        return;
                    }

                    EngineLog.Warning(refused + " Still waiting for the sign-in.");
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>
        /// RFC 9207: an authorization response that names another issuer than the one asked, or none where the server
        /// promised one, may come from a mix-up attack; it is refused before any code is exchanged.
        /// </summary>
        private static void RequireIssuer(AuthorizationCallback callback, GoogleEndpoints endpoints, string profile)
        {
            var expected = endpoints.Issuer?.TrimEnd('/');
            var sent = callback.Issuer?.TrimEnd('/');
            if (expected != null && (sent != null ? !string.Equals(sent, expected, StringComparison.Ordinal) : endpoints.IssuerInResponses))
            {
                throw new YtOAuthException(ErrorCode.IssuerMismatch,
                    "The sign-in answer " + (sent == null ? "named no issuer, though " + expected + " promises one" : "came from issuer '" + sent + "', not from " + expected) +
                    " (RFC 9207), so it was refused and nothing was exchanged. Check that nothing else answers on this machine's sign-in, then sign in again.", profile);
            }
        }

        private static async Task<AuthorizationCallback> WaitAsync(LoopbackCodeReceiver receiver, ConnectOptions connect, CancellationToken cancellationToken)
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(connect.Timeout);
                try
                {
                    return await receiver.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Redirects with a foreign state were refused while waiting: a possible forgery, not a slow user.
                    var refused = receiver.RefusedCallbacks;
                    var waited = connect.Timeout.TotalMinutes >= 1 ? ((int)connect.Timeout.TotalMinutes) + " minute(s)" : ((int)connect.Timeout.TotalSeconds) + " second(s)";
                    if (refused > 0)
                    {
                        throw new YtOAuthException(ErrorCode.StateMismatch,
                            "No sign-in completed within " + waited + ". " + refused + " redirect(s) arrived with a state that did not match this request and were refused; " +
                            "nothing was exchanged. Start the sign-in again and finish it in the browser it opens.", connect.Profile);
                    }

                    throw new YtOAuthException(ErrorCode.ConsentTimeout, "No sign-in completed within " + waited + ".", connect.Profile)
                    {
                        Remedy = new Remedy(RemedyKind.AllowMoreTime, connect.Profile),
                    };
                }
            }
        }
    }
}
