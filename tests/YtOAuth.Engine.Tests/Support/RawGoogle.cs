using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using YtOAuth.Emulator;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>
/// Raw HTTP to an in-process emulator with a token of chosen scopes, got as any test outside the process would: a
/// ready grant from POST /emulator/grants, then a refresh at /token. For tests of the emulator's own contract.
/// </summary>
public sealed class RawGoogle : IDisposable
{
    public const string Auth = "https://www.googleapis.com/auth/";

    private RawGoogle(GoogleEmulator google, string token)
    {
        Google = google;
        Token = token;
        Http = new HttpClient();
    }

    public GoogleEmulator Google { get; }
    public string Token { get; }
    public HttpClient Http { get; }

    /// <summary>A token for these scopes, short names ("youtube.upload") or full URLs.</summary>
    public static async Task<RawGoogle> ConnectAsync(GoogleEmulator google, params string[] scopes)
    {
        using var http = new HttpClient();
        var full = scopes.Select(s => s.StartsWith("https://", StringComparison.Ordinal) ? s : Auth + s);
        using var grantAnswer = await http.PostAsync(google.BaseUri + "emulator/grants?scope=" + Uri.EscapeDataString(string.Join(' ', full)), null);
        var grant = JsonNode.Parse(await grantAnswer.Content.ReadAsStringAsync())!;
        using var tokenAnswer = await http.PostAsync(google.BaseUri + "token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = grant["refresh_token"]!.GetValue<string>(),
            ["client_id"] = grant["client_id"]!.GetValue<string>(), ["client_secret"] = grant["client_secret"]!.GetValue<string>(),
        }));
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        return new RawGoogle(google, token);
    }

    /// <summary>A request to a path under the emulator (or an absolute address), with the bearer token unless told not to.</summary>
    public HttpRequestMessage Request(HttpMethod method, string pathOrUri, bool withToken = true)
    {
        var request = new HttpRequestMessage(method, pathOrUri.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUri) : new Uri(Google.BaseUri, pathOrUri));
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return request;
    }

    /// <summary>Sends a JSON body (or none) and returns the status and the parsed answer (null when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = Request(method, path);
        if (body != null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var answer = await Http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>errors[0].reason of a Google error body.</summary>
    public static string? Reason(JsonNode? body) => body?["error"]?["errors"]?[0]?["reason"]?.GetValue<string>();

    public void Dispose() => Http.Dispose();
}
