using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine
{
    /// <summary>Reads the fields of Google's JSON answers leniently: a field of an unexpected type reads as absent.</summary>
    internal static class Json
    {
        /// <summary>A field's text when it is a JSON string; null when it is missing or anything else.</summary>
        public static string? Text(JObject? json, string field) => json?[field] is JValue { Type: JTokenType.String } value ? (string?)value : null;

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
