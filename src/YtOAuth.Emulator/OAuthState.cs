using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace YtOAuth.Emulator;

/// <summary>An OAuth client the emulator knows.</summary>
public sealed record EmulatedClient(string ClientId, string ClientSecret, bool IsDeviceClient)
{
    /// <summary>Registered redirect URIs; loopback ones match any port (RFC 8252 7.3), but only their own path.</summary>
    public string[] RedirectUris { get; init; } = { "http://localhost" };

    /// <summary>Whether a loopback redirect URI asked for matches one registered: any port, the same path.</summary>
    public bool AllowsRedirect(Uri asked) => RedirectUris.Any(r => Uri.TryCreate(r, UriKind.Absolute, out var registered) &&
        registered.Scheme == asked.Scheme && IsLoopback(registered) && IsLoopback(asked) && registered.AbsolutePath == asked.AbsolutePath);

    private static bool IsLoopback(Uri uri) => uri.Host is "127.0.0.1" or "[::1]" or "localhost";
}

/// <summary>A live grant: a refresh token and what it allows.</summary>
internal sealed class Grant
{
    public required string ClientId { get; init; }
    public required string[] Scopes { get; init; }
    public required DateTime ConsentUtc { get; init; }
    public required string ChannelId { get; init; }
    public string RefreshToken { get; set; } = string.Empty;
    public bool Revoked { get; set; }
}

internal sealed record AccessToken(Grant Grant, DateTime ExpiresUtc);

internal sealed record PendingConsent(string ClientId, string RedirectUri, string[] Scopes, string? State, string? Challenge, string ChallengeMethod);

internal sealed record IssuedCode(PendingConsent Request, string[] Granted, DateTime ExpiresUtc)
{
    public bool Used { get; set; }
}

internal sealed class DeviceRequest
{
    public required string ClientId { get; init; }
    public required string[] Scopes { get; init; }
    public required string UserCode { get; init; }
    public required DateTime ExpiresUtc { get; init; }
    public DateTime? LastPollUtc { get; set; }
    public string? Decision { get; set; } // "allow", "deny" or null while pending
    public bool Redeemed { get; set; }
}

/// <summary>Everything the emulated Google remembers: clients, consents, codes and tokens.</summary>
internal sealed class OAuthState
{
    private readonly Func<DateTime> now;
    public readonly ConcurrentDictionary<string, EmulatedClient> Clients = new();
    public readonly ConcurrentDictionary<string, PendingConsent> Consents = new();
    public readonly ConcurrentDictionary<string, IssuedCode> Codes = new();
    public readonly ConcurrentDictionary<string, Grant> RefreshTokens = new();
    public readonly ConcurrentDictionary<string, AccessToken> AccessTokens = new();
    public readonly ConcurrentDictionary<string, DeviceRequest> DeviceCodes = new();
    /// <summary>Every secret issued or received (codes, verifiers, tokens, client secrets), for leak checks in tests.</summary>
    public readonly ConcurrentBag<string> Secrets = new();

    public OAuthState(Func<DateTime> now) => this.now = now;

    public DateTime Now => now();

    public static string NewToken(string prefix, int bytes = 32) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public (string Access, string Refresh) IssueGrant(string clientId, string[] scopes, string channelId, TimeSpan accessLifetime)
    {
        var grant = new Grant { ClientId = clientId, Scopes = AsGranted(scopes), ConsentUtc = Now, ChannelId = channelId };
        grant.RefreshToken = Remember(NewToken("1//rt-"));
        RefreshTokens[grant.RefreshToken] = grant;
        return (IssueAccess(grant, accessLifetime), grant.RefreshToken);
    }

    /// <summary>
    /// Scopes as Google grants them: the OpenID shorthands email and profile come back as userinfo.email and
    /// userinfo.profile, with openid added.
    /// </summary>
    public static string[] AsGranted(string[] asked)
    {
        const string Auth = "https://www.googleapis.com/auth/";
        var granted = asked.Select(s => s switch { "email" => Auth + "userinfo.email", "profile" => Auth + "userinfo.profile", _ => s }).ToList();
        if (asked.Any(s => s is "email" or "profile"))
        {
            granted.Insert(0, "openid");
        }

        return granted.Distinct().ToArray();
    }

    public string IssueAccess(Grant grant, TimeSpan lifetime)
    {
        var token = Remember(NewToken("ya29.at-"));
        AccessTokens[token] = new AccessToken(grant, Now + lifetime);
        return token;
    }

    public string Remember(string secret)
    {
        Secrets.Add(secret);
        return secret;
    }

    /// <summary>Kills a grant and every access token it issued.</summary>
    public void Revoke(Grant grant)
    {
        grant.Revoked = true;
        foreach (var pair in AccessTokens.Where(p => p.Value.Grant == grant).ToList())
        {
            AccessTokens.TryRemove(pair.Key, out _);
        }
    }

    public IEnumerable<Grant> LiveGrants => RefreshTokens.Values.Where(g => !g.Revoked).Distinct();
}
