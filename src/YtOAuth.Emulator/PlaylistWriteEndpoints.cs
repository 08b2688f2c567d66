using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>
/// playlists.insert, update, delete and playlistItems.insert, delete: 50 units each; youtube, youtube.force-ssl or
/// youtubepartner (youtube.readonly and youtube.upload are 403 insufficientPermissions). The lists show each change
/// at once: a new playlist first, itemCount, positions renumbered. Reasons and wording are those of each method's
/// error table; the channel's uploads playlist is YouTube's own and refuses every write (playlistOperationUnsupported).
/// </summary>
internal static class PlaylistWriteEndpoints
{
    /// <summary>Every part a playlist item has.</summary>
    private static readonly string[] ItemParts = { "contentDetails", "id", "snippet", "status" };

    /// <summary>YouTube's most entries in one playlist.</summary>
    private const int MaxItems = 5000;

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapPost("/youtube/v3/playlists", context => InsertPlaylistAsync(context, emulator));
        app.MapPut("/youtube/v3/playlists", context => UpdatePlaylistAsync(context, emulator));
        app.MapDelete("/youtube/v3/playlists", context => DeletePlaylistAsync(context, emulator));
        app.MapPost("/youtube/v3/playlistItems", context => InsertItemAsync(context, emulator));
        app.MapDelete("/youtube/v3/playlistItems", context => DeleteItemAsync(context, emulator));
    }

    private static async Task InsertPlaylistAsync(HttpContext context, GoogleEmulator emulator)
    {
        if (await BeginAsync(context, emulator, "playlists.insert", PlaylistMetadata.KnownParts) is not { } call)
        {
            return;
        }

        var (body, parseError) = await JsonBody.ReadAsync(context);
        var (metadata, error) = body == null ? (null, parseError) : PlaylistMetadata.From(body, call.Parts, update: false);
        if (metadata == null)
        {
            await error!.SendAsync(context);
            return;
        }

        var playlist = new EmulatedPlaylist("PL" + YouTubeData.NewId("", 32), call.Channel, metadata.Title, metadata.Privacy ?? "public", emulator.UtcNow, 0)
        {
            Items = Array.Empty<EmulatedPlaylistItem>(), Description = metadata.Description, DefaultLanguage = metadata.DefaultLanguage,
        };
        emulator.Data.AddPlaylist(playlist);
        await ApiResponses.Send(context, 200, PlaylistResource.Render(emulator.Data, playlist, call.Parts));
    }

    private static async Task UpdatePlaylistAsync(HttpContext context, GoogleEmulator emulator)
    {
        if (await BeginAsync(context, emulator, "playlists.update", PlaylistMetadata.KnownParts) is not { } call)
        {
            return;
        }

        var (body, parseError) = await JsonBody.ReadAsync(context);
        if (body == null)
        {
            await parseError!.SendAsync(context);
            return;
        }

        if (body["id"] is JsonValue id && id.TryGetValue<string>(out var playlistId) && await PlaylistRefusalAsync(context, emulator, call.Channel, playlistId, "update"))
        {
            return;
        }

        var (metadata, error) = PlaylistMetadata.From(body, call.Parts, update: true);
        if (metadata == null)
        {
            await error!.SendAsync(context);
            return;
        }

        // The parts named replace what they hold: a description left out is deleted (the method's part description).
        var playlist = emulator.Data.ById[metadata.Id!] with { Title = metadata.Title, Description = metadata.Description, DefaultLanguage = metadata.DefaultLanguage };
        playlist = metadata.Privacy == null ? playlist : playlist with { Privacy = metadata.Privacy };
        emulator.Data.Store(playlist);
        await ApiResponses.Send(context, 200, PlaylistResource.Render(emulator.Data, playlist, call.Parts));
    }

    private static async Task DeletePlaylistAsync(HttpContext context, GoogleEmulator emulator)
    {
        if (await BeginAsync(context, emulator, "playlists.delete", null) is not { } call || await IdAsync(context) is not { } id ||
            await PlaylistRefusalAsync(context, emulator, call.Channel, id, "delete"))
        {
            return;
        }

        emulator.Data.RemovePlaylist(id);
        context.Response.StatusCode = 204;
    }

    private static async Task InsertItemAsync(HttpContext context, GoogleEmulator emulator)
    {
        const string Domain = "youtube.playlistItem";
        if (await BeginAsync(context, emulator, "playlistItems.insert", ItemParts) is not { } call)
        {
            return;
        }

        var (body, error) = await JsonBody.ReadAsync(context);
        var snippet = body == null || !call.Parts.Contains("snippet") ? null : JsonBody.Object(body, "snippet", "snippet", ref error);
        var playlistId = JsonBody.String(snippet, "playlistId", "snippet.playlist_id", ref error);
        var resource = snippet == null ? null : JsonBody.Object(snippet, "resourceId", "snippet.resource_id", ref error);
        var kind = JsonBody.String(resource, "kind", "snippet.resource_id.kind", ref error);
        var videoId = JsonBody.String(resource, "videoId", "snippet.resource_id.video_id", ref error);
        var positionNode = snippet?["position"];
        int? position = positionNode is JsonValue p && p.TryGetValue<int>(out var at) ? at : null;
        var data = emulator.Data;
        error ??=
            string.IsNullOrEmpty(playlistId) ? new ApiError(400, "playlistIdRequired", Domain, "The request does not specify a value for the required playlistId property.")
            : resource == null || string.IsNullOrEmpty(kind) || (kind == "youtube#video" && string.IsNullOrEmpty(videoId))
                ? new ApiError(400, "resourceIdRequired", Domain, "The request must contain a resource in which the resource ID identifies the item being added to the playlist.")
            : kind != "youtube#video"
                ? new ApiError(400, "invalidResourceType", Domain, "The type specified for the resource ID is not supported for this operation. The resource ID identifies the item being added to the playlist - e.g. youtube#video.")
            : null;
        if (error != null)
        {
            await error.SendAsync(context);
            return;
        }

        var playlist = data.ById.GetValueOrDefault(playlistId!);
        var video = data.Video(videoId!);
        error =
            playlist == null || (playlist.Privacy == "private" && playlist.ChannelId != call.Channel)
                ? new ApiError(404, "playlistNotFound", Domain, "The playlist identified with the request's playlistId parameter cannot be found.")
            : playlist.ChannelId != call.Channel
                ? new ApiError(403, "playlistItemsNotAccessible", Domain, "The request is not properly authorized to insert the specified playlist item.")
            : playlist.Id == YouTubeData.UploadsPlaylistId(call.Channel)
                ? new ApiError(400, "playlistOperationUnsupported", Domain, "The API does not support the ability to insert videos into the specified playlist. For example, you can't insert a video into your uploaded videos playlist.")
            : video == null || (video.Privacy == "private" && video.ChannelId != call.Channel)
                ? new ApiError(404, "videoNotFound", Domain, "The video that you are trying to add to the playlist cannot be found. Check the value of the videoId property to ensure that it is correct.")
            : (positionNode != null && (position == null || position < 0)) || position > playlist.ItemCount
                ? new ApiError(400, "invalidPlaylistItemPosition", Domain, "The request attempts to set the playlist item's position to an invalid or unsupported value. Check the value of the position property in the resource's snippet.")
            : playlist.ItemCount >= MaxItems
                ? new ApiError(403, "playlistContainsMaximumNumberOfVideos", Domain, "The playlist already contains the maximum allowed number of items.")
            : null;
        if (error != null)
        {
            await error.SendAsync(context);
            return;
        }

        var (changed, index) = data.InsertItem(playlist!.Id, videoId!, position, emulator.UtcNow);
        await ApiResponses.Send(context, 200, PlaylistItemResource.Render(data, changed, index, call.Parts, byKey: false));
    }

    private static async Task DeleteItemAsync(HttpContext context, GoogleEmulator emulator)
    {
        const string Domain = "youtube.playlistItem";
        if (await BeginAsync(context, emulator, "playlistItems.delete", null) is not { } call || await IdAsync(context) is not { } id)
        {
            return;
        }

        var data = emulator.Data;
        var found = data.FindItem(id);
        var error =
            found == null || (found.Value.Playlist.Privacy == "private" && found.Value.Playlist.ChannelId != call.Channel)
                ? new ApiError(404, "playlistItemNotFound", Domain, "The playlist item identified with the request's id parameter cannot be found.")
            : found.Value.Playlist.ChannelId != call.Channel
                ? new ApiError(403, "playlistItemsNotAccessible", Domain, "The request is not properly authorized to delete the specified playlist item.")
            : found.Value.Playlist.Id == YouTubeData.UploadsPlaylistId(call.Channel)
                ? new ApiError(400, "playlistOperationUnsupported", Domain, "The API does not support the ability to delete videos from the specified playlist. For example, you can't delete a video from your uploaded videos playlist.")
            : null;
        if (error != null || !data.RemoveItem(id))
        {
            await (error ?? new ApiError(404, "playlistItemNotFound", Domain, "The playlist item identified with the request's id parameter cannot be found.")).SendAsync(context);
            return;
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>The shared start of a write: charged 50, the scopes, part (when the method has parts) and its names.</summary>
    private static async Task<(string Channel, HashSet<string> Parts)?> BeginAsync(HttpContext context, GoogleEmulator emulator, string method, string[]? knownParts)
    {
        var caller = await ApiCall.BeginAsync(context, emulator, method, 50, ApiResponses.WriteScopes, needsPart: knownParts != null, needsUser: true);
        if (caller == null)
        {
            return null;
        }

        var parts = DataApiEndpoints.Parts(context.Request.Query["part"]);
        if (knownParts != null && ApiError.UnknownPart(parts, knownParts) is { } unknown)
        {
            await unknown.SendAsync(context);
            return null;
        }

        return (caller.Grant!.ChannelId, parts);
    }

    /// <summary>The id parameter a delete needs; Google's "Required parameter: id" without it.</summary>
    private static async Task<string?> IdAsync(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        if (id.Length == 0)
        {
            await ApiResponses.Error(context, 400, "required", "global", "Required parameter: id", "id", locationType: "parameter");
            return null;
        }

        return id;
    }

    /// <summary>Answers (true) when the playlist cannot be updated or deleted by this channel: unknown, another's, or the uploads playlist.</summary>
    private static async Task<bool> PlaylistRefusalAsync(HttpContext context, GoogleEmulator emulator, string channel, string id, string action)
    {
        const string Domain = "youtube.playlist";
        var playlist = emulator.Data.ById.GetValueOrDefault(id);
        var error =
            playlist == null || (playlist.Privacy == "private" && playlist.ChannelId != channel)
                ? new ApiError(404, "playlistNotFound", Domain, "The playlist identified with the request's id parameter cannot be found.")
            : playlist.ChannelId != channel
                ? new ApiError(403, "playlistForbidden", Domain, "This operation is forbidden or the request is not properly authorized.")
            // Google's tables name this for delete ("you can't delete your uploaded videos playlist"); the emulator refuses an update the same way.
            : playlist.Id == YouTubeData.UploadsPlaylistId(channel)
                ? new ApiError(400, "playlistOperationUnsupported", Domain, "The API does not support the ability to " + action + " the specified playlist. For example, you can't " + action + " your uploaded videos playlist.")
            : null;
        if (error == null)
        {
            return false;
        }

        await error.SendAsync(context);
        return true;
    }
}
