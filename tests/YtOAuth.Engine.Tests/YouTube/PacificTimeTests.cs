using System;
using System.Linq;
using YtOAuth.Engine.YouTube;
using Xunit;

namespace YtOAuth.Engine.Tests.YouTube;

public class PacificTimeTests
{
    [Fact]
    public void The_rule_used_without_time_zone_data_agrees_with_the_system_zone_every_hour_for_years()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var start = new DateTime(2019, 1, 1, 0, 30, 0, DateTimeKind.Utc);
        var hours = Enumerable.Range(0, 24 * 366 * 8).Select(h => start.AddHours(h));
        var disagreements = hours.Where(t => PacificTime.Day(t, PacificTime.Rule) != PacificTime.Day(t, system)).Take(3).ToList();
        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("2026-03-08T09:59:00Z", "2026-03-08", "2026-03-09T07:00:00Z")] // the morning daylight time starts
    [InlineData("2026-07-01T06:59:00Z", "2026-06-30", "2026-07-01T07:00:00Z")] // summer: UTC-7
    [InlineData("2026-11-23T07:59:00Z", "2026-11-22", "2026-11-23T08:00:00Z")] // winter: UTC-8
    public void Quota_day_and_its_reset_follow_daylight_time(string utc, string day, string nextMidnight)
    {
        var instant = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(day, PacificTime.Day(instant, PacificTime.Rule));
        Assert.Equal(DateTime.Parse(nextMidnight, null, System.Globalization.DateTimeStyles.AdjustToUniversal), PacificTime.NextMidnightUtc(instant, PacificTime.Rule));
    }
}
