using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Engine.Tests.Support;

/// <summary>
/// Plays the user's browser over plain HTTP: loads the consent page, submits its form as a person would (Allow or
/// Deny, optionally unticking scopes), and follows the redirect to the loopback listener. Nothing inside the
/// engine is short-cut: the engine only sees the redirect arrive at its socket.
/// </summary>
public sealed class ConsentPageBrowser : IBrowserLauncher
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Decision { get; init; } = "allow";

    public string[] Untick { get; init; } = Array.Empty<string>();

    /// <summary>Rewrites the redirect before it reaches the listener (e.g. to forge the state).</summary>
    public Func<string, string>? TamperRedirect { get; init; }

    public string? CallbackUrl { get; private set; }

    public HttpStatusCode? CallbackStatus { get; private set; }

    public string? CallbackPage { get; private set; }

    public string? ConsentPage { get; private set; }

    public Task Done => done.Task;

    /// <summary>The consent address last opened.</summary>
    public Uri? OpenedUrl { get; private set; }

    public bool TryOpen(Uri url)
    {
        OpenedUrl = url;
        _ = Task.Run(async () =>
        {
            try
            {
                await Drive(url);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return true;
    }

    private async Task Drive(Uri url)
    {
        using var page = await http.GetAsync(url);
        Uri redirect;
        if (page.StatusCode == HttpStatusCode.Redirect || page.StatusCode == HttpStatusCode.Found)
        {
            redirect = page.Headers.Location!;
        }
        else
        {
            ConsentPage = await page.Content.ReadAsStringAsync();
            var action = Regex.Match(ConsentPage, "<form method=\"post\" action=\"([^\"]+)\"").Groups[1].Value;
            var fields = new List<KeyValuePair<string, string>>();
            foreach (Match hidden in Regex.Matches(ConsentPage, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\""))
            {
                fields.Add(new(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value)));
            }

            foreach (Match box in Regex.Matches(ConsentPage, "<input type=\"checkbox\" name=\"([^\"]+)\" value=\"([^\"]*)\"[^>]*checked"))
            {
                var value = WebUtility.HtmlDecode(box.Groups[2].Value);
                if (!Untick.Contains(value))
                {
                    fields.Add(new(box.Groups[1].Value, value));
                }
            }

            fields.Add(new("decision", Decision));
            using var posted = await http.PostAsync(new Uri(url, action), new FormUrlEncodedContent(fields));
            redirect = posted.Headers.Location ?? throw new InvalidOperationException("The consent form did not redirect: " + (int)posted.StatusCode);
        }

        CallbackUrl = TamperRedirect == null ? redirect.AbsoluteUri : TamperRedirect(redirect.AbsoluteUri);
        using var callback = await http.GetAsync(CallbackUrl);
        CallbackStatus = callback.StatusCode;
        CallbackPage = await callback.Content.ReadAsStringAsync();
    }
}
