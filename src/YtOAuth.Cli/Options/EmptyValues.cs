namespace YtOAuth.Cli.Options;

/// <summary>
/// An empty value (what "$VAR" gives when VAR is unset) is a usage error for every flag that takes text, ids or a
/// path: it would otherwise mean "nothing" or "the current folder" without a word.
/// </summary>
internal static class EmptyValues
{
    /// <summary>Adds the check to every such flag of <paramref name="command"/> and its subcommands.</summary>
    public static void Refuse(Command command)
    {
        foreach (var option in command.Options.Where(o => o is Option<string> or Option<string[]> or Option<FileInfo>))
        {
            var list = option is Option<string[]>;
            option.Validators.Add(r =>
            {
                var empty = r.Tokens.FirstOrDefault(t => list ? t.Value.Split(',').All(string.IsNullOrWhiteSpace) : string.IsNullOrWhiteSpace(t.Value));
                if (empty != null)
                {
                    r.AddError(option.Name + " was given an empty value ('" + empty.Value + "'); give " + (list ? "at least one value" : "a value") +
                               (option == SharedOptions.Store ? ", or leave --store out to use the default folder" : "") + ". An unset shell variable gives an empty value.");
                }
            });
        }

        foreach (var sub in command.Subcommands)
        {
            Refuse(sub);
        }
    }
}
