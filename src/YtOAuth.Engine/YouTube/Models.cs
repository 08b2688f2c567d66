using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>A playlist.</summary>
    public sealed class Playlist
    {
        internal Playlist(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            Description = (string?)item["snippet"]?["description"] ?? string.Empty;
            ChannelId = (string?)item["snippet"]?["channelId"];
            ChannelTitle = (string?)item["snippet"]?["channelTitle"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            Privacy = (string?)item["status"]?["privacyStatus"];
            ItemCount = (int?)Json.Count(item["contentDetails"]?["itemCount"]);
            ThumbnailUrl = (string?)item["snippet"]?["thumbnails"]?["default"]?["url"];
        }

        /// <summary>Playlist id.</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Description.</summary>
        public string Description { get; }
        /// <summary>Owning channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Owning channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>When it was created.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }
        /// <summary>Number of items.</summary>
        public int? ItemCount { get; }
        /// <summary>Default thumbnail.</summary>
        public string? ThumbnailUrl { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }

    /// <summary>An entry of a playlist.</summary>
    public sealed class PlaylistItem
    {
        internal PlaylistItem(JObject item)
        {
            Id = Json.Id(item);
            PlaylistId = (string?)item["snippet"]?["playlistId"] ?? string.Empty;
            Position = (int?)Json.Count(item["snippet"]?["position"]);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            VideoId = (string?)item["contentDetails"]?["videoId"] ?? (string?)item["snippet"]?["resourceId"]?["videoId"];
            VideoPublishedAt = Json.Date(item["contentDetails"]?["videoPublishedAt"]);
            VideoOwnerChannelTitle = (string?)item["snippet"]?["videoOwnerChannelTitle"];
            Privacy = (string?)item["status"]?["privacyStatus"];
        }

        /// <summary>Item id.</summary>
        public string Id { get; }
        /// <summary>Playlist it belongs to.</summary>
        public string PlaylistId { get; }
        /// <summary>0-based position.</summary>
        public int? Position { get; }
        /// <summary>Video title ("Deleted video" for removed ones).</summary>
        public string Title { get; }
        /// <summary>Video id.</summary>
        public string? VideoId { get; }
        /// <summary>When the video was published (absent for deleted or private videos).</summary>
        public DateTimeOffset? VideoPublishedAt { get; }
        /// <summary>Channel that owns the video.</summary>
        public string? VideoOwnerChannelTitle { get; }
        /// <summary>Privacy of the item.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Position + ": " + Title;
    }

    /// <summary>A channel.</summary>
    public sealed class Channel
    {
        internal Channel(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            CustomUrl = (string?)item["snippet"]?["customUrl"];
            Description = (string?)item["snippet"]?["description"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            UploadsPlaylistId = (string?)item["contentDetails"]?["relatedPlaylists"]?["uploads"];
            SubscriberCount = Json.Count(item["statistics"]?["subscriberCount"]);
            ViewCount = Json.Count(item["statistics"]?["viewCount"]);
            VideoCount = Json.Count(item["statistics"]?["videoCount"]);
        }

        /// <summary>Description.</summary>
        public string? Description { get; }
        /// <summary>When the channel was created.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>Subscribers (rounded by YouTube).</summary>
        public long? SubscriberCount { get; }
        /// <summary>Views of all its videos.</summary>
        public long? ViewCount { get; }
        /// <summary>Public videos.</summary>
        public long? VideoCount { get; }

        /// <summary>Channel id (UC...).</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Handle such as @name.</summary>
        public string? CustomUrl { get; }
        /// <summary>The uploads playlist.</summary>
        public string? UploadsPlaylistId { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }

    /// <summary>A video, with its statistics and content details.</summary>
    public sealed class Video
    {
        internal Video(JObject item)
        {
            Id = Json.Id(item);
            Title = (string?)item["snippet"]?["title"] ?? string.Empty;
            ChannelId = (string?)item["snippet"]?["channelId"];
            ChannelTitle = (string?)item["snippet"]?["channelTitle"];
            PublishedAt = Json.Date(item["snippet"]?["publishedAt"]);
            ViewCount = Json.Count(item["statistics"]?["viewCount"]);
            LikeCount = Json.Count(item["statistics"]?["likeCount"]);
            CommentCount = Json.Count(item["statistics"]?["commentCount"]);
            Duration = Json.Duration(item["contentDetails"]?["duration"]);
            Definition = (string?)item["contentDetails"]?["definition"];
            Privacy = (string?)item["status"]?["privacyStatus"];
        }

        /// <summary>Video id.</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>When it was published.</summary>
        public DateTimeOffset? PublishedAt { get; }
        /// <summary>Views.</summary>
        public long? ViewCount { get; }
        /// <summary>Likes.</summary>
        public long? LikeCount { get; }
        /// <summary>Comments.</summary>
        public long? CommentCount { get; }
        /// <summary>Length.</summary>
        public TimeSpan? Duration { get; }
        /// <summary>hd or sd.</summary>
        public string? Definition { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Title + " (" + Id + ")";
    }

    /// <summary>One column of an Analytics report.</summary>
    public sealed class AnalyticsColumn
    {
        internal AnalyticsColumn(string name, string columnType, string dataType)
        {
            Name = name;
            ColumnType = columnType;
            DataType = dataType;
            Kind = name == "day" ? ValueKind.Day
                : name == "month" ? ValueKind.Month
                : dataType == "INTEGER" ? ValueKind.Integer
                : dataType == "STRING" ? ValueKind.Text
                : ValueKind.Real; // FLOAT, CURRENCY and types Google may add later
        }

        /// <summary>Column name (dimension or metric).</summary>
        public string Name { get; }
        /// <summary>DIMENSION or METRIC.</summary>
        public string ColumnType { get; }
        /// <summary>STRING, INTEGER, FLOAT...</summary>
        public string DataType { get; }
        /// <summary>The .NET type of values in this column: DateTime (day, month), long, double or string.</summary>
        public Type ValueType => Kind == ValueKind.Day || Kind == ValueKind.Month ? typeof(DateTime)
            : Kind == ValueKind.Integer ? typeof(long)
            : Kind == ValueKind.Real ? typeof(double)
            : typeof(string);

        internal ValueKind Kind { get; }

        /// <summary>A value that came as text (or a number where text was expected) converted to <see cref="ValueType"/>.</summary>
        internal object Parse(string text)
        {
            switch (Kind)
            {
                case ValueKind.Day: return DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                case ValueKind.Month: return DateTime.ParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture);
                case ValueKind.Integer: return (long)Math.Round(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                case ValueKind.Real: return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                default: return text;
            }
        }
    }

    /// <summary>What an Analytics column's values become.</summary>
    internal enum ValueKind
    {
        Text,
        Integer,
        Real,
        Day,
        Month,
    }

    /// <summary>Typed rows of an Analytics report with its columns: the whole report (QueryAsync) or a batch as it arrives (StreamAsync).</summary>
    public sealed class AnalyticsRows
    {
        internal AnalyticsRows(IReadOnlyList<AnalyticsColumn> columns, IReadOnlyList<object?[]> rows)
        {
            Columns = columns;
            Rows = rows;
        }

        /// <summary>Dimensions first, then metrics, in request order, as Google named them; the same object in every batch of a report.</summary>
        public IReadOnlyList<AnalyticsColumn> Columns { get; }
        /// <summary>Rows; each value typed per its column.</summary>
        public IReadOnlyList<object?[]> Rows { get; }
    }

    internal static class Json
    {
        /// <summary>A count; Google sends 64-bit counts as strings. A value that is no count is left out (null), never failing the page it came in.</summary>
        public static long? Count(JToken? token) =>
            token is JValue { Type: JTokenType.String or JTokenType.Integer } value &&
            long.TryParse(Convert.ToString(value.Value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : (long?)null;

        private static readonly System.Text.RegularExpressions.Regex Iso8601Duration = new System.Text.RegularExpressions.Regex(
            @"^P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// A video's length as YouTube writes it (ISO 8601): PT4M13S, P1DT2H, with weeks (P1W2DT3H), and P0D for live and
        /// upcoming videos. Years and months (which have no fixed length) or anything else unreadable is null, so one odd
        /// value never fails the page of 50 it came in.
        /// </summary>
        public static TimeSpan? Duration(JToken? token)
        {
            var text = token is JValue { Type: JTokenType.String } value ? (string?)value : null;
            var match = text == null ? null : Iso8601Duration.Match(text);
            if (match == null || !match.Success || text == "P" || text!.EndsWith("T", StringComparison.Ordinal))
            {
                return null;
            }

            double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
            try
            {
                return TimeSpan.FromDays(Part("w") * 7 + Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>An item's id; an item without one is the server's error.</summary>
        public static string Id(JObject item) =>
            item["id"] is JValue { Type: JTokenType.String } id && ((string?)id)?.Length > 0 ? (string)id! : throw new InvalidOperationException("an item without an id");

        public static DateTimeOffset? Date(JToken? token)
        {
            if (token == null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type == JTokenType.Date)
            {
                return new DateTimeOffset((DateTime)token);
            }

            return DateTimeOffset.TryParse((string?)token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : (DateTimeOffset?)null;
        }
    }
}
