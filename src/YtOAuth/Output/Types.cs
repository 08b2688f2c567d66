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
            RefreshTokenExpiresOn = info.RefreshTokenExpiresUtc?.ToLocalTime();
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
        /// <summary>When the grant itself ends, as Google stated it (7 days after consent for apps in Testing); empty when Google stated no end.</summary>
        public DateTime? RefreshTokenExpiresOn { get; }
        /// <summary>Process or CurrentUser.</summary>
        public ContextScope ContextScope { get; }
        /// <summary>The SecretManagement vault, for CurrentUser.</summary>
        public string? Vault { get; }
        /// <summary>Where the grant is kept, as the table shows it: the vault's name, or memory (this session only).</summary>
        public string Store => Vault ?? "memory";
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

    /// <summary>A YouTube channel.</summary>
    public sealed class YouTubeChannel
    {
        internal YouTubeChannel(Engine.YouTube.Channel c)
        {
            Id = c.Id;
            Title = c.Title;
            Handle = c.CustomUrl;
            Description = c.Description;
            Published = c.PublishedAt?.LocalDateTime;
            Subscribers = c.SubscriberCount;
            Views = c.ViewCount;
            Videos = c.VideoCount;
            UploadsPlaylistId = c.UploadsPlaylistId;
        }

        /// <summary>Channel id (pipes into -ChannelId).</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Handle such as @name.</summary>
        public string? Handle { get; }
        /// <summary>Description.</summary>
        public string? Description { get; }
        /// <summary>Creation time.</summary>
        public System.DateTime? Published { get; }
        /// <summary>Subscribers (rounded by YouTube).</summary>
        public long? Subscribers { get; }
        /// <summary>Views of all its videos.</summary>
        public long? Views { get; }
        /// <summary>Public videos.</summary>
        public long? Videos { get; }
        /// <summary>The uploads playlist (pipes into Get-YouTubePlaylistItem as PlaylistId).</summary>
        public string? UploadsPlaylistId { get; }

        /// <inheritdoc />
        public override string ToString() => Title;
    }

    /// <summary>An entry of a playlist.</summary>
    public sealed class YouTubePlaylistItem
    {
        internal YouTubePlaylistItem(Engine.YouTube.PlaylistItem i)
        {
            Id = i.Id;
            PlaylistId = i.PlaylistId;
            Position = i.Position;
            Title = i.Title;
            VideoId = i.VideoId;
            VideoPublished = i.VideoPublishedAt?.LocalDateTime;
            VideoOwner = i.VideoOwnerChannelTitle;
            Privacy = i.Privacy;
        }

        /// <summary>Item id.</summary>
        public string Id { get; }
        /// <summary>Playlist it belongs to.</summary>
        public string PlaylistId { get; }
        /// <summary>0-based position.</summary>
        public int? Position { get; }
        /// <summary>Video title ("Deleted video" for removed ones).</summary>
        public string Title { get; }
        /// <summary>Video id (pipes into Get-YouTubeVideo).</summary>
        public string? VideoId { get; }
        /// <summary>When the video was published (absent for deleted or private ones).</summary>
        public System.DateTime? VideoPublished { get; }
        /// <summary>Channel that owns the video.</summary>
        public string? VideoOwner { get; }
        /// <summary>Privacy of the item.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Title;
    }

    /// <summary>A YouTube video with its statistics and content details.</summary>
    public sealed class YouTubeVideo
    {
        internal YouTubeVideo(Engine.YouTube.Video v)
        {
            Id = v.Id;
            Title = v.Title;
            ChannelTitle = v.ChannelTitle;
            ChannelId = v.ChannelId;
            Published = v.PublishedAt?.LocalDateTime;
            Duration = v.Duration;
            Views = v.ViewCount;
            Likes = v.LikeCount;
            Comments = v.CommentCount;
            Definition = v.Definition;
            Privacy = v.Privacy;
        }

        /// <summary>Video id.</summary>
        public string Id { get; }
        /// <summary>Title.</summary>
        public string Title { get; }
        /// <summary>Channel title.</summary>
        public string? ChannelTitle { get; }
        /// <summary>Channel id.</summary>
        public string? ChannelId { get; }
        /// <summary>When it was published.</summary>
        public System.DateTime? Published { get; }
        /// <summary>Length.</summary>
        public System.TimeSpan? Duration { get; }
        /// <summary>Views.</summary>
        public long? Views { get; }
        /// <summary>Likes.</summary>
        public long? Likes { get; }
        /// <summary>Comments.</summary>
        public long? Comments { get; }
        /// <summary>hd or sd.</summary>
        public string? Definition { get; }
        /// <summary>public, unlisted or private.</summary>
        public string? Privacy { get; }

        /// <inheritdoc />
        public override string ToString() => Title;
    }
}
