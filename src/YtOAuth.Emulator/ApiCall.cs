namespace YtOAuth.Emulator;

/// <summary>
/// What every Data API request goes through, in one order for reads and writes alike: counted, charged its method's
/// units (refused ones too, as Google counts them), queued faults, the caller and its scopes, the quota, then part.
/// </summary>
internal static class ApiCall
{
    /// <summary>
    /// The caller when the request may go on; null when it was answered (fault, 401, 403, quota, no part). The method
    /// is the counter key after "youtube:" ("playlists" for the list, "playlists.insert" for a write); with needsUser
    /// (a write) an API key alone is "Login Required", as for mine=true.
    /// </summary>
    public static async Task<ApiResponses.Caller?> BeginAsync(HttpContext context, GoogleEmulator emulator, string method, long cost, string[] scopes,
        bool needsPart, bool needsUser = false)
    {
        emulator.Counters.Add("youtube");
        emulator.Counters.Add("youtube:" + method);
        // Google charges every request, failed and refused ones included (its quota page): spend before anything can fail.
        var withinQuota = ApiResponses.SpendQuota(emulator, cost);
        if (await FaultInjection.ApplyAsync(emulator, context, FaultTarget.YouTube))
        {
            return null;
        }

        var caller = await ApiResponses.Authenticate(context, emulator, scopes, null);
        if (caller == null)
        {
            return null;
        }

        if (needsUser && caller.ByKey)
        {
            await ApiResponses.Error(context, 401, "required", "global", "Login Required.", location: "Authorization");
            return null;
        }

        if (!withinQuota)
        {
            await ApiResponses.Error(context, 403, "quotaExceeded", "youtube.quota",
                "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
            return null;
        }

        if (needsPart && string.IsNullOrEmpty(context.Request.Query["part"]))
        {
            await ApiResponses.Error(context, 400, "required", "global", "Required parameter: part", location: "part", locationType: "parameter");
            return null;
        }

        return caller;
    }
}
