using System;
using System.Globalization;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Google's quota day runs midnight to midnight Pacific time.</summary>
    internal static class PacificTime
    {
        /// <summary>
        /// The system's Pacific zone, or, where the system has no time-zone data (slim containers, invariant
        /// globalization), the US Pacific rule since 2007: UTC-8, and UTC-7 from the second Sunday of March to the
        /// first Sunday of November, switching at 2:00 local time.
        /// </summary>
        internal static readonly TimeZoneInfo Zone = Find("America/Los_Angeles") ?? Find("Pacific Standard Time") ?? Rule;

        internal static TimeZoneInfo Rule => TimeZoneInfo.CreateCustomTimeZone("US Pacific (rule)", TimeSpan.FromHours(-8), "US Pacific", "PST", "PDT", new[]
        {
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2007, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
        });

        /// <summary>The Pacific calendar day of an instant, as yyyy-MM-dd.</summary>
        public static string Day(DateTime utc) => Day(utc, Zone);

        /// <summary>The next Pacific midnight after an instant, in UTC.</summary>
        public static DateTime NextMidnightUtc(DateTime utc) => NextMidnightUtc(utc, Zone);

        internal static string Day(DateTime utc, TimeZoneInfo zone) =>
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        internal static DateTime NextMidnightUtc(DateTime utc, TimeZoneInfo zone) =>
            TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).Date.AddDays(1), zone);

        private static TimeZoneInfo? Find(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException || e is InvalidTimeZoneException)
            {
                return null;
            }
        }
    }
}
