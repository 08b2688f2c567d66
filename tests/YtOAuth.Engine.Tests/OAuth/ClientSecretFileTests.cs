using System;
using System.IO;
using YtOAuth.Engine.OAuth;
using Xunit;

namespace YtOAuth.Engine.Tests.OAuth;

public class ClientSecretFileTests : IDisposable
{
    private const string Secret = "GOCSPX-very-secret-value";
    private readonly string folder = Directory.CreateTempSubdirectory("ytoauth-secrets-").FullName;

    [Theory]
    [InlineData("installed")]
    [InlineData("web")]
    public void Both_shapes_load_and_honour_auth_and_token_uri(string shape)
    {
        var path = Write($"{{\"{shape}\":{{\"client_id\":\"id.apps.googleusercontent.com\",\"client_secret\":\"{Secret}\",\"auth_uri\":\"https://example.test/auth\",\"token_uri\":\"https://example.test/token\"}}}}");
        var client = ClientSecretFile.Load(path);
        Assert.Equal("id.apps.googleusercontent.com", client.ClientId);
        Assert.Equal(new Uri("https://example.test/token"), client.Endpoints.Token);
        Assert.Equal(new Uri("https://example.test/auth"), client.Endpoints.Authorization);
        Assert.Equal(GoogleEndpoints.Google.Revocation, client.Endpoints.Revocation);
        Assert.DoesNotContain(Secret, client.ToString());
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"installed\":{\"client_id\":\"x\",\"client_secret\":\"" + Secret, "not valid JSON (error at line 1")]
    [InlineData("[1,2]", "is not a JSON object")]
    [InlineData("{\"installed\":{}} trailing", "not valid JSON")]
    [InlineData("{\"other\":{}}", "neither an 'installed' nor a 'web' section")]
    [InlineData("{\"installed\":{\"client_secret\":\"" + Secret + "\"}}", "no 'installed.client_id' field")]
    [InlineData("{\"installed\":{\"client_id\":\"x\"}}", "no 'installed.client_secret' field")]
    [InlineData("{\"installed\":{\"client_id\":\"  \",\"client_secret\":\"" + Secret + "\"}}", "empty or non-text 'installed.client_id'")]
    [InlineData("{\"installed\":{\"client_id\":\"x\",\"client_secret\":42}}", "empty or non-text 'installed.client_secret'")]
    [InlineData("{\"installed\":{\"client_id\":\"x\",\"client_secret\":\"" + Secret + "\",\"token_uri\":\"http://evil.example/token\"}}", "invalid 'installed.token_uri'")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"" + Secret + "\"}", "service-account key")]
    public void Malformed_files_name_the_file_and_the_problem_and_never_the_secret(string content, string expected)
    {
        var path = Write(content);

        var error = Assert.Throws<YtOAuthException>(() => ClientSecretFile.Load(path));

        Assert.Equal(ErrorCode.ClientSecretInvalid, error.Code);
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains("Download", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.Equal(path, error.Target);
    }

    [Fact]
    public void Missing_file_says_where_it_looked()
    {
        var path = Path.Combine(folder, "nope.json");
        var error = Assert.Throws<YtOAuthException>(() => ClientSecretFile.Load(path));
        Assert.Equal(ErrorCode.ClientSecretNotFound, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Oversized_file_is_refused_without_reading_it_whole()
    {
        var path = Write(new string(' ', 70_000));
        Assert.Contains("far larger", Assert.Throws<YtOAuthException>(() => ClientSecretFile.Load(path)).Message);
    }

    private string Write(string content)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, true);
}
