using System.Net;
using System.Text;

namespace YtOAuth.Emulator;

/// <summary>Google's consent pages as a person meets them: the authorization page with its tick boxes, Allow and Deny, and the device page.</summary>
internal static class ConsentEndpoints
{
    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        var state = emulator.State;
        app.MapGet("/o/oauth2/v2/auth", (Delegate)((HttpContext context) => Authorize(context, emulator)));
        // The v1 address that Google's downloaded client_secret.json names (auth_uri); Google serves the same consent there.
        app.MapGet("/o/oauth2/auth", (Delegate)((HttpContext context) =>
        {
            emulator.Counters.Add("auth:v1");
            return Authorize(context, emulator);
        }));
        app.MapPost("/o/oauth2/v2/auth/consent", (Delegate)((HttpContext context) => Decide(context, emulator)));
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
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || !client.AllowsRedirect(redirectUri))
        {
            return ErrorPage(400, "redirect_uri_mismatch", "The redirect URI is not registered for this client: a loopback address on any port, with a registered path (" +
                string.Join(", ", client.RedirectUris) + ").");
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
            return Results.Redirect(Append(consent.RedirectUri, ("error", "access_denied"), ("state", consent.State), ("iss", Iss(emulator))));
        }

        return Results.Redirect(IssueCodeRedirect(emulator, consent, ticked));
    }

    private static string IssueCodeRedirect(GoogleEmulator emulator, PendingConsent consent, string[] granted)
    {
        var code = emulator.State.Remember(OAuthState.NewToken("4/code-"));
        emulator.State.Codes[code] = new IssuedCode(consent, granted, emulator.State.Now.AddMinutes(10));
        // Google adds keys such as authuser and prompt; clients must ignore what they do not know.
        return Append(consent.RedirectUri, ("state", consent.State), ("code", code), ("scope", string.Join(" ", OAuthState.AsGranted(granted))), ("authuser", "0"), ("prompt", "consent"), ("iss", Iss(emulator)));
    }

    private static string? Iss(GoogleEmulator emulator) => emulator.Settings.IssuerInResponses switch
    {
        null => null,
        "self" => emulator.Issuer,
        var other => other,
    };

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
