using System.Text.Json;

namespace YtOAuth.Emulator;

/// <summary>A JSON answer as Google's OAuth endpoints send one: the status, JSON content type, and the body serialized as it is.</summary>
internal static class JsonAnswer
{
    public static Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
