using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>
/// A video resource's writable fields as videos.insert (the upload's first request) and videos.update give them,
/// checked as the videos resource page states its limits. Only the parts named in part are read: Google sets only
/// those, and on update replaces every writable field of each (one left out goes back to its default).
/// </summary>
internal sealed class VideoMetadata
{
    /// <summary>Every part a video has (videos.insert and videos.update accept these names; unknown ones are 400 unknownPart).</summary>
    public static readonly string[] KnownParts =
    {
        "contentDetails", "fileDetails", "id", "liveStreamingDetails", "localizations", "player", "processingDetails", "recordingDetails", "snippet",
        "statistics", "status", "suggestions", "topicDetails", "paidProductPlacementDetails",
    };

    /// <summary>
    /// The categories a video may be put in (videoCategories.list, assignable: true). The others (18, 21, 30-44: "Movies",
    /// "Shorts", "Trailers"...) exist but cannot be assigned, and Google refuses them as invalidCategoryId.
    /// </summary>
    public static readonly string[] AssignableCategories = { "1", "2", "10", "15", "17", "19", "20", "22", "23", "24", "25", "26", "27", "28", "29" };

    private const string Domain = "youtube.video";

    private VideoMetadata(IReadOnlySet<string> parts) => Parts = parts;

    public IReadOnlySet<string> Parts { get; }
    public string? Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<string>? Tags { get; private set; }
    public string? CategoryId { get; private set; }
    public string? DefaultLanguage { get; private set; }
    public string? DefaultAudioLanguage { get; private set; }
    public string Privacy { get; private set; } = "public";
    public DateTime? PublishAt { get; private set; }
    public string License { get; private set; } = "youtube";
    public bool Embeddable { get; private set; } = true;
    public bool PublicStatsViewable { get; private set; } = true;
    public bool? SelfDeclaredMadeForKids { get; private set; }
    public bool? ContainsSyntheticMedia { get; private set; }

    /// <summary>The fields, or the first of Google's refusals: invalidTitle, invalidDescription, invalidTags, invalidCategoryId, invalidPublishAt, invalidVideoMetadata.</summary>
    public static (VideoMetadata? Metadata, ApiError? Error) From(JsonObject body, IReadOnlySet<string> parts, bool update, DateTime now)
    {
        ApiError? error = null;
        var meta = new VideoMetadata(parts) { Id = JsonBody.String(body, "id", "id", ref error) };
        // Google needs to know the video to update: the body's id (discovery: required for youtube.videos.update).
        if (update && string.IsNullOrEmpty(meta.Id) && error == null)
        {
            return (null, new ApiError(400, "required", "global", "The request body must give the id of the video to update.", "id", "body"));
        }

        // The emulator needs a title for every upload (Google would name an untitled upload after its file): insert
        // without snippet in part, or without snippet.title, is invalidTitle.
        if (parts.Contains("snippet") || !update)
        {
            var snippet = JsonBody.Object(body, "snippet", "snippet", ref error);
            meta.Title = JsonBody.String(snippet, "title", "snippet.title", ref error) ?? "";
            meta.Description = JsonBody.String(snippet, "description", "snippet.description", ref error) ?? "";
            meta.CategoryId = JsonBody.String(snippet, "categoryId", "snippet.categoryId", ref error);
            meta.DefaultLanguage = JsonBody.String(snippet, "defaultLanguage", "snippet.defaultLanguage", ref error);
            meta.DefaultAudioLanguage = JsonBody.String(snippet, "defaultAudioLanguage", "snippet.defaultAudioLanguage", ref error);
            meta.Tags = ReadTags(snippet, ref error);
            if (error != null)
            {
                return (null, error);
            }

            // "A maximum length of 100 characters and may contain all valid UTF-8 characters except < and >." Counted
            // in UTF-16 units, the stricter reading (an emoji counts two).
            if (meta.Title.Trim().Length == 0 || meta.Title.Length > 100 || meta.Title.IndexOfAny(new[] { '<', '>' }) >= 0 || !parts.Contains("snippet"))
            {
                return (null, new ApiError(400, "invalidTitle", Domain, "The request metadata specifies an invalid or empty video title."));
            }

            // "A maximum length of 5000 bytes and may contain all valid UTF-8 characters except < and >."
            if (Encoding.UTF8.GetByteCount(meta.Description) > 5000 || meta.Description.IndexOfAny(new[] { '<', '>' }) >= 0)
            {
                return (null, new ApiError(400, "invalidDescription", Domain, "The request metadata specifies an invalid video description."));
            }

            // "A maximum length of 500 characters." Stricter reading, as YouTube's help counts it: the commas between
            // tags count, and a tag with a space counts its two quotes. No < or > either (as title and description).
            var tags = meta.Tags ?? Array.Empty<string>();
            var length = tags.Sum(t => t.Length + (t.Contains(' ') ? 2 : 0)) + Math.Max(0, tags.Count - 1);
            if (length > 500 || tags.Any(t => t.IndexOfAny(new[] { '<', '>' }) >= 0))
            {
                return (null, new ApiError(400, "invalidTags", Domain, "The request metadata specifies invalid video keywords."));
            }

            // Google states snippet.categoryId is required when an update sets the snippet; an insert without one gets
            // YouTube's default (22). Google's reason for a missing one is not documented apart: invalidCategoryId.
            if ((meta.CategoryId == null && update) || (meta.CategoryId != null && !AssignableCategories.Contains(meta.CategoryId)))
            {
                return (null, new ApiError(400, "invalidCategoryId", Domain,
                    "The snippet.categoryId property specifies an invalid category ID. Use the videoCategories.list method to retrieve supported categories."));
            }
        }

        if (parts.Contains("status"))
        {
            var status = JsonBody.Object(body, "status", "status", ref error);
            meta.Privacy = JsonBody.Enum(status, "privacyStatus", "status.privacy_status", new[] { "public", "unlisted", "private" }, ref error) ?? "public";
            meta.License = JsonBody.Enum(status, "license", "status.license", new[] { "youtube", "creativeCommon" }, ref error) ?? "youtube";
            meta.Embeddable = JsonBody.Bool(status, "embeddable", "status.embeddable", ref error) ?? true;
            meta.PublicStatsViewable = JsonBody.Bool(status, "publicStatsViewable", "status.public_stats_viewable", ref error) ?? true;
            meta.SelfDeclaredMadeForKids = JsonBody.Bool(status, "selfDeclaredMadeForKids", "status.self_declared_made_for_kids", ref error);
            meta.ContainsSyntheticMedia = JsonBody.Bool(status, "containsSyntheticMedia", "status.contains_synthetic_media", ref error);
            var publishAt = JsonBody.String(status, "publishAt", "status.publish_at", ref error);
            if (error != null)
            {
                return (null, error);
            }

            if (publishAt != null)
            {
                // "It can be set only if the privacy status of the video is private", and a schedule is in the future.
                if (!publishAt.Contains('T') || !DateTimeOffset.TryParse(publishAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ||
                    meta.Privacy != "private" || when.UtcDateTime <= now)
                {
                    return (null, new ApiError(400, "invalidPublishAt", Domain, "The request metadata specifies an invalid scheduled publishing time."));
                }

                meta.PublishAt = when.UtcDateTime;
            }
        }

        return (meta, error);
    }

    /// <summary>The video with the parts this request names replaced (the others kept as they were).</summary>
    public EmulatedVideo Apply(EmulatedVideo video)
    {
        if (Parts.Contains("snippet"))
        {
            video = video with
            {
                Title = Title, Description = Description, Tags = Tags, CategoryId = CategoryId ?? "22", DefaultLanguage = DefaultLanguage,
                DefaultAudioLanguage = DefaultAudioLanguage,
            };
        }

        if (Parts.Contains("status"))
        {
            video = video with
            {
                Privacy = Privacy, PublishAt = PublishAt, License = License, Embeddable = Embeddable, PublicStatsViewable = PublicStatsViewable,
                SelfDeclaredMadeForKids = SelfDeclaredMadeForKids, ContainsSyntheticMedia = ContainsSyntheticMedia,
            };
        }

        return video;
    }

    private static IReadOnlyList<string>? ReadTags(JsonObject? snippet, ref ApiError? error)
    {
        switch (snippet?["tags"])
        {
            case null:
                return null;
            case JsonArray array when array.All(t => t is JsonValue v && v.TryGetValue<string>(out _)):
                return array.Select(t => t!.GetValue<string>()).ToList();
            default:
                error ??= ApiError.InvalidValue("snippet.tags", null);
                return null;
        }
    }
}
