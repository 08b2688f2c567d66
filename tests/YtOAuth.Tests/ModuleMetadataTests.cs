using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using YtOAuth.ModuleBuilder;
using Xunit;

namespace YtOAuth.Tests;

public class ModuleMetadataTests : IClassFixture<BuiltModule>
{
    private readonly BuiltModule module;

    public ModuleMetadataTests(BuiltModule module) => this.module = module;

    [Fact]
    public void The_module_folder_holds_every_listed_file()
    {
        var expected = new[]
        {
            "YtOAuth.psd1", "YtOAuth.dll", "YtOAuth.format.ps1xml", "en-US/YtOAuth.dll-Help.xml",
            "dependencies/YtOAuth.Engine.dll", "dependencies/Google.Apis.Auth.dll", "dependencies/Google.Apis.Core.dll", "dependencies/Google.Apis.dll",
            "dependencies/Newtonsoft.Json.dll", "dependencies/Microsoft.Bcl.AsyncInterfaces.dll",
        };
        foreach (var file in expected)
        {
            Assert.True(File.Exists(Path.Combine(module.Folder, file)), file + " is missing from " + module.Folder);
        }

        Assert.False(File.Exists(Path.Combine(module.Folder, "System.Management.Automation.dll")), "the PowerShell reference stubs must never ship");
        Assert.Empty(Directory.GetFiles(module.Folder, "*.dll").Select(Path.GetFileName).Except(new[] { "YtOAuth.dll" }));
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_in_the_assembly_and_nothing_else()
    {
        Assert.Equal(module.Cmdlets.Select(c => c.Name).OrderBy(n => n), module.ManifestList("CmdletsToExport").OrderBy(n => n));
        Assert.Empty(module.ManifestList("FunctionsToExport"));
        Assert.Empty(module.ManifestList("AliasesToExport"));
        Assert.Empty(module.ManifestList("VariablesToExport"));
        Assert.DoesNotContain("*", module.Manifest.Split("CmdletsToExport")[1].Split(')')[0]);
        Assert.Equal(new[] { "YtOAuth.format.ps1xml" }, module.ManifestList("FormatsToProcess"));
        Assert.Equal(new[] { "Desktop", "Core" }, module.ManifestList("CompatiblePSEditions"));
        Assert.Contains("RootModule             = 'YtOAuth.dll'", module.Manifest);
        Assert.Contains("PowerShellVersion      = '5.1'", module.Manifest);
        Assert.Contains("ModuleVersion          = '" + module.Version + "'", module.Manifest);
        Assert.DoesNotMatch("(?m)^\\s*RequiredModules\\s*=", module.Manifest); // Process scope must work without SecretManagement
        Assert.DoesNotMatch("(?m)^\\s*(RequiredAssemblies|NestedModules)\\s*=", module.Manifest); // would load dependencies into the shared context
        Assert.Contains("Tags", module.Manifest);
    }

    [Fact]
    public void The_manifest_is_ready_for_a_gallery_release_notes_name_every_cmdlet_and_no_address_is_a_placeholder()
    {
        var notes = module.Manifest.Split("ReleaseNotes")[1];
        Assert.All(module.ManifestList("CmdletsToExport"), cmdlet => Assert.Contains(cmdlet, notes));
        // An address in the manifest is shown by the gallery and by Get-Help -Online: only real ones belong there.
        Assert.DoesNotMatch("(?m)^\\s*(ProjectUri|LicenseUri|IconUri|HelpInfoURI)\\s*=", module.Manifest);
        Assert.DoesNotMatch("https?://(www\\.)?(github\\.com/YtOAuth|example\\.)", module.Manifest);
        Assert.Contains("SecretManagement is optional", module.Manifest);
        Assert.True(File.Exists(Path.Combine(module.Folder, "LICENSE")), "the licence ships in the module folder");
    }

    [Fact]
    public void Every_cmdlet_has_an_approved_verb_a_public_sealed_class_and_an_output_type()
    {
        // PowerShell's approved verbs are the constants of its Verbs* classes (VerbsCommon, VerbsSecurity, ...).
        var sma = module.Context.LoadFromAssemblyName("System.Management.Automation");
        var approved = sma.GetTypes().Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs"))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Contains("Connect", approved);
        Assert.DoesNotContain("Fetch", approved);

        Assert.Equal(module.ManifestList("CmdletsToExport").OrderBy(n => n), module.Cmdlets.Select(c => c.Verb + "-" + c.Noun).OrderBy(n => n));
        foreach (var cmdlet in module.Cmdlets)
        {
            Assert.Contains(cmdlet.Verb, approved);
            Assert.True(cmdlet.IsPublicSealed, cmdlet.ClassName);
            Assert.Equal("YtOAuth.Commands." + cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.ClassName);
            Assert.NotEmpty(cmdlet.OutputTypes);
            Assert.All(cmdlet.Parameters.Where(p => p.Name is "Profile" or "Vault"), p => Assert.DoesNotContain(p.Sets, s => s.Mandatory));
        }
    }

    [Fact]
    public void Connect_YouTube_has_interactive_and_unattended_parameter_sets()
    {
        var connect = module["Connect-YouTube"];
        Assert.Equal("ClientSecretFile", connect.DefaultParameterSet);
        Assert.Equal(new[] { "ClientId", "ClientSecretFile", "RefreshToken", "RefreshTokenFile" }, connect.ParameterSets);
        Assert.Equal(new[] { "YtOAuth.Output.YouTubeContext" }, connect.OutputTypes);

        var path = connect.Parameters.Single(p => p.Name == "ClientSecretPath");
        Assert.All(path.Sets, s => Assert.True(s.Mandatory));
        Assert.Equal(new[] { "ClientSecretFile", "RefreshTokenFile" }, path.Sets.Select(s => s.Name).OrderBy(n => n));
        Assert.Equal("SecureString", connect.Parameters.Single(p => p.Name == "ClientSecret").TypeName);
        Assert.Equal("SecureString", connect.Parameters.Single(p => p.Name == "RefreshToken").TypeName);
        // The browser-only switches do not exist in the unattended sets.
        foreach (var name in new[] { "NoBrowser", "UseDeviceCode", "TimeoutSec", "LoginHint", "Force" })
        {
            Assert.Equal(new[] { "ClientId", "ClientSecretFile" }, connect.Parameters.Single(p => p.Name == name).Sets.Select(s => s.Name).OrderBy(n => n));
        }

        Assert.Contains("ArgumentCompleterAttribute", connect.Parameters.Single(p => p.Name == "Scope").Attributes);
        Assert.Equal("ContextScope", connect.Parameters.Single(p => p.Name == "ContextScope").TypeName);
    }

    [Fact]
    public void Get_YouTubePlaylist_pages_and_takes_ids_from_the_pipeline()
    {
        var playlist = module["Get-YouTubePlaylist"];
        Assert.True(playlist.SupportsPaging);
        Assert.Equal("Mine", playlist.DefaultParameterSet);
        var id = playlist.Parameters.Single(p => p.Name == "Id");
        Assert.Equal("String[]", id.TypeName);
        Assert.False(id.Sets.Single().FromPipeline);
        Assert.Contains("PlaylistId", id.Aliases);
        var input = playlist.Parameters.Single(p => p.Name == "InputObject");
        Assert.True(input.Sets.Single().FromPipeline);
        Assert.Equal(new[] { "Channel", "Id", "InputObject" }, playlist.Parameters.Single(p => p.Name == "ApiKey").Sets.Select(s => s.Name).OrderBy(n => n));
        Assert.Equal(new[] { "YtOAuth.Output.YouTubePlaylist" }, playlist.OutputTypes);
    }

    [Fact]
    public void Pipeline_input_is_read_by_meaning_never_by_a_property_name_that_happens_to_match()
    {
        // Only -InputObject takes objects (each command decides what a piped object means, and refuses the rest);
        // only -Profile binds by property name, from contexts. An "Id" bound by name took a channel's id for a
        // playlist's and a playlist's title for a video's.
        foreach (var cmdlet in module.Cmdlets)
        {
            foreach (var parameter in cmdlet.Parameters)
            {
                if (parameter.Sets.Any(s => s.FromPipeline))
                {
                    Assert.True(parameter.Name == "InputObject" && parameter.TypeName == "PSObject", cmdlet.Name + " -" + parameter.Name + " takes pipeline input by value");
                }

                if (parameter.Sets.Any(s => s.FromPipelineByPropertyName))
                {
                    Assert.True(parameter.Name == "Profile", cmdlet.Name + " -" + parameter.Name + " binds by property name");
                }
            }
        }

        Assert.Equal(new[]
            {
                "Add-YouTubePlaylistItem", "Get-YouTubeChannel", "Get-YouTubePlaylist", "Get-YouTubePlaylistItem", "Get-YouTubeVideo", "Remove-YouTubePlaylist",
                "Remove-YouTubePlaylistItem", "Set-YouTubePlaylist", "Set-YouTubeThumbnail", "Set-YouTubeVideo",
            },
            module.Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "InputObject")).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Token_analytics_revoke_and_context_cmdlets_declare_their_contracts()
    {
        var token = module["Get-YouTubeToken"];
        Assert.Equal(new[] { "System.Security.SecureString", "System.String", "YtOAuth.Output.YouTubeAccessToken" }, token.OutputTypes.OrderBy(t => t));
        Assert.True(token.Parameters.Single(p => p.Name == "AsPlainText").IsSwitch);

        var analytics = module["Get-YouTubeAnalytics"];
        Assert.True(analytics.Parameters.Single(p => p.Name == "StartDate").Sets.Single().Mandatory);
        Assert.True(analytics.Parameters.Single(p => p.Name == "Metrics").Sets.Single().Mandatory);
        Assert.Equal("DateTime", analytics.Parameters.Single(p => p.Name == "EndDate").TypeName);
        Assert.Contains("ArgumentCompleterAttribute", analytics.Parameters.Single(p => p.Name == "Dimensions").Attributes);

        var revoke = module["Revoke-YouTubeToken"];
        Assert.True(revoke.SupportsShouldProcess);
        Assert.Equal(3, revoke.ConfirmImpact); // High
        Assert.True(revoke.Parameters.Single(p => p.Name == "Force").IsSwitch);
        Assert.True(revoke.Parameters.Single(p => p.Name == "Profile").Sets.Single().FromPipelineByPropertyName);

        Assert.True(module["Disconnect-YouTube"].SupportsShouldProcess);
        Assert.False(module["Get-YouTubePlaylist"].SupportsShouldProcess);
        Assert.False(module["Get-YouTubeToken"].SupportsShouldProcess);
    }

    [Fact]
    public void Changes_support_WhatIf_and_deletes_confirm_at_High_impact_with_Force()
    {
        var changes = new[]
        {
            "Add-YouTubePlaylistItem", "New-YouTubePlaylist", "Publish-YouTubeVideo", "Remove-YouTubePlaylist", "Remove-YouTubePlaylistItem",
            "Set-YouTubePlaylist", "Set-YouTubeThumbnail", "Set-YouTubeVideo",
        };
        Assert.All(changes, name => Assert.True(module[name].SupportsShouldProcess, name));
        foreach (var delete in new[] { "Remove-YouTubePlaylist", "Remove-YouTubePlaylistItem" })
        {
            Assert.Equal(3, module[delete].ConfirmImpact); // High
            Assert.True(module[delete].Parameters.Single(p => p.Name == "Force").IsSwitch);
        }

        var publish = module["Publish-YouTubeVideo"];
        Assert.Equal(new[] { "YtOAuth.Output.YouTubeVideo" }, publish.OutputTypes);
        Assert.All(new[] { "Path", "Title" }, name => Assert.True(publish.Parameters.Single(p => p.Name == name).Sets.Single().Mandatory));
        Assert.True(publish.Parameters.Single(p => p.Name == "MadeForKids").IsSwitch);
        Assert.Equal("DateTime", publish.Parameters.Single(p => p.Name == "PublishAt").TypeName);
        foreach (var name in new[] { "Publish-YouTubeVideo", "Set-YouTubeVideo", "New-YouTubePlaylist", "Set-YouTubePlaylist" })
        {
            Assert.Contains("ArgumentCompleterAttribute", module[name].Parameters.Single(p => p.Name == "Privacy").Attributes);
        }
    }

    [Fact]
    public void The_cmdlet_assembly_references_only_the_allow_list()
    {
        // Reflection.Emit makes the Analytics row types; both are part of every runtime PowerShell runs on.
        var allowed = new[] { "netstandard", "System.Management.Automation", "YtOAuth.Engine", "System.Reflection.Emit", "System.Reflection.Emit.ILGeneration" };
        Assert.Equal(allowed.OrderBy(n => n), module.Assembly.GetReferencedAssemblies().Select(a => a.Name!).OrderBy(n => n));
    }

    [Fact]
    public void Help_is_maml_with_synopsis_parameters_and_three_examples_per_cmdlet()
    {
        var help = XDocument.Load(Path.Combine(module.Folder, "en-US", "YtOAuth.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        var commands = help.Root!.Elements(command + "command").ToList();
        Assert.Equal(module.Cmdlets.Select(c => c.Name), commands.Select(c => c.Element(command + "details")!.Element(command + "name")!.Value));
        foreach (var element in commands)
        {
            var name = element.Element(command + "details")!.Element(command + "name")!.Value;
            Assert.NotEmpty(element.Element(command + "details")!.Element(maml + "description")!.Value);
            Assert.True(element.Element(command + "examples")!.Elements().Count() >= 3, name);
            var documented = element.Element(command + "parameters")!.Elements().Select(p => p.Element(maml + "name")!.Value);
            Assert.Equal(module[name].Parameters.Select(p => p.Name).OrderBy(n => n), documented.OrderBy(n => n));
            Assert.Equal(module[name].ParameterSets.Count, element.Element(command + "syntax")!.Elements().Count());
        }
    }

    [Fact]
    public void The_help_builder_refuses_undocumented_parameters()
    {
        var docs = Directory.GetFiles(Path.Combine(module.RepoRoot, "docs"), "*-*.md").Select(HelpDocument.Parse).ToDictionary(d => d.Name);
        Assert.Empty(MamlWriter.Validate(module.Cmdlets, docs));

        var lacking = docs.ToDictionary(p => p.Key, p => p.Key == "Get-YouTubeToken" ? HelpDocument.Parse(WriteWithout(p.Key, "### -AsPlainText")) : p.Value);
        Assert.Contains("Get-YouTubeToken: parameter -AsPlainText is not documented.", MamlWriter.Validate(module.Cmdlets, lacking));
    }

    private string WriteWithout(string cmdlet, string heading)
    {
        var text = File.ReadAllText(Path.Combine(module.RepoRoot, "docs", cmdlet + ".md")).Replace(heading, "### -Removed");
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(path, text);
        return path;
    }
}
