using System.Globalization;

namespace YtOAuth.Cli.Options;

/// <summary>An instant as ISO 8601, to the minute or second: with Z or an offset it is exact, without one it is this machine's local time.</summary>
internal static class TimeOption
{
    private static readonly string[] Formats = { "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK" };

    public static Option<DateTimeOffset?> Create(string name, string description) => new(name)
    {
        Description = description + " As yyyy-MM-ddTHH:mm with Z or an offset (+01:00); without one, local time.",
        HelpName = "time",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time))
            {
                return time;
            }

            r.AddError(name + " takes a time as yyyy-MM-ddTHH:mm with Z or an offset (2026-12-01T18:00Z, 2026-12-01T18:00+01:00), not '" + text + "'.");
            return null;
        },
    };
}
