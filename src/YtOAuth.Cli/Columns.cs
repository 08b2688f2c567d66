using System.Reflection;

namespace YtOAuth.Cli;

/// <summary>
/// The columns a listing of <typeparamref name="T"/> shows, in order: each a header (also the field name with --json)
/// and the engine property under it, named with nameof so that a renamed property breaks the build, not the output.
/// </summary>
internal sealed class Columns<T>
{
    private readonly (string Header, PropertyInfo Property)[] columns;

    public Columns(params (string Header, string Property)[] columns) =>
        this.columns = columns.Select(c => (c.Header, typeof(T).GetProperty(c.Property) ?? throw new ArgumentException(typeof(T).Name + " has no property " + c.Property + ".")))
            .ToArray();

    private Columns((string Header, PropertyInfo Property)[] columns) => this.columns = columns;

    public string[] Headers => columns.Select(c => c.Header).ToArray();

    /// <summary>Some of these columns, in the order given (a command that shows less than the full listing).</summary>
    public Columns<T> Only(params string[] headers) => new(headers.Select(h => columns.Single(c => c.Header == h)).ToArray());

    /// <summary>Rows of <typeparamref name="T"/> for people or scripts (see <see cref="Output.Rows"/>).</summary>
    public Writer Rows(bool json) => new(Output.Rows(json, Headers), this);

    private object?[] ValuesOf(T item) => columns.Select(c => c.Property.GetValue(item)).ToArray();

    /// <summary>Writes each item as one row of these columns.</summary>
    internal sealed class Writer(Output output, Columns<T> columns)
    {
        public void Add(T item) => output.Add(columns.ValuesOf(item));

        public void End() => output.End();
    }
}
