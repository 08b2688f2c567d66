using System.Text;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>A playlist's writable fields as playlists.insert and playlists.update give them, checked as Google checks them.</summary>
internal sealed class PlaylistMetadata
{
    /// <summary>Every part a playlist has.</summary>
    public static readonly string[] KnownParts = { "contentDetails", "id", "localizations", "player", "snippet", "status" };

    private const string Domain = "youtube.playlist";

    public string? Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? DefaultLanguage { get; private set; }
    /// <summary>The privacy asked for; null when the body has no status (an update then keeps the playlist's).</summary>
    public string? Privacy { get; private set; }

    /// <summary>The fields, or Google's refusal: playlistTitleRequired, invalidPlaylistSnippet, or an invalid privacyStatus.</summary>
    public static (PlaylistMetadata? Metadata, ApiError? Error) From(JsonObject body, IReadOnlySet<string> parts, bool update)
    {
        ApiError? error = null;
        var meta = new PlaylistMetadata { Id = JsonBody.String(body, "id", "id", ref error) };
        var snippet = JsonBody.Object(body, "snippet", "snippet", ref error);
        meta.Title = JsonBody.String(snippet, "title", "snippet.title", ref error) ?? "";
        meta.Description = JsonBody.String(snippet, "description", "snippet.description", ref error) ?? "";
        meta.DefaultLanguage = JsonBody.String(snippet, "defaultLanguage", "snippet.default_language", ref error);
        var status = parts.Contains("status") ? JsonBody.Object(body, "status", "status", ref error) : null;
        meta.Privacy = status == null ? null : JsonBody.Enum(status, "privacyStatus", "status.privacy_status", new[] { "public", "unlisted", "private" }, ref error) ?? "public";
        if (error != null)
        {
            return (null, error);
        }

        if (update && string.IsNullOrEmpty(meta.Id))
        {
            return (null, new ApiError(400, "required", "global", "The request body must give the id of the playlist to update.", "id", "body"));
        }

        // snippet.title is required on insert and update (discovery annotations); without snippet in part it is not sent.
        if (!parts.Contains("snippet") || meta.Title.Trim().Length == 0)
        {
            return (null, new ApiError(400, "playlistTitleRequired", Domain, "The request must specify a playlist title."));
        }

        // Google documents no limit here; YouTube's own editor takes at most 150 characters of title and 5000 of
        // description, and no < or > (as for videos): the stricter reading, as invalidPlaylistSnippet.
        if (meta.Title.Length > 150 || Encoding.UTF8.GetByteCount(meta.Description) > 5000 || (meta.Title + meta.Description).IndexOfAny(new[] { '<', '>' }) >= 0)
        {
            return (null, new ApiError(400, "invalidPlaylistSnippet", Domain, "The request provides an invalid playlist snippet."));
        }

        return (meta, null);
    }
}
