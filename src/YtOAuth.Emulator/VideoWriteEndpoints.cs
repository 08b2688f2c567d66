namespace YtOAuth.Emulator;

/// <summary>
/// videos.update (PUT /youtube/v3/videos, 50 units; youtube, force-ssl or partner: not youtube.upload), and videos.insert
/// at its own path without media, which Google refuses as mediaBodyRequired (uploads go to /upload/, <see cref="UploadEndpoints"/>).
/// </summary>
internal static class VideoWriteEndpoints
{
    private const string Domain = "youtube.video";

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapPut("/youtube/v3/videos", context => UpdateAsync(context, emulator));
        app.MapPost("/youtube/v3/videos", async context =>
        {
            if (await ApiCall.BeginAsync(context, emulator, "videos.insert", 1600, ApiResponses.UploadScopes, needsPart: true, needsUser: true) != null)
            {
                await ApiResponses.Error(context, 400, "mediaBodyRequired", Domain, "The request does not include the video content.");
            }
        });
    }

    private static async Task UpdateAsync(HttpContext context, GoogleEmulator emulator)
    {
        var caller = await ApiCall.BeginAsync(context, emulator, "videos.update", 50, ApiResponses.WriteScopes, needsPart: true, needsUser: true);
        if (caller == null)
        {
            return;
        }

        var parts = DataApiEndpoints.Parts(context.Request.Query["part"]);
        if (ApiError.UnknownPart(parts, VideoMetadata.KnownParts) is { } unknown)
        {
            await unknown.SendAsync(context);
            return;
        }

        var (body, parseError) = await JsonBody.ReadAsync(context);
        var (metadata, error) = body == null ? (null, parseError) : VideoMetadata.From(body, parts, update: true, emulator.UtcNow);
        var data = emulator.Data;
        var channel = caller.Grant!.ChannelId;
        // A missing video is looked for before the fields are judged, and a private one of another channel is missing to this caller.
        if (body?["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && data.Video(body["id"]!.GetValue<string>()) is var found &&
            (found == null || (found.Privacy == "private" && found.ChannelId != channel)))
        {
            await ApiResponses.Error(context, 404, "videoNotFound", Domain,
                "The video that you are trying to update cannot be found. Check the value of the id field in the request body to ensure that it is correct.");
            return;
        }

        if (metadata == null)
        {
            await error!.SendAsync(context);
            return;
        }

        var video = data.Video(metadata.Id!)!;
        if (video.ChannelId != channel)
        {
            await ApiResponses.Error(context, 403, "forbidden", Domain, "The request is not properly authorized to update the specified video.");
            return;
        }

        var updated = metadata.Apply(video);
        data.UpdateVideo(updated);
        await ApiResponses.Send(context, 200, VideoResource.Render(emulator, updated, parts, owner: true));
    }
}
