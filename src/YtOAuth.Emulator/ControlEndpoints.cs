namespace YtOAuth.Emulator;

/// <summary>
/// The emulator's own controls under /emulator/, for tests that run it in another process (Pester suites, users'
/// own pipelines): read the request counters, inject faults, revoke or expire what was issued, stop. They are not
/// Google's and exist only here; the emulator listens on 127.0.0.1 alone.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapGet("/emulator/counters", () => Results.Json(new { counts = emulator.Counters.Snapshot(), bytesSent = emulator.Counters.BytesSent, quotaUsed = emulator.Quota.Used, liveGrants = emulator.LiveGrantCount }));
        app.MapPost("/emulator/counters/reset", () => { emulator.Counters.Reset(); return Results.NoContent(); });
        app.MapPost("/emulator/revoke-all", () => { emulator.RevokeAllGrants(); return Results.NoContent(); });
        app.MapPost("/emulator/expire-access-tokens", () => { emulator.ExpireAccessTokens(); return Results.NoContent(); });
        app.MapPost("/emulator/stop", () => { emulator.RequestStop(); return Results.NoContent(); });
        // POST /emulator/grants?scope=URL+URL: a grant as if the user had consented (default: YouTube read-only and Analytics),
        // so a test connects unattended with the refresh token, without a browser.
        app.MapPost("/emulator/grants", (Delegate)((HttpContext context) =>
        {
            var scopes = context.Request.Query["scope"].ToString().Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries);
            scopes = scopes.Length > 0 ? scopes : new[] { ApiResponses.ReadScopes[1], ApiResponses.AnalyticsScopes[0] };
            var client = emulator.DesktopClient;
            var (_, refresh) = emulator.State.IssueGrant(client.ClientId, scopes, emulator.Data.ChannelId, emulator.Settings.AccessTokenLifetime);
            return Results.Json(new { client_id = client.ClientId, client_secret = client.ClientSecret, refresh_token = refresh, scope = string.Join(' ', scopes) });
        }));
        // GET /emulator/uploads: sessions started and completed, those still open, and each uploaded video's bytes.
        app.MapGet("/emulator/uploads", () => Results.Json(new
        {
            sessionsStarted = emulator.Uploads.SessionsStarted,
            sessionsCompleted = emulator.Uploads.SessionsCompleted,
            openSessions = emulator.Uploads.OpenSessions.Select(s => new { uploadId = s.UploadId, committed = s.Committed, total = s.Total }),
            videos = emulator.Uploads.Videos.Select(v => new
            {
                id = v.Id, title = v.Title, byteLength = v.ByteLength, sha256 = v.Sha256, channelId = v.ChannelId, completedUtc = v.CompletedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            }),
        }));
        app.MapPost("/emulator/uploads/lose-sessions", () => Results.Json(new { lost = emulator.LoseUploadSessions() }));
        // POST /emulator/faults?target=YouTube&status=403&reason=quotaExceeded&retryAfter=120&count=4&html=true&drop=true&delayMs=500
        // (&body=...&contentType=... answers with exactly that body; with &drop=true the connection is then cut)
        // target=Upload meets upload chunks: &dropAfterBytes=N cuts the connection after N bytes of the chunk,
        // &loseSession=true forgets the session (404), &status=503 or 401 answers Google's body, &delayMs=N slows it.
        app.MapPost("/emulator/faults", (Delegate)((HttpContext context) =>
        {
            var q = context.Request.Query;
            if (!Enum.TryParse<FaultTarget>(q["target"], ignoreCase: true, out var target))
            {
                return Results.BadRequest(new { error = "target must be one of " + string.Join(", ", Enum.GetNames<FaultTarget>()) });
            }

            var fault = new Fault(
                Status: int.TryParse(q["status"], out var status) ? status : 0,
                RetryAfterSeconds: int.TryParse(q["retryAfter"], out var retryAfter) ? retryAfter : null,
                Delay: TimeSpan.FromMilliseconds(int.TryParse(q["delayMs"], out var delay) ? delay : 0),
                DropConnection: q["drop"] == "true",
                HtmlBody: q["html"] == "true",
                Reason: q.ContainsKey("reason") ? q["reason"].ToString() : null,
                Body: q.ContainsKey("body") ? q["body"].ToString() : null,
                ContentType: q.ContainsKey("contentType") ? q["contentType"].ToString() : "application/json; charset=utf-8",
                DropAfterBytes: long.TryParse(q["dropAfterBytes"], out var after) && after >= 0 ? after : null,
                LoseSession: q["loseSession"] == "true");
            fault = fault.DropAfterBytes != null ? fault with { DropConnection = true } : fault;
            var count = int.TryParse(q["count"], out var n) && n > 0 ? n : 1;
            for (var i = 0; i < count; i++)
            {
                emulator.Faults.Add(target, fault);
            }

            return Results.NoContent();
        }));
        // POST /emulator/settings?accessTokenLifetimeSec=60&rotateRefreshTokens=true&dailyQuota=5&autoApprove=false
        //   &testingApp=true (grants end after 604,799 s and token answers say so) &reauthSubtype=invalid_rapt (empty: none)
        //   &disabledApis=data,analytics (empty: none) &processingDelayMs=N (an upload's "processing" time)
        //   &uploadChunkDelayMs=N (every chunk waits) &uploadSessionLifetimeSec=N
        app.MapPost("/emulator/settings", (Delegate)((HttpContext context) =>
        {
            var q = context.Request.Query;
            var settings = emulator.Settings;
            if (int.TryParse(q["accessTokenLifetimeSec"], out var lifetime)) settings.AccessTokenLifetime = TimeSpan.FromSeconds(lifetime);
            if (bool.TryParse(q["rotateRefreshTokens"], out var rotate)) settings.RotateRefreshTokens = rotate;
            if (long.TryParse(q["dailyQuota"], out var quota)) settings.DailyQuota = quota;
            if (bool.TryParse(q["autoApprove"], out var approve)) settings.AutoApprove = approve;
            if (int.TryParse(q["tokenDelayMs"], out var delay)) settings.TokenDelay = TimeSpan.FromMilliseconds(delay);
            if (bool.TryParse(q["testingApp"], out var testing)) settings.TestingApp = testing;
            if (int.TryParse(q["processingDelayMs"], out var processing)) settings.ProcessingDelay = TimeSpan.FromMilliseconds(processing);
            if (int.TryParse(q["uploadChunkDelayMs"], out var chunkDelay)) settings.UploadChunkDelay = TimeSpan.FromMilliseconds(chunkDelay);
            if (int.TryParse(q["uploadSessionLifetimeSec"], out var sessionLife)) settings.UploadSessionLifetime = TimeSpan.FromSeconds(sessionLife);
            if (q.ContainsKey("reauthSubtype")) settings.ReauthenticationSubtype = q["reauthSubtype"].ToString() is { Length: > 0 } subtype ? subtype : null;
            if (q.ContainsKey("disabledApis"))
            {
                settings.DisabledApis.Clear();
                foreach (var api in q["disabledApis"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    settings.DisabledApis[api] = true;
                }
            }
            return Results.NoContent();
        }));
        app.MapDelete("/emulator/faults", () => { emulator.Faults.Clear(); return Results.NoContent(); });
    }
}
