namespace YtOAuth.Emulator;

/// <summary>Google's device authorization endpoint: a device code and user code for clients of type TVs and Limited Input devices, and only the scopes Google allows them.</summary>
internal static class DeviceAuthorizationEndpoint
{
    private static readonly string[] DeviceScopes =
    {
        "openid", "email", "profile", "https://www.googleapis.com/auth/youtube", "https://www.googleapis.com/auth/youtube.readonly",
    };

    public static async Task DeviceCode(HttpContext context, GoogleEmulator emulator)
    {
        emulator.Counters.Add("device/code");
        if (await FaultInjection.ApplyAsync(emulator, context, FaultTarget.DeviceCode))
        {
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (!emulator.State.Clients.TryGetValue(form["client_id"].ToString(), out var client))
        {
            await Json(context, 401, new { error = "invalid_client", error_description = "The OAuth client was not found." });
            return;
        }

        if (!client.IsDeviceClient)
        {
            // Google's answer to a Desktop (or any other) client: only "TVs and Limited Input devices" clients may use the device flow.
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

    private static Task Json(HttpContext context, int status, object body) => JsonAnswer.Write(context, status, body);
}
