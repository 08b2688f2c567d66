namespace YtOAuth.Emulator;

/// <summary>Google's revocation endpoint: a token ends its grant, answered as Google answers.</summary>
internal static class RevocationEndpoint
{
    public static async Task Revoke(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("revoke");
        if (await FaultInjection.ApplyAsync(emulator, context, FaultTarget.Revoke))
        {
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        // Google's revocation takes the token alone; count what else a client sends, so tests can see it sends nothing more.
        foreach (var field in (form?.Keys ?? Enumerable.Empty<string>()).Concat(context.Request.Query.Keys).Where(k => k != "token"))
        {
            emulator.Counters.Add("revoke:extra:" + field);
            if (field == "client_secret" && form != null)
            {
                emulator.State.Remember(form[field].ToString());
            }
        }

        var token = form != null ? form["token"].ToString() : context.Request.Query["token"].ToString();
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

    private static Task Json(HttpContext context, int status, object body) => JsonAnswer.Write(context, status, body);
}
