using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Google's rules for a video's and a playlist's writable fields (videos resource reference: title 1-100 characters,
    /// description 5,000 bytes, neither with angle brackets; tags 500 characters in all; privacy one of three values;
    /// publishAt only on a private video), checked before anything is sent so a bad value costs no quota and no upload,
    /// and the JSON parts each write sends.
    /// </summary>
    internal static class VideoMetadata
    {
        /// <summary>snippet and status of a new video.</summary>
        public static JObject ForInsert(VideoUpload upload)
        {
            var snippet = new JObject();
            var status = new JObject();
            Apply(snippet, status, upload.Title, upload.Description, upload.Tags, upload.CategoryId, upload.Privacy, upload.PublishAt, upload.MadeForKids, isNew: true);
            return new JObject { ["snippet"] = snippet, ["status"] = status };
        }

        /// <summary>
        /// Writes the given values over a video's current snippet and status (videos.update replaces whole parts, so what
        /// is not given must be sent as it is). Read-only fields are dropped: Google refuses none, but they change nothing.
        /// </summary>
        public static JObject ForUpdate(JObject current, VideoChange change)
        {
            var snippet = Writable(current["snippet"] as JObject, "title", "description", "tags", "categoryId", "defaultLanguage", "defaultAudioLanguage");
            var status = Writable(current["status"] as JObject, "privacyStatus", "publishAt", "selfDeclaredMadeForKids", "embeddable", "license", "publicStatsViewable", "containsSyntheticMedia");
            Apply(snippet, status, change.Title, change.Description, change.Tags, change.CategoryId, change.Privacy, change.PublishAt, change.MadeForKids, isNew: false);
            return new JObject { ["id"] = change.Id, ["snippet"] = snippet, ["status"] = status };
        }

        /// <summary>snippet and status of a playlist: new (<paramref name="current"/> null) or changed.</summary>
        public static JObject ForPlaylist(JObject? current, string? id, PlaylistChange change)
        {
            var snippet = Writable(current?["snippet"] as JObject, "title", "description", "defaultLanguage");
            var status = Writable(current?["status"] as JObject, "privacyStatus");
            if (change.Title != null || current == null)
            {
                snippet["title"] = Text(change.Title, "The playlist title", 150, required: true);
            }

            if (change.Description != null)
            {
                snippet["description"] = Text(change.Description, "The playlist description", 5000, required: false);
            }

            if (change.Privacy != null)
            {
                status["privacyStatus"] = Privacy(change.Privacy);
            }

            var body = new JObject { ["snippet"] = snippet, ["status"] = status };
            if (id != null)
            {
                body["id"] = id;
            }

            return body;
        }

        public static string Privacy(string value)
        {
            var privacy = value.Trim().ToLowerInvariant();
            return VideoUpload.PrivacyValues.Contains(privacy) ? privacy
                : throw new YtOAuthException(ErrorCode.InvalidArgument, "'" + value + "' is no privacy setting: use private, unlisted or public.", value);
        }

        private static void Apply(JObject snippet, JObject status, string? title, string? description, IReadOnlyList<string>? tags, string? categoryId, string? privacy,
            DateTimeOffset? publishAt, bool? madeForKids, bool isNew)
        {
            if (title != null || isNew)
            {
                snippet["title"] = Text(title, "The title", 100, required: true);
            }

            if (description != null)
            {
                snippet["description"] = Text(description, "The description", 5000, required: false);
            }

            if (tags != null)
            {
                var clean = tags.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray();
                if (clean.Any(t => t.IndexOfAny(new[] { '<', '>' }) >= 0))
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument, "A tag contains < or >, which YouTube refuses. Remove them.", string.Join(",", clean));
                }

                // YouTube counts a tag with a space as if quoted (two more characters), and a comma between tags.
                var length = clean.Sum(t => t.Length + (t.IndexOf(' ') >= 0 ? 2 : 0)) + Math.Max(0, clean.Length - 1);
                if (length > 500)
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument, "The tags come to " + length + " characters as YouTube counts them; it allows 500. Drop some.", "tags");
                }

                snippet["tags"] = new JArray(clean);
            }

            if (categoryId != null)
            {
                snippet["categoryId"] = categoryId.Trim().Length > 0 && categoryId.Trim().All(char.IsDigit) ? categoryId.Trim()
                    : throw new YtOAuthException(ErrorCode.InvalidArgument, "'" + categoryId + "' is no category id: it is a number such as 22 (People & Blogs) or 27 (Education).", categoryId);
            }

            if (privacy != null)
            {
                status["privacyStatus"] = Privacy(privacy);
            }

            if (publishAt is DateTimeOffset at)
            {
                // Google schedules only private videos; a scheduled video is private until then.
                if (privacy != null && status.Value<string>("privacyStatus") != "private")
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument,
                        "A scheduled video (PublishAt) must be private until then; YouTube makes it public at that time. Leave the privacy out, or make it private.", privacy);
                }

                status["privacyStatus"] = "private";
                status["publishAt"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            if (madeForKids is bool kids)
            {
                status["selfDeclaredMadeForKids"] = kids;
            }

            if (isNew && status["privacyStatus"] == null)
            {
                // YouTube makes an upload without a privacy setting public; a script that forgot should not publish by accident.
                status["privacyStatus"] = "private";
            }
        }

        private static string Text(string? value, string what, int limit, bool required)
        {
            var text = value ?? string.Empty;
            if (required && text.Trim().Length == 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, what + " is empty; YouTube needs one.", what);
            }

            if (text.IndexOfAny(new[] { '<', '>' }) >= 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, what + " contains < or >, which YouTube refuses. Remove them.", what);
            }

            var size = limit == 5000 ? Encoding.UTF8.GetByteCount(text) : new StringInfo(text).LengthInTextElements;
            if (size > limit)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    what + " is " + size + (limit == 5000 ? " bytes" : " characters") + " long; YouTube allows " + limit + ". Shorten it.", what);
            }

            return text;
        }

        private static JObject Writable(JObject? part, params string[] fields)
        {
            var copy = new JObject();
            foreach (var field in fields)
            {
                if (part?[field] != null && part[field]!.Type != JTokenType.Null)
                {
                    copy[field] = part[field]!.DeepClone();
                }
            }

            return copy;
        }
    }
}
