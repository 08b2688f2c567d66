namespace YtOAuth.Cli.Options;

/// <summary>Flags that take several values, comma-separated or repeated: --id a,b --id c.</summary>
internal static class CommaListOption
{
    public static Option<string[]> Create(string name, string description, bool required = false) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Required = required };

    /// <summary>The --id flag of the commands that take ids.</summary>
    public static Option<string[]> Ids(string description, bool required = false) => Create("--id", description, required);

    /// <summary>The values given, trimmed, without empty ones (the engine's rule for comma lists).</summary>
    public static List<string> Values(ParseResult parse, Option<string[]> option) => YtOAuth.Engine.CommaList.Split(parse.GetValue(option));

    /// <summary>The values given, or null when none were: the engine's "not asked".</summary>
    public static List<string>? ValuesOrNull(ParseResult parse, Option<string[]> option) => Values(parse, option) is { Count: > 0 } list ? list : null;
}
