using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Xunit;

namespace YtOAuth.Tests;

/// <summary>
/// Runs the module's real loader (no PowerShell needed: it touches no PowerShell types) in this .NET process,
/// where the test host has already loaded its own Newtonsoft.Json: YtOAuth.Engine must land in YtOAuth's private
/// load context, not the shared one, and work.
/// </summary>
public class DependencyIsolationTests : IClassFixture<BuiltModule>
{
    private readonly BuiltModule module;

    public DependencyIsolationTests(BuiltModule module) => this.module = module;

    [Fact]
    public void The_engine_loads_into_the_private_context_and_parses_json_there()
    {
        var cmdlets = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(module.Folder, "YtOAuth.dll"));
        var loader = cmdlets.GetType("YtOAuth.Hosting.DependencyLoader", throwOnError: true)!;
        loader.GetMethod("Register")!.Invoke(null, new object?[] { Path.Combine(module.Folder, "dependencies") });
        try
        {
            var engineType = Type.GetType("YtOAuth.Engine.OAuth.ClientSecretFile, YtOAuth.Engine", throwOnError: true)!;
            var context = AssemblyLoadContext.GetLoadContext(engineType.Assembly)!;

            Assert.Equal("YtOAuth", context.Name);
            Assert.Same(loader.GetProperty("PrivateContext")!.GetValue(null), context);
            Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "YtOAuth.Engine");

            var parse = engineType.GetMethod("Parse")!;
            var client = parse.Invoke(null, new object?[] { "{\"installed\":{\"client_id\":\"id-1\",\"client_secret\":\"s3cret-value\"}}", "test", null })!;
            Assert.Equal("id-1", client.GetType().GetProperty("ClientId")!.GetValue(client));
        }
        finally
        {
            loader.GetMethod("Unregister")!.Invoke(null, null);
        }
    }
}
