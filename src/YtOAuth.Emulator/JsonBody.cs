using System.Text.Json;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>A write's JSON request body, and the typed reads of its fields that answer Google's "Invalid value" when a type is wrong.</summary>
internal static class JsonBody
{
    /// <summary>The body as a JSON object ({} when empty); Google's 400 parseError when it is not JSON or not an object.</summary>
    public static async Task<(JsonObject? Body, ApiError? Error)> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new JsonObject(), null);
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject body)
            {
                return (body, null);
            }
        }
        catch (JsonException)
        {
            // answered below
        }

        return (null, new ApiError(400, "parseError", "global", "Parse Error"));
    }

    /// <summary>An object field, or null when absent; an error when present but not an object.</summary>
    public static JsonObject? Object(JsonObject parent, string name, string path, ref ApiError? error) =>
        parent[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => Fail<JsonObject>(ApiError.InvalidValue(path, null), ref error),
        };

    /// <summary>A string field, or null when absent or JSON null; an error when of another type.</summary>
    public static string? String(JsonObject? parent, string name, string path, ref ApiError? error)
    {
        var node = parent?[name];
        if (node == null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : Fail<string>(ApiError.InvalidValue(path, null), ref error);
    }

    /// <summary>A boolean field, or null when absent; an error when of another type.</summary>
    public static bool? Bool(JsonObject? parent, string name, string path, ref ApiError? error)
    {
        var node = parent?[name];
        if (node == null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : error == null ? Fail<bool?>(ApiError.InvalidValue(path, null), ref error) : null;
    }

    /// <summary>A field that must be one of <paramref name="allowed"/>, or null when absent.</summary>
    public static string? Enum(JsonObject? parent, string name, string path, string[] allowed, ref ApiError? error)
    {
        var value = String(parent, name, path, ref error);
        if (value != null && !allowed.Contains(value, StringComparer.Ordinal) && error == null)
        {
            error = ApiError.InvalidValue(path, value);
        }

        return value;
    }

    private static T? Fail<T>(ApiError failure, ref ApiError? error)
    {
        error ??= failure;
        return default;
    }
}
