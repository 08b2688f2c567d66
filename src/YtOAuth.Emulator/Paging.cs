using System.Text;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>Google's list paging: maxResults, opaque page tokens, pageInfo.</summary>
internal static class Paging
{
    /// <summary>One page of a list: maxResults 0..50 (default 5), an opaque pageToken, pageInfo.totalResults.</summary>
    public static async Task<JsonObject?> Page<T>(HttpContext context, GoogleEmulator emulator, string kind, IReadOnlyList<T> all, Func<T, JsonObject> render)
    {
        var q = context.Request.Query;
        var max = 5;
        if (q.ContainsKey("maxResults") && (!int.TryParse(q["maxResults"], out max) || max < 0 || max > 50))
        {
            await ApiResponses.Error(context, 400, "invalidParameter", "youtube.parameter", "Invalid value for maxResults: must be 0 to 50.");
            return null;
        }

        var offset = 0;
        var pageToken = q["pageToken"].ToString();
        if (pageToken.Length > 0 && !TryDecodeToken(pageToken, out offset))
        {
            await ApiResponses.Error(context, 400, "invalidPageToken", "youtube.parameter", "The request specifies an invalid page token.");
            return null;
        }

        var body = new JsonObject { ["kind"] = kind, ["etag"] = "etag-list" };
        if (offset + max < all.Count)
        {
            body["nextPageToken"] = EncodeToken(offset + max);
        }

        if (offset > 0)
        {
            body["prevPageToken"] = EncodeToken(Math.Max(0, offset - max));
        }

        body["pageInfo"] = new JsonObject { ["totalResults"] = all.Count, ["resultsPerPage"] = max };
        var items = all.Skip(offset).Take(max).Select(render).ToArray();
        if (items.Length > 0)
        {
            body["items"] = new JsonArray(items);
        }

        return body;
    }

    private static string EncodeToken(int offset) => "CA" + Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + offset)).TrimEnd('=');

    private static bool TryDecodeToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var raw = token.StartsWith("CA", StringComparison.Ordinal) ? token[2..] : "";
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(raw.PadRight(raw.Length + (4 - raw.Length % 4) % 4, '=')));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
