using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace YtOAuth.Emulator;

/// <summary>
/// thumbnails.set as a simple media upload: POST /upload/youtube/v3/thumbnails/set?videoId=ID with the image as the
/// body (uploadType=media, or none). 50 units. The image is checked (type, size, a JPEG or PNG signature), hashed and
/// dropped; the video's thumbnails then carry its mark.
/// </summary>
internal static class ThumbnailEndpoints
{
    /// <summary>The discovery document's mediaUpload.maxSize for thumbnails.set: 2 MiB.</summary>
    public const int MaxBytes = 2_097_152;

    private const string Domain = "youtube.thumbnail";

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        app.MapPost("/upload/youtube/v3/thumbnails/set", context => SetAsync(context, emulator));
        // The method's own path carries no media: Google's mediaBodyRequired.
        app.MapPost("/youtube/v3/thumbnails/set", async context =>
        {
            if (await ApiCall.BeginAsync(context, emulator, "thumbnails.set", 50, ApiResponses.UploadScopes, needsPart: false, needsUser: true) != null)
            {
                await ApiResponses.Error(context, 400, "mediaBodyRequired", Domain, "The request does not include the image content.");
            }
        });
    }

    private static async Task SetAsync(HttpContext context, GoogleEmulator emulator)
    {
        // Read what comes, however large, so an image over the limit is answered 413 and not cut off by Kestrel's own limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var caller = await ApiCall.BeginAsync(context, emulator, "thumbnails.set", 50, ApiResponses.UploadScopes, needsPart: false, needsUser: true);
        if (caller == null)
        {
            await UploadEndpoints.DrainAsync(context);
            return;
        }

        var q = context.Request.Query;
        var videoId = q["videoId"].ToString();
        var uploadType = q["uploadType"].ToString();
        ApiError? refusal = videoId.Length == 0 ? new ApiError(400, "required", "global", "Required parameter: videoId", "videoId")
            // Google also takes a resumable or multipart thumbnail; the emulator serves the simple media upload alone.
            : uploadType.Length > 0 && uploadType != "media" ? new ApiError(400, "badRequest", "global", "The emulator takes thumbnails.set as uploadType=media only.", "uploadType")
            : MediaTypeRefusal(context.Request.ContentType)
            ?? (context.Request.ContentLength > MaxBytes ? TooLarge() : null);
        if (refusal != null)
        {
            await UploadEndpoints.DrainAsync(context);
            await refusal.SendAsync(context);
            return;
        }

        // At most 2 MiB is ever held: one byte more is enough to refuse.
        var image = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            image.Write(buffer, 0, n);
            if (image.Length > MaxBytes)
            {
                await UploadEndpoints.DrainAsync(context);
                await TooLarge().SendAsync(context);
                return;
            }
        }

        if (image.Length == 0)
        {
            await ApiResponses.Error(context, 400, "mediaBodyRequired", Domain, "The request does not include the image content.");
            return;
        }

        var data = emulator.Data;
        var video = data.Video(videoId);
        if (video == null || (video.Privacy == "private" && video.ChannelId != caller.Grant!.ChannelId))
        {
            await ApiResponses.Error(context, 404, "videoNotFound", Domain,
                "The video that you are trying to insert a thumbnail image for cannot be found. Check the value of the request's videoId parameter to ensure that it is correct.");
            return;
        }

        if (video.ChannelId != caller.Grant!.ChannelId)
        {
            await ApiResponses.Error(context, 403, "forbidden", Domain, "The thumbnail can't be set for the specified video. The request might not be properly authorized.");
            return;
        }

        var bytes = image.ToArray();
        if (!IsJpeg(bytes) && !IsPng(bytes))
        {
            await ApiResponses.Error(context, 400, "invalidImage", Domain, "The provided image content is invalid.");
            return;
        }

        var type = IsJpeg(bytes) ? "image/jpeg" : "image/png";
        var updated = video with { Thumbnail = new CustomThumbnail(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), type, emulator.UtcNow) };
        data.UpdateVideo(updated);
        await ApiResponses.Send(context, 200, new JsonObject
        {
            ["kind"] = "youtube#thumbnailSetResponse", ["etag"] = "etag-thumbnail-" + updated.Thumbnail.Sha256[..12],
            ["items"] = new JsonArray(VideoResource.Thumbnails(updated, full: true)),
        });
    }

    /// <summary>The discovery document's mediaUpload.accept: image/jpeg, image/png, application/octet-stream.</summary>
    private static ApiError? MediaTypeRefusal(string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type is "image/jpeg" or "image/png" or "application/octet-stream" ? null
            : new ApiError(400, "badContent", "global", "Media type '" + type + "' is not supported. Valid media types: [image/jpeg, image/png, application/octet-stream]");
    }

    /// <summary>The wording of Google's upload front end for a file over the method's maxSize (413, uploadTooLarge).</summary>
    private static ApiError TooLarge() => new(413, "uploadTooLarge", "global", "Media larger than: " + MaxBytes.ToString(CultureInfo.InvariantCulture));

    private static bool IsJpeg(byte[] b) => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    private static bool IsPng(byte[] b) => b.Length >= 8 && b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}
