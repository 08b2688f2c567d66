using System.Net;
using System.Text;
using System.Text.Json;

namespace YtOAuth.Emulator;

/// <summary>Google's token, revocation and device-authorization endpoints as a desktop or TV client meets them.</summary>
internal static class TokenEndpoints
{
    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapPost("/token", (HttpContext context) => Token(context, emulator));
        app.MapPost("/revoke", (HttpContext context) => RevocationEndpoint.Revoke(context, emulator));
        app.MapPost("/device/code", (HttpContext context) => DeviceAuthorizationEndpoint.DeviceCode(context, emulator));
        // Google publishes its endpoints as OpenID discovery metadata; so does the emulator, under its own address.
        app.MapGet("/.well-known/openid-configuration", () =>
        {
            var issuer = emulator.Issuer;
            return Results.Json(new
            {
                issuer,
                authorization_endpoint = issuer + "/o/oauth2/v2/auth",
                token_endpoint = issuer + "/token",
                revocation_endpoint = issuer + "/revoke",
                device_authorization_endpoint = issuer + "/device/code",
                code_challenge_methods_supported = new[] { "plain", "S256" },
                authorization_response_iss_parameter_supported = emulator.Settings.IssuerInResponses != null,
            });
        });
    }

    private static async Task Token(HttpContext context, GoogleEmulator emulator)
    {
        if (context.Request.HasFormContentType == false)
        {
            await Json(context, 400, new { error = "invalid_request", error_description = "Expected a form body." });
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var grantType = form["grant_type"].ToString();
        emulator.Counters.Add("token");
        emulator.Counters.Add("token:" + grantType);
        if (emulator.Settings.TokenDelay > TimeSpan.Zero)
        {
            try
            {
                await emulator.DelayAsync(emulator.Settings.TokenDelay, context);
            }
            catch (OperationCanceledException)
            {
                return; // the client went away
            }
        }

        if (await FaultInjection.ApplyAsync(emulator, context, FaultTarget.Token))
        {
            return;
        }

        var client = await AuthenticateClientAsync(context, emulator, form);
        if (client == null)
        {
            return;
        }

        switch (grantType)
        {
            case "authorization_code":
                await ExchangeCode(context, emulator, client, form);
                return;
            case "refresh_token":
                await Refresh(context, emulator, client, form["refresh_token"].ToString());
                return;
            case "urn:ietf:params:oauth:grant-type:device_code":
                await DevicePoll(context, emulator, client, form["device_code"].ToString());
                return;
            default:
                await Json(context, 400, new { error = "unsupported_grant_type", error_description = "Invalid grant_type: " + grantType });
                return;
        }
    }

    /// <summary>The client named by client_id, if client_secret matches; otherwise answers as Google does and returns null.</summary>
    private static async Task<EmulatedClient?> AuthenticateClientAsync(HttpContext context, GoogleEmulator emulator, IFormCollection form)
    {
        if (!emulator.State.Clients.TryGetValue(form["client_id"].ToString(), out var client))
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "The OAuth client was not found." });
            return null;
        }

        if (string.IsNullOrEmpty(form["client_secret"]))
        {
            await Json(context, 400, new { error = "invalid_request", error_description = "client_secret is missing." });
            return null;
        }

        if (form["client_secret"] != client.ClientSecret)
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "Unauthorized" });
            return null;
        }

        return client;
    }

    /// <summary>A code for tokens: once only, before it expires, with the same redirect_uri and the PKCE verifier.</summary>
    private static async Task ExchangeCode(HttpContext context, GoogleEmulator emulator, EmulatedClient client, IFormCollection form)
    {
        var state = emulator.State;
        if (!state.Codes.TryGetValue(form["code"].ToString(), out var code) || code.Request.ClientId != client.ClientId || code.ExpiresUtc < state.Now)
        {
            await Json(context, 400, new { error = "invalid_grant", error_description = "Malformed auth code." });
            return;
        }

        bool replayed;
        lock (code)
        {
            replayed = code.Used;
            code.Used = true;
        }

        if (replayed)
        {
            await Json(context, 400, new { error = "invalid_grant", error_description = "Bad Request" });
            return;
        }

        if (form["redirect_uri"] != code.Request.RedirectUri)
        {
            await Json(context, 400, new { error = "redirect_uri_mismatch", error_description = "Bad Request" });
            return;
        }

        if (code.Request.Challenge != null)
        {
            var verifier = state.Remember(form["code_verifier"].ToString());
            if (verifier.Length == 0)
            {
                await Json(context, 400, new { error = "invalid_grant", error_description = "Missing code verifier." });
                return;
            }

            var computed = code.Request.ChallengeMethod == "S256" ? OAuthState.S256(verifier) : verifier;
            if (computed != code.Request.Challenge)
            {
                await Json(context, 400, new { error = "invalid_grant", error_description = "Invalid code verifier." });
                return;
            }
        }

        var lifetime = emulator.Settings.AccessTokenLifetime;
        var (access, refresh) = state.IssueGrant(client.ClientId, code.Granted, emulator.Data.ChannelId, lifetime);
        await Json(context, 200, TokenAnswer(emulator, access, state.RefreshTokens[refresh], refresh));
    }

    /// <summary>
    /// A token answer as Google's: the scope field names scopes as Google grants them (email and profile as
    /// userinfo.email and userinfo.profile); refresh_token_expires_in, the seconds the grant has left, whenever it is
    /// time-limited (604,799 for an app in Testing).
    /// </summary>
    private static System.Collections.Generic.Dictionary<string, object> TokenAnswer(GoogleEmulator emulator, string access, Grant grant, string? refreshToken)
    {
        var answer = new System.Collections.Generic.Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = (int)emulator.Settings.AccessTokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(" ", grant.Scopes),
        };
        if (refreshToken != null)
        {
            answer["refresh_token"] = refreshToken;
        }

        if (emulator.Settings.RefreshTokenLifetime is { } life)
        {
            answer["refresh_token_expires_in"] = Math.Max(1, (int)(grant.ConsentUtc + life - emulator.State.Now).TotalSeconds);
        }

        return answer;
    }

    /// <summary>A refresh token for a new access token; with rotation on, for a new refresh token too (the old one dies).</summary>
    private static async Task Refresh(HttpContext context, GoogleEmulator emulator, EmulatedClient client, string refreshToken)
    {
        var state = emulator.State;
        var settings = emulator.Settings;
        if (!state.RefreshTokens.TryGetValue(refreshToken, out var grant) || grant.Revoked || grant.ClientId != client.ClientId || grant.RefreshToken != refreshToken ||
            (settings.RefreshTokenLifetime is { } life && grant.ConsentUtc + life < state.Now))
        {
            await Json(context, 400, new { error = "invalid_grant", error_description = "Token has been expired or revoked." });
            return;
        }

        if (settings.ReauthenticationSubtype is { } subtype)
        {
            // A Workspace session policy: the grant stands, but the user must sign in again.
            await Json(context, 400, new { error = "invalid_grant", error_description = "reauth related error (" + subtype + ")", error_subtype = subtype });
            return;
        }

        string? rotated = null;
        if (settings.RotateRefreshTokens)
        {
            state.RefreshTokens.TryRemove(grant.RefreshToken, out _);
            grant.RefreshToken = rotated = state.Remember(OAuthState.NewToken("1//rt-"));
            state.RefreshTokens[rotated] = grant;
        }

        var access = state.IssueAccess(grant, settings.AccessTokenLifetime);
        await Json(context, 200, TokenAnswer(emulator, access, grant, rotated));
    }

    private static async Task DevicePoll(HttpContext context, GoogleEmulator emulator, EmulatedClient client, string deviceCode)
    {
        var state = emulator.State;
        if (!state.DeviceCodes.TryGetValue(deviceCode, out var request) || request.ClientId != client.ClientId || request.Redeemed)
        {
            await Json(context, 400, new { error = "invalid_grant", error_description = "Bad Request" });
            return;
        }

        var now = state.Now;
        if (request.ExpiresUtc < now)
        {
            await Json(context, 400, new { error = "expired_token", error_description = "Bad Request" });
            return;
        }

        var tooSoon = request.LastPollUtc is { } last && now - last < TimeSpan.FromSeconds(emulator.Settings.DeviceInterval) - TimeSpan.FromMilliseconds(200);
        request.LastPollUtc = now;
        if (tooSoon)
        {
            await Json(context, 403, new { error = "slow_down", error_description = "Forbidden" });
            return;
        }

        switch (request.Decision)
        {
            case null:
                await Json(context, 428, new { error = "authorization_pending", error_description = "Precondition Required" });
                return;
            case "deny":
                await Json(context, 403, new { error = "access_denied", error_description = "Forbidden" });
                return;
        }

        request.Redeemed = true;
        var (access, refresh) = state.IssueGrant(client.ClientId, request.Scopes, emulator.Data.ChannelId, emulator.Settings.AccessTokenLifetime);
        await Json(context, 200, TokenAnswer(emulator, access, state.RefreshTokens[refresh], refresh));
    }

    private static Task Json(HttpContext context, int status, object body) => JsonAnswer.Write(context, status, body);
}
