using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>A playlist entry as Google sends it, the same whether playlistItems.list or playlistItems.insert answers.</summary>
internal static class PlaylistItemResource
{
    /// <summary>Entry <paramref name="j"/>; an API key caller (byKey) sees others' private videos as placeholders.</summary>
    public static JsonObject Render(YouTubeData data, EmulatedPlaylist playlist, int j, IReadOnlySet<string> parts, bool byKey)
    {
        var deleted = data.IsDeletedAt(playlist, j);
        var videoId = data.VideoIdAt(playlist, j);
        var video = data.Video(videoId);
        // Google shows a private video to anyone but its owner as a placeholder, as it shows a deleted one.
        var hidden = !deleted && video?.Privacy == "private" && (byKey || video.ChannelId != data.ChannelId);
        var placeholder = deleted || hidden;
        var item = new JsonObject { ["kind"] = "youtube#playlistItem", ["etag"] = "etag-item", ["id"] = YouTubeData.ItemIdAt(playlist, j) };
        if (parts.Contains("snippet"))
        {
            var snippet = new JsonObject
            {
                ["publishedAt"] = YouTubeData.AddedAt(playlist, j).ToString("yyyy-MM-ddTHH:mm:ssZ"), ["channelId"] = playlist.ChannelId,
                ["title"] = deleted ? "Deleted video" : hidden ? "Private video" : video?.Title ?? "Video " + (j + 1),
                ["description"] = deleted ? "This video is unavailable." : hidden ? "This video is private." : video?.Description ?? "A seeded video.",
                // A placeholder has no pictures (an empty thumbnails object) and no owner.
                ["thumbnails"] = placeholder ? new JsonObject() : video != null ? VideoResource.Thumbnails(video, full: false)
                    : new JsonObject { ["default"] = new JsonObject { ["url"] = "https://i.ytimg.com/vi/" + videoId + "/default.jpg", ["width"] = 120, ["height"] = 90 } },
                ["channelTitle"] = data.ChannelTitleOf(playlist.ChannelId), ["playlistId"] = playlist.Id, ["position"] = j,
                ["resourceId"] = new JsonObject { ["kind"] = "youtube#video", ["videoId"] = videoId },
            };
            if (!placeholder)
            {
                snippet["videoOwnerChannelId"] = video?.ChannelId ?? playlist.ChannelId;
                snippet["videoOwnerChannelTitle"] = data.ChannelTitleOf(video?.ChannelId ?? playlist.ChannelId);
            }

            item["snippet"] = snippet;
        }

        if (parts.Contains("contentDetails"))
        {
            var details = new JsonObject { ["videoId"] = videoId };
            if (!placeholder)
            {
                details["videoPublishedAt"] = (video?.Published ?? playlist.Published.AddDays(-j)).ToString("yyyy-MM-ddTHH:mm:ssZ");
            }

            item["contentDetails"] = details;
        }

        if (parts.Contains("status"))
        {
            // As Google shows them: a deleted video's entry is privacyStatusUnspecified, a private one private.
            item["status"] = new JsonObject { ["privacyStatus"] = deleted ? "privacyStatusUnspecified" : hidden ? "private" : "public" };
        }

        return item;
    }
}
