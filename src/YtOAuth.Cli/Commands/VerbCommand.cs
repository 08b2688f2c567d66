namespace YtOAuth.Cli.Commands;

/// <summary>A verb: its flags beside its action, which returns the exit code.</summary>
internal abstract class VerbCommand : Command
{
    protected VerbCommand(string name, string description)
        : base(name, description) => SetAction(RunAsync);

    /// <summary>Adds the verb's flags, in the order --help shows them.</summary>
    protected void Add(params Option[] options)
    {
        foreach (var option in options)
        {
            Options.Add(option);
        }
    }

    protected abstract Task<int> RunAsync(ParseResult parse, CancellationToken cancel);
}
