using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace YtOAuth.Emulator;

/// <summary>Size and shape of the seeded YouTube data.</summary>
public sealed class YouTubeDataOptions
{
    /// <summary>Playlists of the connected channel.</summary>
    public int PlaylistCount { get; set; } = 12;
    /// <summary>Most items in one playlist (each playlist has a deterministic count up to this).</summary>
    public int MaxItemsPerPlaylist { get; set; } = 8;
    /// <summary>Public playlists of the other (public) channel.</summary>
    public int OtherChannelPlaylistCount { get; set; } = 7;
    /// <summary>Days of analytics data, ending yesterday.</summary>
    public int AnalyticsDays { get; set; } = 30;
    /// <summary>Videos in analytics.</summary>
    public int AnalyticsVideos { get; set; } = 5;
    /// <summary>Countries in analytics.</summary>
    public int AnalyticsCountries { get; set; } = 4;
    /// <summary>Seed of every generated value.</summary>
    public int Seed { get; set; } = 42;
}

/// <summary>A playlist as the emulator stores it.</summary>
public sealed record EmulatedPlaylist(string Id, string ChannelId, string Title, string Privacy, DateTime Published, int ItemCount);

/// <summary>Deterministic seeded channels, playlists, items and analytics facts.</summary>
public sealed class YouTubeData
{
    private static readonly string[] CountryCodes = { "US", "GB", "DE", "FR", "JP", "IN", "BR", "CA", "AU", "ES", "IT", "NL", "SE", "MX", "KR", "PL", "TR", "ID", "NG", "ZA" };
    private static readonly string[] Privacies = { "public", "unlisted", "private" };
    private readonly YouTubeDataOptions options;

    /// <summary>Seeds the data.</summary>
    public YouTubeData(YouTubeDataOptions options)
    {
        this.options = options;
        ChannelId = "UC" + Hash("channel", 22);
        OtherChannelId = "UC" + Hash("other-channel", 22);
        ApiKey = "AIzaSy-emulator-" + Hash("api-key", 20);
        Playlists = Enumerable.Range(0, options.PlaylistCount).Select(i => MakePlaylist(ChannelId, i, Privacies[i % 3])).ToList();
        OtherPlaylists = Enumerable.Range(0, options.OtherChannelPlaylistCount).Select(i => MakePlaylist(OtherChannelId, i, "public")).ToList();
        ById = Playlists.Concat(OtherPlaylists).ToDictionary(p => p.Id);
        DataEnd = DateTime.UtcNow.Date.AddDays(-1);
        DataStart = DataEnd.AddDays(1 - options.AnalyticsDays);
        Videos = Enumerable.Range(0, options.AnalyticsVideos).Select(i => Hash("video" + i, 11)).ToArray();
        Countries = CountryCodes.Take(Math.Min(options.AnalyticsCountries, CountryCodes.Length)).ToArray();
    }

    /// <summary>The connected channel.</summary>
    public string ChannelId { get; }
    /// <summary>Its title.</summary>
    public string ChannelTitle => "Emulated Channel";
    /// <summary>Another channel with public playlists only.</summary>
    public string OtherChannelId { get; }
    /// <summary>The API key the emulator accepts for public data.</summary>
    public string ApiKey { get; }
    /// <summary>The connected channel's playlists, newest first.</summary>
    public IReadOnlyList<EmulatedPlaylist> Playlists { get; }
    /// <summary>The other channel's playlists.</summary>
    public IReadOnlyList<EmulatedPlaylist> OtherPlaylists { get; }
    /// <summary>Every playlist by id.</summary>
    public IReadOnlyDictionary<string, EmulatedPlaylist> ById { get; }
    /// <summary>First day with analytics data.</summary>
    public DateTime DataStart { get; }
    /// <summary>Last day with analytics data.</summary>
    public DateTime DataEnd { get; }
    /// <summary>Video ids in analytics.</summary>
    public string[] Videos { get; }
    /// <summary>Countries in analytics.</summary>
    public string[] Countries { get; }

    /// <summary>A stable pseudo-random number for a key.</summary>
    public int Number(string key, int max) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(options.Seed + ":" + key)), 0) % (uint)max);

    private EmulatedPlaylist MakePlaylist(string channel, int i, string privacy)
    {
        var id = "PL" + Hash(channel + "/playlist" + i, 32);
        return new EmulatedPlaylist(id, channel, $"Playlist {i + 1:D4}", privacy, new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddHours(-i * 7),
            Number(id, options.MaxItemsPerPlaylist + 1));
    }

    private string Hash(string key, int length)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(options.Seed + ":" + key));
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_')[..length];
    }
}
