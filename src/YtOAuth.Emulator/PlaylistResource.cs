using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>A playlist as Google sends it, the same whether a list or a write (playlists.insert, update) answers.</summary>
internal static class PlaylistResource
{
    public static JsonObject Render(YouTubeData data, EmulatedPlaylist p, IReadOnlySet<string> parts)
    {
        var item = new JsonObject { ["kind"] = "youtube#playlist", ["etag"] = "etag-" + p.Id, ["id"] = p.Id };
        var description = p.Description ?? "Seeded playlist " + p.Title + ".";
        if (parts.Contains("snippet"))
        {
            var snippet = new JsonObject
            {
                ["publishedAt"] = p.Published.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["channelId"] = p.ChannelId, ["title"] = p.Title,
                ["description"] = description, ["channelTitle"] = data.ChannelTitleOf(p.ChannelId),
                ["thumbnails"] = new JsonObject { ["default"] = new JsonObject { ["url"] = "https://i.ytimg.com/vi/x/default.jpg", ["width"] = 120, ["height"] = 90 } },
            };
            if (p.DefaultLanguage != null)
            {
                snippet["defaultLanguage"] = p.DefaultLanguage;
            }

            snippet["localized"] = new JsonObject { ["title"] = p.Title, ["description"] = description };
            item["snippet"] = snippet;
        }

        if (parts.Contains("status"))
        {
            item["status"] = new JsonObject { ["privacyStatus"] = p.Privacy };
        }

        if (parts.Contains("contentDetails"))
        {
            item["contentDetails"] = new JsonObject { ["itemCount"] = p.ItemCount };
        }

        return item;
    }
}
