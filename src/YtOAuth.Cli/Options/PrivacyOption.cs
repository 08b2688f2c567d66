namespace YtOAuth.Cli.Options;

/// <summary>--privacy for videos and playlists. The value goes to the engine as given: it says what it takes, in one place.</summary>
internal static class PrivacyOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--privacy") { Description = description, HelpName = "private|unlisted|public" };
        option.CompletionSources.Add(Engine.YouTube.VideoUpload.PrivacyValues.ToArray());
        return option;
    }
}
