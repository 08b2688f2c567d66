using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Util;
using YtOAuth.Engine.Diagnostics;

namespace YtOAuth.Engine.OAuth.Consent
{
    /// <summary>
    /// The device flow (RFC 8628 in Google's dialect): the user enters a code at Google's device page on any other
    /// device while this one polls. Google allows only some scopes here (not Analytics).
    /// </summary>
    internal static class DeviceConsent
    {
        /// <summary>Refuses, before any call, scopes Google never grants in the device flow.</summary>
        public static void RequireAllowedScopes(ConnectOptions connect)
        {
            var refused = connect.Scopes.Where(s => !Scopes.DeviceFlowAllowed.Contains(s)).ToList();
            if (refused.Count > 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "Google's device flow cannot grant " + string.Join(", ", refused.Select(Scopes.ShortName)) + " (it allows only YouTube ReadOnly and Manage).", connect.Profile)
                {
                    Remedy = new Remedy(RemedyKind.UseBrowserFlow, connect.Profile, scopes: new[] { Scopes.ShortName(Scopes.YouTubeReadOnly) }),
                };
            }
        }

        public static async Task<ConsentOutcome> RunAsync(OAuthClient client, ConnectOptions connect, TokenEndpoint tokens, IClock clock,
            Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken)
        {
            var device = await tokens.StartDeviceAuthorizationAsync(client, connect.Scopes, cancellationToken).ConfigureAwait(false);
            EngineLog.Information("To sign in, open " + device.VerificationUrl + " on any device and enter the code " + device.UserCode);
            var deadline = clock.UtcNow + (device.ExpiresIn < connect.Timeout ? device.ExpiresIn : connect.Timeout);
            var interval = device.Interval;
            while (true)
            {
                await delay(interval, cancellationToken).ConfigureAwait(false);
                if (clock.UtcNow > deadline)
                {
                    throw new YtOAuthException(ErrorCode.ConsentTimeout, "The device code was not confirmed in time; sign in again and enter the new code promptly.", connect.Profile)
                    {
                        Remedy = new Remedy(RemedyKind.AllowMoreTime, connect.Profile),
                    };
                }

                try
                {
                    var grant = await tokens.PollDeviceAsync(client, device, cancellationToken).ConfigureAwait(false);
                    return ConsentOutcome.Granting(grant, grant.Scopes.Length > 0 ? grant.Scopes : connect.Scopes.ToArray());
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
                            return ConsentOutcome.Refused("access_denied");
                        case "expired_token":
                            throw new YtOAuthException(ErrorCode.ConsentTimeout, "The device code expired before it was confirmed; sign in again.", connect.Profile, e)
                            {
                                Remedy = new Remedy(RemedyKind.AllowMoreTime, connect.Profile),
                            };
                        case "invalid_client":
                            throw new YtOAuthException(ErrorCode.ClientRejected,
                                "Google refused the client for the device flow (" + e.Description + "). The device flow needs an OAuth client of type 'TVs and Limited Input devices'.", client.ClientId, e);
                        default:
                            throw new YtOAuthException(ErrorCode.TokenRequestFailed, "The device sign-in failed: " + e.Message + ".", connect.Profile, e);
                    }
                }
            }
        }
    }
}
