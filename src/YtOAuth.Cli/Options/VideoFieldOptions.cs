using YtOAuth.Engine.YouTube;

namespace YtOAuth.Cli.Options;

/// <summary>
/// The flags of a video's metadata, shared by upload and video set: the same names and help in both. Values go to the
/// engine as given; it checks them (lengths, angle brackets, privacy, a schedule only on a private video) before
/// anything is sent.
/// </summary>
internal sealed class VideoFieldOptions
{
    private readonly Option<string?> title;
    private readonly Option<string?> description = new("--description") { Description = "Description (at most 5,000 bytes, no < or >)." };
    private readonly Option<string[]> tags = CommaListOption.Create("--tags", "Tags, comma-separated or repeated (500 characters in all).");
    private readonly Option<string?> category = new("--category-id") { Description = "Category id, a number (22 People & Blogs, 27 Education, 28 Science & Technology).", HelpName = "id" };
    private readonly Option<string?> privacy;
    private readonly Option<DateTimeOffset?> publishAt = TimeOption.Create("--publish-at", "When the video turns public by itself (it stays private until then).");
    private readonly Option<bool?> madeForKids = new("--made-for-kids") { Description = "Whether the video is made for kids (true or false), as YouTube asks of every video.", HelpName = "true|false" };

    public VideoFieldOptions(bool forNewVideo)
    {
        title = new Option<string?>("--title") { Description = "Title (1 to 100 characters, no < or >).", Required = forNewVideo };
        privacy = PrivacyOption.Create(forNewVideo ? "Who can see it (default private: an upload is never public by accident)." : "Who can see it.");
    }

    public IEnumerable<Option> All => new Option[] { title, description, tags, category, privacy, publishAt, madeForKids };

    /// <summary>The metadata given on the command line; what was not given stays null.</summary>
    public VideoChange Read(ParseResult parse) => new()
    {
        Title = parse.GetValue(title),
        Description = parse.GetValue(description),
        Tags = CommaListOption.ValuesOrNull(parse, tags),
        CategoryId = parse.GetValue(category),
        Privacy = parse.GetValue(privacy),
        PublishAt = parse.GetValue(publishAt),
        MadeForKids = parse.GetValue(madeForKids),
    };

    /// <summary>Whether any of these flags was given (a change with none would spend quota to change nothing).</summary>
    public bool AnyGiven(System.CommandLine.Parsing.CommandResult command) => All.Any(o => command.GetResult(o) is { Implicit: false });
}
