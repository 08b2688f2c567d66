using System;
using System.Linq;
using System.Security;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;

namespace YtOAuth.Output
{
    /// <summary>Where a connection keeps its grant.</summary>
    public enum ContextScope
    {
        /// <summary>In memory, for this PowerShell session only (CI).</summary>
        Process,
        /// <summary>In a SecretManagement vault, for this user across sessions.</summary>
        CurrentUser,
    }

    /// <summary>A connected profile: account, scopes, expiry and where it is stored. Never a secret.</summary>
    public sealed class YouTubeContext
    {
        internal YouTubeContext(ProfileInfo info, ContextScope scope, string? vault, string[]? missingScopes = null)
        {
            Profile = info.Profile;
            ChannelTitle = info.AccountLabel;
            ChannelId = info.ChannelId;
            Scopes = info.Scopes.Select(Engine.OAuth.Scopes.ShortName).ToArray();
            MissingScopes = (missingScopes ?? new string[0]).Select(Engine.OAuth.Scopes.ShortName).ToArray();
            ConsentedOn = info.ConsentUtc.ToLocalTime();
            ExpiresOn = info.AccessTokenExpiresUtc?.ToLocalTime();
            ContextScope = scope;
            Vault = vault;
            ClientId = info.ClientId;
            QuotaUnitsToday = info.QuotaUnitsToday;
        }

        /// <summary>Profile name.</summary>
        public string Profile { get; }
        /// <summary>Channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>Channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Granted scopes, by friendly name.</summary>
        public string[] Scopes { get; }
        /// <summary>Requested scopes the user did not grant.</summary>
        public string[] MissingScopes { get; }
        /// <summary>When consent was given.</summary>
        public DateTime ConsentedOn { get; }
        /// <summary>When the current access token expires.</summary>
        public DateTime? ExpiresOn { get; }
        /// <summary>Process or CurrentUser.</summary>
        public ContextScope ContextScope { get; }
        /// <summary>The SecretManagement vault, for CurrentUser.</summary>
        public string? Vault { get; }
        /// <summary>OAuth client id (public).</summary>
        public string ClientId { get; }
        /// <summary>YouTube Data API units this profile spent today (Pacific time).</summary>
        public long QuotaUnitsToday { get; }

        /// <inheritdoc />
        public override string ToString() => Profile + " (" + (ChannelTitle ?? "unknown channel") + ")";
    }

    /// <summary>An access token. The token is a SecureString; neither ToString nor the default view shows it.</summary>
    public sealed class YouTubeAccessToken
    {
        internal YouTubeAccessToken(AccessTokenResult result)
        {
            Profile = result.Profile;
            Token = ToSecureString(result.Token);
            ExpiresOn = result.ExpiresUtc.ToLocalTime();
            Scopes = result.Scopes.Select(Engine.OAuth.Scopes.ShortName).ToArray();
            ChannelTitle = result.AccountLabel;
        }

        /// <summary>Profile.</summary>
        public string Profile { get; }
        /// <summary>The bearer token.</summary>
        public SecureString Token { get; }
        /// <summary>Always Bearer.</summary>
        public string Type => "Bearer";
        /// <summary>Expiry.</summary>
        public DateTime ExpiresOn { get; }
        /// <summary>Scopes.</summary>
        public string[] Scopes { get; }
        /// <summary>Channel title.</summary>
        public string? ChannelTitle { get; }

        /// <inheritdoc />
        public override string ToString() => "Access token for " + Profile + " (expires " + ExpiresOn.ToString("u") + ")";

        internal static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>A YouTube playlist.</summary>
    public sealed class YouTubePlaylist
    {
        internal YouTubePlaylist(Engine.YouTube.Playlist p)
        {
            Id = p.Id;
            Title = p.Title;
            Description = p.Description;
            ChannelId = p.ChannelId;
            ChannelTitle = p.ChannelTitle;
            Published = p.PublishedAt?.LocalDateTime;
            Privacy = p.Privacy;
            ItemCount = p.ItemCount;
            ThumbnailUrl = p.ThumbnailUrl;
        }

        /// <summary>Playlist id (pipes into -Id by property name as PlaylistId too).</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Description.</summary>
        public string Description { get; }
        /// <summary>Owner channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>Owner channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>Creation time.</summary>
        public DateTime? Published { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }
        /// <summary>Number of items.</summary>
        public int? ItemCount { get; }
        /// <summary>Default thumbnail URL.</summary>
        public string? ThumbnailUrl { get; }

        /// <inheritdoc />
        public override string ToString() => Title;
    }
}
