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
                var opened = connect.OpenBrowser && browser.TryOpen(url);
                EngineLog.Information(opened
                    ? "A browser was opened to sign in to YouTube. If none appeared, open this URL on this machine: " + url.AbsoluteUri
                    : "Open this URL in a browser on this machine to sign in to YouTube (from another machine, forward port " + receiver.RedirectUri.Port + " with ssh -L first): " + url.AbsoluteUri);

                var callback = await WaitAsync(receiver, connect, cancellationToken).ConfigureAwait(false);
                if (callback.Error != null)
                {
                    EngineLog.Verbose("Consent was declined: " + callback.Error + ".");
                    return ConsentOutcome.Refused(callback.Error);
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
