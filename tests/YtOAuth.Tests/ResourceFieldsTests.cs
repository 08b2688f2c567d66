using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace YtOAuth.Tests;

/// <summary>
/// Each field of a YouTube resource is written in four places: the engine model (src/YtOAuth.Engine/YouTube/), the
/// module's output type (src/YtOAuth/Output/Types.cs), the CLI's columns (src/YtOAuth.Cli/ResourceColumns.cs) and the
/// module's default view (src/YtOAuth/YtOAuth.format.ps1xml). One table a resource below says how they line up,
/// renames included; a field added, renamed or shown in one place and not described here fails. The types are read
/// from the built module as metadata; the mappings (an output property from an engine one, a CLI column from an
/// engine property) from the source, as ArchitectureDocTests reads it.
/// </summary>
public class ResourceFieldsTests : IClassFixture<BuiltModule>
{
    /// <summary>Engine property, output-type property, CLI column, view column (null: not shown there).</summary>
    public static readonly TheoryData<string, string, (string Engine, string? Output, string? Cli, string? View)[]> Resources = new()
    {
        {
            "Channel", "YouTubeChannel", new (string, string?, string?, string?)[]
            {
                ("Id", "Id", "Id", "Id"),
                ("Title", "Title", "Title", "Title"),
                ("CustomUrl", "Handle", "Handle", "Handle"),
                ("Description", "Description", null, null),
                ("PublishedAt", "Published", null, null),
                ("SubscriberCount", "Subscribers", "Subscribers", "Subscribers"),
                ("ViewCount", "Views", "Views", null),
                ("VideoCount", "Videos", "Videos", "Videos"),
                ("UploadsPlaylistId", "UploadsPlaylistId", "Uploads", null),
            }
        },
        {
            "Playlist", "YouTubePlaylist", new (string, string?, string?, string?)[]
            {
                ("Id", "Id", "Id", "Id"),
                ("Title", "Title", "Title", "Title"),
                ("Description", "Description", null, null),
                ("ChannelId", "ChannelId", null, null),
                ("ChannelTitle", "ChannelTitle", null, null),
                ("PublishedAt", "Published", "Published", "Published"),
                ("Privacy", "Privacy", "Privacy", "Privacy"),
                ("ItemCount", "ItemCount", "Items", "ItemCount"),
                ("ThumbnailUrl", "ThumbnailUrl", null, null),
            }
        },
        {
            "PlaylistItem", "YouTubePlaylistItem", new (string, string?, string?, string?)[]
            {
                ("Id", "Id", "ItemId", null),
                ("PlaylistId", "PlaylistId", "PlaylistId", null),
                ("Position", "Position", "Position", "Position"),
                ("Title", "Title", "Title", "Title"),
                ("VideoId", "VideoId", "VideoId", "VideoId"),
                ("VideoPublishedAt", "VideoPublished", "Published", "VideoPublished"),
                ("VideoOwnerChannelTitle", "VideoOwner", null, "VideoOwner"),
                ("Privacy", "Privacy", null, null),
            }
        },
        {
            "Video", "YouTubeVideo", new (string, string?, string?, string?)[]
            {
                ("Id", "Id", "Id", "Id"),
                ("Title", "Title", "Title", "Title"),
                ("ChannelId", "ChannelId", null, null),
                ("ChannelTitle", "ChannelTitle", null, null),
                ("PublishedAt", "Published", "Published", "Published"),
                ("ViewCount", "Views", "Views", "Views"),
                ("LikeCount", "Likes", "Likes", "Likes"),
                ("CommentCount", "Comments", "Comments", null),
                ("Duration", "Duration", "Duration", "Duration"),
                ("Definition", "Definition", null, null),
                ("Privacy", "Privacy", "Privacy", null),
            }
        },
    };

    private readonly BuiltModule module;

    public ResourceFieldsTests(BuiltModule module) => this.module = module;

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_engine_field_is_described(string model, string output, (string Engine, string? Output, string? Cli, string? View)[] fields)
    {
        _ = output;
        var engine = module.Context.LoadFromAssemblyPath(Path.Combine(module.Folder, "dependencies", "YtOAuth.Engine.dll"));
        SameNames(Properties(engine.GetType("YtOAuth.Engine.YouTube." + model, throwOnError: true)!), fields.Select(f => f.Engine),
            "YtOAuth.Engine.YouTube." + model + "'s properties");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void The_output_type_has_the_described_properties_each_from_its_engine_field(string model, string output, (string Engine, string? Output, string? Cli, string? View)[] fields)
    {
        SameNames(Properties(module.Assembly.GetType("YtOAuth.Output." + output, throwOnError: true)!), fields.Select(f => f.Output).OfType<string>(),
            "YtOAuth.Output." + output + "'s properties");

        // The constructor copies each one from the engine model: "Handle = c.CustomUrl;".
        var types = Source("src", "YtOAuth", "Output", "Types.cs");
        var constructor = Regex.Match(types, @"internal " + output + @"\(Engine\.YouTube\." + model + @" (\w+)\)\s*\{(.*?)\n\s*\}", RegexOptions.Singleline);
        Assert.True(constructor.Success, output + "'s constructor from " + model + " was not found in Types.cs");
        var copied = Regex.Matches(constructor.Groups[2].Value, @"(\w+) = " + constructor.Groups[1].Value + @"\.(\w+)").Select(m => (m.Groups[2].Value, m.Groups[1].Value));
        SameNames(copied.Select(Pair), fields.Where(f => f.Output != null).Select(f => Pair((f.Engine, f.Output!))), output + "'s constructor (engine -> output)");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_cli_column_shows_a_described_field(string model, string output, (string Engine, string? Output, string? Cli, string? View)[] fields)
    {
        _ = output;
        var table = Regex.Match(Source("src", "YtOAuth.Cli", "ResourceColumns.cs"), @"Columns<" + model + @"> \w+ = new\((.*?)\);", RegexOptions.Singleline);
        Assert.True(table.Success, "ResourceColumns.cs has no table of " + model);
        var columns = Regex.Matches(table.Groups[1].Value, @"\(""(\w+)"", nameof\(" + model + @"\.(\w+)\)\)").Select(m => (m.Groups[2].Value, m.Groups[1].Value));
        SameNames(columns.Select(Pair), fields.Where(f => f.Cli != null).Select(f => Pair((f.Engine, f.Cli!))), "the CLI's columns of " + model + " (engine -> column)");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_view_column_shows_a_described_output_property(string model, string output, (string Engine, string? Output, string? Cli, string? View)[] fields)
    {
        _ = model;
        var view = XDocument.Parse(Source("src", "YtOAuth", "YtOAuth.format.ps1xml")).Descendants("View")
            .Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "YtOAuth.Output." + output);
        var labels = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();
        var items = view.Descendants("TableColumnItem").ToList();
        SameNames(labels, fields.Select(f => f.View).OfType<string>(), "the columns of " + output + "'s view");
        Assert.All(fields.Where(f => f.View != null), f => Assert.Equal(f.Output, f.View)); // a column is named after what it shows

        // Each column shows the property it is labelled with, as a property or in a script.
        for (var i = 0; i < labels.Count; i++)
        {
            var shown = items[i].Element("PropertyName")?.Value ?? items[i].Element("ScriptBlock")!.Value;
            Assert.True(shown == labels[i] || shown.Contains("$_." + labels[i], StringComparison.Ordinal), output + "'s view column '" + labels[i] + "' shows " + shown);
        }
    }

    private static IEnumerable<string> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name);

    private static string Pair((string From, string To) pair) => pair.From + " -> " + pair.To;

    private static void SameNames(IEnumerable<string> actual, IEnumerable<string> described, string what)
    {
        var (have, want) = (actual.ToList(), described.ToList());
        var notDescribed = have.Except(want).ToList();
        var missing = want.Except(have).ToList();
        Assert.True(notDescribed.Count == 0 && missing.Count == 0,
            what + ": " + (notDescribed.Count > 0 ? "not in ResourceFieldsTests' table: " + string.Join(", ", notDescribed) + ". " : string.Empty)
            + (missing.Count > 0 ? "in the table but not there: " + string.Join(", ", missing) + "." : string.Empty));
    }

    private string Source(params string[] path) => File.ReadAllText(Path.Combine(new[] { module.RepoRoot }.Concat(path).ToArray()));
}
