using System.Globalization;

namespace YtOAuth.Cli.Options;

/// <summary>A day as yyyy-MM-dd.</summary>
internal static class DateOption
{
    /// <summary>
    /// The default is computed by the command and named in the description in the same form: System.CommandLine would
    /// show a default value as the culture's DateTime ("11/07/2026 00:00:00").
    /// </summary>
    public static Option<DateTime?> Create(string name, string description, string fallbackInWords, DateTime fallback) => new(name)
    {
        Description = description + " (default: " + fallbackInWords + ", " + Format.Date(fallback) + ").",
        HelpName = "yyyy-MM-dd",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            r.AddError(name + " takes a date as yyyy-MM-dd, not '" + text + "'.");
            return default;
        },
    };
}
