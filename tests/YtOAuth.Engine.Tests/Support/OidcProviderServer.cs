using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>
/// tests/interop/server.mjs: oidc-provider, an OAuth server nobody on this project wrote, started on 127.0.0.1 for one
/// test (npm ci --prefix tests/interop installs it; .ci/setup does).
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    public const string ClientId = "ytoauth-interop";
    public const string ClientSecret = "interop-client-secret-0123456789";

    private readonly Process node;

    private OidcProviderServer(Process node, Uri issuer)
    {
        this.node = node;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    /// <summary>A client_secret.json for its client, in Google's "installed" shape, as a user would write one for this server.</summary>
    public string ClientSecretJson(string redirect = "http://127.0.0.1/callback") =>
        "{\"installed\": {\"client_id\": \"" + ClientId + "\", \"client_secret\": \"" + ClientSecret + "\", \"auth_uri\": \"" + Issuer.AbsoluteUri.TrimEnd('/') +
        "/auth\", \"token_uri\": \"" + Issuer.AbsoluteUri.TrimEnd('/') + "/token\", \"redirect_uris\": [\"" + redirect + "\"]}}";

    public static async Task<OidcProviderServer> StartAsync(bool rotate = false)
    {
        var folder = Path.Combine(Cli.RepoRoot, "tests", "interop");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException("oidc-provider is not installed: npm ci --prefix tests/interop (.ci/setup does).");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("server.mjs");
        if (rotate)
        {
            info.ArgumentList.Add("--rotate");
        }

        var node = Process.Start(info)!;
        _ = node.StandardError.ReadToEndAsync(); // its start-up warnings
        var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line == null || !line.StartsWith("issuer ", StringComparison.Ordinal))
        {
            node.Kill(true);
            throw new InvalidOperationException("oidc-provider did not start: " + line);
        }

        return new OidcProviderServer(node, new Uri(line.Substring(7)));
    }

    public ValueTask DisposeAsync()
    {
        node.Kill(entireProcessTree: true);
        node.Dispose();
        return ValueTask.CompletedTask;
    }
}
