using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>What the Data and Analytics endpoints share: who is calling, the quota, and Google's answer shapes.</summary>
internal static class ApiResponses
{
    private const string Auth = "https://www.googleapis.com/auth/";
    public static readonly string[] DataScopes = { Auth + "youtube", Auth + "youtube.force-ssl", Auth + "youtube.readonly", Auth + "youtubepartner" };
    public static readonly string[] AnalyticsScopes = { Auth + "yt-analytics.readonly", Auth + "yt-analytics-monetary.readonly" };
    public static readonly string[] ReadScopes = { Auth + "youtube", Auth + "youtube.readonly" };
    /// <summary>What the write methods (videos.update, playlists.*, playlistItems.*) accept: neither readonly nor upload.</summary>
    public static readonly string[] WriteScopes = { Auth + "youtube", Auth + "youtube.force-ssl", Auth + "youtubepartner" };
    /// <summary>What videos.insert and thumbnails.set accept (the discovery document's lists).</summary>
    public static readonly string[] UploadScopes = { Auth + "youtube", Auth + "youtube.force-ssl", Auth + "youtube.upload", Auth + "youtubepartner" };
    public const string MonetaryScope = Auth + "yt-analytics-monetary.readonly";

    /// <summary>The caller: a grant behind a bearer token, or an API key (public data only).</summary>
    public sealed record Caller(Grant? Grant, bool ByKey);

    public static async Task<Caller?> Authenticate(HttpContext context, GoogleEmulator emulator, string[] anyOf, string[]? alsoOneOf)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = context.Request.Query["key"].ToString();
        if (header.Length == 0 && key.Length > 0)
        {
            if (key != emulator.Data.ApiKey)
            {
                await Error(context, 400, "keyInvalid", "usageLimits", "API key not valid. Please pass a valid API key.");
                return null;
            }

            if (await RefuseIfDisabled(context, emulator))
            {
                return null;
            }

            return new Caller(null, true);
        }

        var token = LiveToken(emulator, header);
        if (token == null)
        {
            await AuthError(context);
            return null;
        }

        // The token names its client, and so the Cloud project; an API the project has not enabled refuses it.
        if (await RefuseIfDisabled(context, emulator))
        {
            return null;
        }

        if (!token.Grant.Scopes.Any(anyOf.Contains) || (alsoOneOf != null && !token.Grant.Scopes.Any(alsoOneOf.Contains)))
        {
            await Error(context, 403, "insufficientPermissions", "global", "Request had insufficient authentication scopes.");
            return null;
        }

        return new Caller(token.Grant, false);
    }

    /// <summary>The live access token an Authorization header carries; null when it is missing, unknown, expired or revoked.</summary>
    public static AccessToken? LiveToken(GoogleEmulator emulator, string header) =>
        header.StartsWith("Bearer ", StringComparison.Ordinal) && emulator.State.AccessTokens.TryGetValue(header[7..], out var token) &&
        !token.Grant.Revoked && token.ExpiresUtc > emulator.State.Now ? token : null;

    /// <summary>Which API a request is for: "analytics" under /v2/, "data" otherwise.</summary>
    public static string ApiOf(HttpContext context) => context.Request.Path.StartsWithSegments("/v2") ? "analytics" : "data";

    private static async Task<bool> RefuseIfDisabled(HttpContext context, GoogleEmulator emulator)
    {
        if (!emulator.Settings.DisabledApis.ContainsKey(ApiOf(context)))
        {
            return false;
        }

        await ServiceDisabled(context, ApiOf(context));
        return true;
    }

    /// <summary>
    /// Google's answer for an API the project has not enabled: 403, reason accessNotConfigured (domain usageLimits),
    /// status PERMISSION_DENIED, a message with "Enable it by visiting", and details with a Help link and an ErrorInfo
    /// of reason SERVICE_DISABLED naming the service.
    /// </summary>
    public static Task ServiceDisabled(HttpContext context, string api)
    {
        const string Project = "123456789012";
        var (service, title) = api == "analytics" ? ("youtubeanalytics.googleapis.com", "YouTube Analytics API") : ("youtube.googleapis.com", "YouTube Data API v3");
        var activation = "https://console.developers.google.com/apis/api/" + service + "/overview?project=" + Project;
        var message = title + " has not been used in project " + Project + " before or it is disabled. Enable it by visiting " + activation +
                      " then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";
        return Send(context, 403, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 403,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "usageLimits", ["reason"] = "accessNotConfigured", ["extendedHelp"] = "https://console.developers.google.com" }),
                ["status"] = "PERMISSION_DENIED",
                ["details"] = new JsonArray(
                    new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo", ["reason"] = "SERVICE_DISABLED", ["domain"] = "googleapis.com",
                        ["metadata"] = new JsonObject
                        {
                            ["service"] = service, ["serviceTitle"] = title, ["consumer"] = "projects/" + Project, ["containerInfo"] = Project, ["activationUrl"] = activation,
                        },
                    },
                    new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.Help",
                        ["links"] = new JsonArray(new JsonObject { ["description"] = "Google developers console API activation", ["url"] = activation }),
                    }),
            },
        }, applyFields: false);
    }

    public static bool SpendQuota(GoogleEmulator emulator, long cost = 1)
    {
        // Google's quota day turns at midnight Pacific time.
        var day = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(emulator.State.Now, "America/Los_Angeles").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return emulator.Quota.TrySpend(day, emulator.Settings.DailyQuota, cost);
    }

    /// <summary>
    /// Google's error body (§4): error.code, message, errors[].reason/domain, status. A summary is error.message when
    /// Google words it apart from the detail (its 503 says "Service Unavailable"); null: the same.
    /// </summary>
    public static Task Error(HttpContext context, int status, string reason, string domain, string message, string? location = null, string? summary = null,
        string locationType = "header")
    {
        var detail = new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason };
        if (location != null)
        {
            detail["location"] = location;
            detail["locationType"] = locationType;
        }

        var grpc = status switch
        {
            400 => "INVALID_ARGUMENT", 401 => "UNAUTHENTICATED", 403 => "PERMISSION_DENIED", 404 => "NOT_FOUND", 413 => "FAILED_PRECONDITION", 429 => "RESOURCE_EXHAUSTED",
            500 => "INTERNAL", _ => "UNAVAILABLE",
        };
        return Send(context, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = summary ?? message, ["errors"] = new JsonArray(detail), ["status"] = grpc },
        }, applyFields: false);
    }

    /// <summary>Google's 503 backendError, worded as its client libraries record it.</summary>
    public static Task BackendError(HttpContext context) => Error(context, 503, "backendError", "global",
        "We encountered an internal error. Please try again using truncated exponential backoff.", summary: "Service Unavailable");

    /// <summary>Google's 401 for a missing, unknown, expired or revoked bearer token.</summary>
    public static Task AuthError(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\"";
        return Error(context, 401, "authError", "global", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
            location: "Authorization");
    }

    /// <summary>Writes JSON, trimmed by the fields parameter. The response compression middleware gzips it when the client asks.</summary>
    public static Task Send(HttpContext context, int status, JsonObject body, bool applyFields = true)
    {
        var fields = context.Request.Query["fields"].ToString();
        JsonNode output = applyFields && fields.Length > 0 ? FieldsFilter.Apply(body, fields) : body;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(output.ToJsonString());
    }

    /// <summary>Writes a JSON answer already made (with no fields trimming).</summary>
    public static Task SendBytes(HttpContext context, byte[] json)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.Body.WriteAsync(json, 0, json.Length);
    }
}
