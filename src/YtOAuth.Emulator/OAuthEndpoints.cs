using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace YtOAuth.Emulator;

/// <summary>Google's OAuth endpoints as a desktop or TV client meets them: consent page, token, revoke, device flow.</summary>
internal static class OAuthEndpoints
{
    private static readonly string[] DeviceScopes =
    {
        "openid", "email", "profile", "https://www.googleapis.com/auth/youtube", "https://www.googleapis.com/auth/youtube.readonly",
    };

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        var state = emulator.State;
        app.MapGet("/o/oauth2/v2/auth", (Delegate)((HttpContext context) => Authorize(context, emulator)));
        app.MapPost("/o/oauth2/v2/auth/consent", (Delegate)((HttpContext context) => Decide(context, emulator)));
        app.MapPost("/token", (HttpContext context) => Token(context, emulator));
        app.MapPost("/revoke", (HttpContext context) => Revoke(context, emulator));
        app.MapPost("/device/code", (HttpContext context) => DeviceCode(context, emulator));
        app.MapGet("/device", () => Results.Content(Page("Connect a device",
            "<form method=\"post\" action=\"/device\"><label>Code <input name=\"user_code\" id=\"user_code\"></label> " +
            "<button name=\"decision\" value=\"allow\" id=\"allow\">Allow</button> <button name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form>"), "text/html"));
        app.MapPost("/device", (Delegate)(async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var request = state.DeviceCodes.Values.FirstOrDefault(d => d.UserCode == form["user_code"].ToString());
            if (request == null)
            {
                return Results.Content(Page("Unknown code", "That code is not valid."), "text/html", statusCode: 400);
            }

            request.Decision = form["decision"] == "allow" ? "allow" : "deny";
            return Results.Content(Page("Done", "You may close this page."), "text/html");
        }));
    }

    private static IResult Authorize(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("auth");
        var q = context.Request.Query;
        if (!emulator.State.Clients.TryGetValue(q["client_id"].ToString(), out var client))
        {
            return ErrorPage(401, "invalid_client", "The OAuth client was not found.");
        }

        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme != "http" ||
            !(redirectUri.Host is "127.0.0.1" or "[::1]" or "localhost"))
        {
            return ErrorPage(400, "redirect_uri_mismatch", "Desktop clients must redirect to a loopback address (http://127.0.0.1:port).");
        }

        if (q["response_type"] != "code")
        {
            return ErrorPage(400, "invalid_request", "response_type must be code.");
        }

        var scopes = q["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0)
        {
            return ErrorPage(400, "invalid_request", "Missing required parameter: scope");
        }

        var challenge = q["code_challenge"].ToString();
        var method = q["code_challenge_method"].ToString();
        if (challenge.Length > 0 && method.Length == 0)
        {
            method = "plain"; // Google's default when a challenge comes without a method
        }

        if (method.Length > 0 && method is not ("S256" or "plain"))
        {
            return ErrorPage(400, "invalid_request", "Invalid code_challenge_method.");
        }

        var consent = new PendingConsent(client.ClientId, redirect, scopes, q.ContainsKey("state") ? q["state"].ToString() : null,
            challenge.Length > 0 ? challenge : null, method);
        if (emulator.Settings.AutoApprove)
        {
            return Results.Redirect(IssueCodeRedirect(emulator, consent, scopes));
        }

        var id = OAuthState.NewToken("consent-", 16);
        emulator.State.Consents[id] = consent;
        var rows = string.Join("", scopes.Select((s, i) =>
            $"<li><label><input type=\"checkbox\" name=\"scope\" value=\"{WebUtility.HtmlEncode(s)}\" id=\"scope{i}\" checked> {WebUtility.HtmlEncode(s)}</label></li>"));
        var hint = q["login_hint"].ToString();
        return Results.Content(Page("YtOAuth Emulator wants to access your Google Account",
            (hint.Length > 0 ? $"<p>Signing in as {WebUtility.HtmlEncode(hint)}</p>" : "") +
            $"<p>Client <code>{WebUtility.HtmlEncode(client.ClientId)}</code> asks for:</p>" +
            $"<form method=\"post\" action=\"/o/oauth2/v2/auth/consent\"><input type=\"hidden\" name=\"consent_id\" value=\"{id}\"><ul>{rows}</ul>" +
            "<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button> " +
            "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form>"), "text/html");
    }

    private static async Task<IResult> Decide(HttpContext context, GoogleEmulator emulator)
    {
        var form = await context.Request.ReadFormAsync();
        if (!emulator.State.Consents.TryRemove(form["consent_id"].ToString(), out var consent))
        {
            return ErrorPage(400, "invalid_request", "This consent request is unknown or was already answered.");
        }

        var ticked = form["scope"].Select(s => s!).Where(consent.Scopes.Contains).ToArray();
        if (form["decision"] != "allow" || ticked.Length == 0)
        {
            return Results.Redirect(Append(consent.RedirectUri, ("error", "access_denied"), ("state", consent.State)));
        }

        return Results.Redirect(IssueCodeRedirect(emulator, consent, ticked));
    }

    private static string IssueCodeRedirect(GoogleEmulator emulator, PendingConsent consent, string[] granted)
    {
        var code = emulator.State.Remember(OAuthState.NewToken("4/code-"));
        emulator.State.Codes[code] = new IssuedCode(consent, granted, emulator.State.Now.AddMinutes(10));
        // Google adds keys such as authuser and prompt; clients must ignore what they do not know.
        return Append(consent.RedirectUri, ("state", consent.State), ("code", code), ("scope", string.Join(" ", granted)), ("authuser", "0"), ("prompt", "consent"));
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

        if (await emulator.ApplyFaultAsync(context, FaultTarget.Token))
        {
            return;
        }

        var state = emulator.State;
        if (!state.Clients.TryGetValue(form["client_id"].ToString(), out var client))
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "The OAuth client was not found." });
            return;
        }

        if (string.IsNullOrEmpty(form["client_secret"]))
        {
            await Json(context, 400, new { error = "invalid_request", error_description = "client_secret is missing." });
            return;
        }

        if (form["client_secret"] != client.ClientSecret)
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "Unauthorized" });
            return;
        }

        var settings = emulator.Settings;
        switch (grantType)
        {
            case "authorization_code":
            {
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

                var (access, refresh) = state.IssueGrant(client.ClientId, code.Granted, emulator.Data.ChannelId, settings.AccessTokenLifetime);
                await Json(context, 200, new
                {
                    access_token = access, expires_in = (int)settings.AccessTokenLifetime.TotalSeconds, token_type = "Bearer",
                    scope = string.Join(" ", code.Granted), refresh_token = refresh,
                });
                return;
            }

            case "refresh_token":
            {
                if (!state.RefreshTokens.TryGetValue(form["refresh_token"].ToString(), out var grant) || grant.Revoked || grant.ClientId != client.ClientId ||
                    grant.RefreshToken != form["refresh_token"] ||
                    (settings.RefreshTokenLifetime is { } life && grant.ConsentUtc + life < state.Now))
                {
                    await Json(context, 400, new { error = "invalid_grant", error_description = "Token has been expired or revoked." });
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
                await Json(context, 200, rotated == null
                    ? new { access_token = access, expires_in = (int)settings.AccessTokenLifetime.TotalSeconds, token_type = "Bearer", scope = string.Join(" ", grant.Scopes) }
                    : (object)new { access_token = access, expires_in = (int)settings.AccessTokenLifetime.TotalSeconds, token_type = "Bearer", scope = string.Join(" ", grant.Scopes), refresh_token = rotated });
                return;
            }

            case "urn:ietf:params:oauth:grant-type:device_code":
                await DevicePoll(context, emulator, client, form["device_code"].ToString());
                return;

            default:
                await Json(context, 400, new { error = "unsupported_grant_type", error_description = "Invalid grant_type: " + grantType });
                return;
        }
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
        await Json(context, 200, new
        {
            access_token = access, expires_in = (int)emulator.Settings.AccessTokenLifetime.TotalSeconds, token_type = "Bearer",
            scope = string.Join(" ", request.Scopes), refresh_token = refresh,
        });
    }

    private static async Task Revoke(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("revoke");
        if (await emulator.ApplyFaultAsync(context, FaultTarget.Revoke))
        {
            return;
        }

        var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["token"].ToString() : context.Request.Query["token"].ToString();
        var state = emulator.State;
        Grant? grant = state.RefreshTokens.TryGetValue(token, out var g) && !g.Revoked ? g
            : state.AccessTokens.TryGetValue(token, out var a) && !a.Grant.Revoked ? a.Grant : null;
        if (grant == null)
        {
            await Json(context, 400, new { error = "invalid_token", error_description = "Token expired or revoked" });
            return;
        }

        state.Revoke(grant);
        context.Response.StatusCode = 200;
    }

    private static async Task DeviceCode(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("device/code");
        if (await emulator.ApplyFaultAsync(context, FaultTarget.DeviceCode))
        {
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (!emulator.State.Clients.TryGetValue(form["client_id"].ToString(), out var client) || !client.IsDeviceClient)
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "Invalid client type." });
            return;
        }

        var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(s => !DeviceScopes.Contains(s)))
        {
            await Json(context, 400, new { error = "invalid_scope", error_description = "Some requested scopes were invalid." });
            return;
        }

        var deviceCode = emulator.State.Remember(OAuthState.NewToken("AH-device-"));
        var userCode = string.Concat(OAuthState.NewToken("", 6).ToUpperInvariant().Where(char.IsLetter).Take(8)).PadRight(8, 'X').Insert(4, "-");
        emulator.State.DeviceCodes[deviceCode] = new DeviceRequest
        {
            ClientId = client.ClientId, Scopes = scopes, UserCode = userCode, ExpiresUtc = emulator.State.Now.AddMinutes(30),
        };
        await Json(context, 200, new
        {
            device_code = deviceCode, user_code = userCode, verification_url = emulator.BaseUri + "device",
            expires_in = 1800, interval = emulator.Settings.DeviceInterval,
        });
    }

    internal static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Append(string uri, params (string Key, string? Value)[] pairs)
    {
        var sb = new StringBuilder(uri);
        var separator = uri.Contains('?') ? '&' : '?';
        foreach (var (key, value) in pairs.Where(p => p.Value != null))
        {
            sb.Append(separator).Append(key).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return sb.ToString();
    }

    private static IResult ErrorPage(int status, string error, string text) =>
        Results.Content(Page("Error " + status + ": " + error, WebUtility.HtmlEncode(text)), "text/html", statusCode: status);

    internal static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body style=\"font-family:sans-serif;max-width:44em;margin:3em auto\"><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</body></html>";
}
