using System.Globalization;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>
/// A video as Google sends it, the same whether videos.list, the end of an upload or videos.update answers. An
/// uploaded video is "uploaded" / "processing" until <see cref="EmulatorSettings.ProcessingDelay"/> has passed on the
/// emulator's clock, then "processed" / "succeeded".
/// </summary>
internal static class VideoResource
{
    /// <summary>The video; only to its owner does Google send processingDetails, fileDetails and the self-declared flags.</summary>
    public static JsonObject Render(GoogleEmulator emulator, EmulatedVideo v, IReadOnlySet<string> parts, bool owner)
    {
        var data = emulator.Data;
        var processing = v.Media != null && emulator.UtcNow < v.Media.CompletedUtc + emulator.Settings.ProcessingDelay;
        var item = new JsonObject { ["kind"] = "youtube#video", ["etag"] = "etag-video", ["id"] = v.Id };
        if (parts.Contains("snippet"))
        {
            var description = v.Description ?? "A seeded video.";
            var snippet = new JsonObject
            {
                ["publishedAt"] = v.Published.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["channelId"] = v.ChannelId, ["title"] = v.Title,
                ["description"] = description, ["thumbnails"] = Thumbnails(v, full: true), ["channelTitle"] = data.ChannelTitleOf(v.ChannelId),
            };
            if (v.Tags is { Count: > 0 } tags)
            {
                snippet["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
            }

            snippet["categoryId"] = v.CategoryId;
            snippet["liveBroadcastContent"] = "none";
            if (v.DefaultLanguage != null)
            {
                snippet["defaultLanguage"] = v.DefaultLanguage;
            }

            snippet["localized"] = new JsonObject { ["title"] = v.Title, ["description"] = description };
            if (v.DefaultAudioLanguage != null)
            {
                snippet["defaultAudioLanguage"] = v.DefaultAudioLanguage;
            }

            item["snippet"] = snippet;
        }

        if (parts.Contains("statistics"))
        {
            // Counts are strings, as Google sends them.
            item["statistics"] = new JsonObject { ["viewCount"] = v.Views.ToString(), ["likeCount"] = v.Likes.ToString(), ["commentCount"] = v.Comments.ToString() };
        }

        if (parts.Contains("contentDetails"))
        {
            item["contentDetails"] = new JsonObject { ["duration"] = v.Duration, ["definition"] = "hd", ["caption"] = "false" };
        }

        if (parts.Contains("status"))
        {
            var status = new JsonObject { ["uploadStatus"] = processing ? "uploaded" : "processed", ["privacyStatus"] = v.Privacy };
            if (v.PublishAt is { } publishAt)
            {
                status["publishAt"] = publishAt.ToString("yyyy-MM-ddTHH:mm:ssZ");
            }

            status["license"] = v.License;
            status["embeddable"] = v.Embeddable;
            status["publicStatsViewable"] = v.PublicStatsViewable;
            status["madeForKids"] = v.SelfDeclaredMadeForKids ?? false;
            if (owner && v.SelfDeclaredMadeForKids is { } kids)
            {
                status["selfDeclaredMadeForKids"] = kids;
            }

            if (owner && v.ContainsSyntheticMedia is { } synthetic)
            {
                status["containsSyntheticMedia"] = synthetic;
            }

            item["status"] = status;
        }

        if (parts.Contains("processingDetails") && owner)
        {
            var details = new JsonObject { ["processingStatus"] = processing ? "processing" : "succeeded" };
            if (processing)
            {
                // uint64 values are strings in Google's JSON.
                var left = v.Media!.CompletedUtc + emulator.Settings.ProcessingDelay - emulator.UtcNow;
                var done = emulator.Settings.ProcessingDelay <= TimeSpan.Zero ? 1000 : (long)(1000 * (1 - left / emulator.Settings.ProcessingDelay));
                details["processingProgress"] = new JsonObject
                {
                    ["partsTotal"] = "1000", ["partsProcessed"] = Math.Clamp(done, 0, 999).ToString(CultureInfo.InvariantCulture),
                    ["timeLeftMs"] = ((long)left.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                };
            }

            var availability = processing ? "notAvailable" : "available";
            details["fileDetailsAvailability"] = v.Media == null ? "notAvailable" : availability;
            details["thumbnailsAvailability"] = availability;
            item["processingDetails"] = details;
        }

        if (parts.Contains("fileDetails") && owner && v.Media != null)
        {
            item["fileDetails"] = new JsonObject { ["fileSize"] = v.Media.ByteLength.ToString(CultureInfo.InvariantCulture), ["fileType"] = "video" };
        }

        return item;
    }

    /// <summary>
    /// YouTube's pictures of a video; a custom thumbnail's addresses carry a mark of its bytes (Google's carry a
    /// signature), so a client sees the new picture.
    /// </summary>
    public static JsonObject Thumbnails(EmulatedVideo v, bool full)
    {
        var mark = v.Thumbnail == null ? "" : "?sqp=custom-" + v.Thumbnail.Sha256[..16];
        JsonObject One(string file, int width, int height) => new() { ["url"] = "https://i.ytimg.com/vi/" + v.Id + "/" + file + ".jpg" + mark, ["width"] = width, ["height"] = height };
        var thumbnails = new JsonObject { ["default"] = One("default", 120, 90) };
        if (full)
        {
            thumbnails["medium"] = One("mqdefault", 320, 180);
            thumbnails["high"] = One("hqdefault", 480, 360);
        }

        return thumbnails;
    }
}
