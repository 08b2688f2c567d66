using System.Globalization;

namespace YtOAuth.Cli;

/// <summary>How values read in every view: days as flags take them, instants in UTC, lists comma-separated, scopes by short name.</summary>
internal static class Format
{
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? Date(d) : d.ToString("u", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(",", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Scopes by their short names (ReadOnly, Analytics, ...): a list, shown comma-separated and kept an array in JSON.</summary>
    public static string[] Scopes(IEnumerable<string> scopes) => scopes.Select(Engine.OAuth.Scopes.ShortName).ToArray();
}
