using System.Security.Cryptography;
using System.Text;

namespace YtOAuth.Emulator;

/// <summary>Deterministic seeded channels, playlists, items and analytics facts.</summary>
public sealed class YouTubeData
{
    private static readonly string[] CountryCodes = { "US", "GB", "DE", "FR", "JP", "IN", "BR", "CA", "AU", "ES", "IT", "NL", "SE", "MX", "KR", "PL", "TR", "ID", "NG", "ZA" };
    private static readonly string[] Privacies = { "public", "unlisted", "private" };
    private readonly YouTubeDataOptions options;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EmulatedPlaylist> byId;
    // Videos uploaded or updated since the start; they come before the seeded and generated ones.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EmulatedVideo> written = new();
    // Written copy-on-write under writeLock, so a list call pages through one version without a lock.
    private volatile IReadOnlyList<EmulatedPlaylist> playlists;
    private readonly object writeLock = new();

    /// <summary>Seeds the data.</summary>
    public YouTubeData(YouTubeDataOptions options)
    {
        this.options = options;
        ChannelId = "UC" + Hash("channel", 22);
        OtherChannelId = "UC" + Hash("other-channel", 22);
        ApiKey = "AIzaSy-emulator-" + Hash("api-key", 20);
        var seed = options.SeedFile == null ? null : Seeded.Read(options.SeedFile);
        ChannelId = seed?.Channel?.Id ?? ChannelId;
        ChannelTitle = seed?.Channel?.Title ?? ChannelTitle;
        Subscribers = seed?.Channel?.Subscribers ?? Subscribers;
        Handle = seed?.Channel?.Handle is { } handle ? (handle.StartsWith('@') ? handle : "@" + handle) : Handle;
        SeededVideos = (seed?.Videos ?? new List<Seeded.Video>()).ToDictionary(v => v.Id, v => new EmulatedVideo(v.Id, ChannelId, v.Title ?? v.Id,
            v.Published ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), v.Views, v.Likes, v.Comments, v.Duration ?? "PT1M", v.Privacy ?? "public"));
        playlists = seed?.Playlists is { } seeded
            ? seeded.Select(p => new EmulatedPlaylist(p.Id, ChannelId, p.Title ?? p.Id, p.Privacy ?? "public", p.Published ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                p.Videos?.Count ?? 0) { VideoIds = p.Videos ?? new List<string>() }).ToList()
            : Enumerable.Range(0, options.PlaylistCount).Select(i => MakePlaylist(ChannelId, i, Privacies[i % 3])).ToList();
        OtherChannelVideoId = Hash("other-video", 11);
        OtherPlaylists = Enumerable.Range(0, options.OtherChannelPlaylistCount).Select(i => MakePlaylist(OtherChannelId, i, "public")).ToList();
        // The channel's uploads playlist: reachable by id (channels.list names it), never listed among its playlists, as at YouTube.
        var uploads = SeededVideos.Values.OrderByDescending(v => v.Published).Select(v => v.Id).ToList();
        var uploadsPlaylist = new EmulatedPlaylist(UploadsPlaylistId(ChannelId), ChannelId, "Uploads from " + ChannelTitle, "public", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SeededVideos.Count > 0 ? uploads.Count : options.MaxItemsPerPlaylist) { VideoIds = SeededVideos.Count > 0 ? uploads : null };
        byId = new System.Collections.Concurrent.ConcurrentDictionary<string, EmulatedPlaylist>(playlists.Concat(OtherPlaylists).Append(uploadsPlaylist).Select(p => KeyValuePair.Create(p.Id, p)));
        SeededFacts = seed?.ReportRows != null ? seed.Facts(options.SeedFile!) : null;
        DataEnd = SeededFacts is { Count: > 0 } facts ? facts.Max(f => f.Day) : DateTime.UtcNow.Date.AddDays(-1);
        DataStart = SeededFacts is { Count: > 0 } ? SeededFacts.Min(f => f.Day) : DataEnd.AddDays(1 - options.AnalyticsDays);
        Videos = SeededVideos.Count > 0 ? SeededVideos.Keys.ToArray() : Enumerable.Range(0, options.AnalyticsVideos).Select(i => Hash("video" + i, 11)).ToArray();
        Countries = CountryCodes.Take(Math.Min(options.AnalyticsCountries, CountryCodes.Length)).ToArray();
    }

    /// <summary>The connected channel.</summary>
    public string ChannelId { get; }
    /// <summary>Its title.</summary>
    public string ChannelTitle { get; } = "Emulated Channel";
    /// <summary>Its subscribers.</summary>
    public long Subscribers { get; } = 1200;
    /// <summary>Its handle.</summary>
    public string Handle { get; } = "@emulated";
    /// <summary>Report rows from the seed file; null when reports are generated.</summary>
    public IReadOnlyList<AnalyticsFact>? SeededFacts { get; }
    /// <summary>Videos from the seed file.</summary>
    public IReadOnlyDictionary<string, EmulatedVideo> SeededVideos { get; }
    /// <summary>Another channel with public playlists only.</summary>
    public string OtherChannelId { get; }
    /// <summary>The API key the emulator accepts for public data.</summary>
    public string ApiKey { get; }
    /// <summary>The connected channel's playlists, newest first (playlists.insert puts new ones first).</summary>
    public IReadOnlyList<EmulatedPlaylist> Playlists => playlists;
    /// <summary>The other channel's playlists.</summary>
    public IReadOnlyList<EmulatedPlaylist> OtherPlaylists { get; }
    /// <summary>Every playlist by id, as it is now.</summary>
    public IReadOnlyDictionary<string, EmulatedPlaylist> ById => byId;
    /// <summary>A public video of the other channel: one the connected channel may add to its playlists but not change.</summary>
    public string OtherChannelVideoId { get; }
    /// <summary>First day with analytics data.</summary>
    public DateTime DataStart { get; }
    /// <summary>Last day with analytics data.</summary>
    public DateTime DataEnd { get; }
    /// <summary>Video ids in analytics.</summary>
    public string[] Videos { get; }
    /// <summary>Countries in analytics.</summary>
    public string[] Countries { get; }

    /// <summary>The video at position <paramref name="index"/> of a playlist.</summary>
    public string VideoIdAt(EmulatedPlaylist playlist, int index) =>
        playlist.Items?[index].VideoId ?? playlist.VideoIds?[index] ?? "v" + Number(playlist.Id + "/" + index, 1_000_000_000).ToString("D10");

    /// <summary>Whether that entry stands for a deleted video (generated data has some, as real playlists do).</summary>
    public bool IsDeletedAt(EmulatedPlaylist playlist, int index) =>
        playlist.Items?[index].Deleted ?? (playlist.VideoIds == null && Number(playlist.Id + "/deleted" + index, 10) == 0);

    /// <summary>The id of the entry at position <paramref name="index"/>.</summary>
    public static string ItemIdAt(EmulatedPlaylist playlist, int index) => playlist.Items?[index].Id ?? ItemId(playlist.Id, index);

    /// <summary>When the entry at position <paramref name="index"/> was added.</summary>
    public static DateTime AddedAt(EmulatedPlaylist playlist, int index) => playlist.Items?[index].Added ?? playlist.Published.AddMinutes(index);

    /// <summary>
    /// A seeded or generated entry's id: opaque like Google's (base64url of the playlist id and position), made from the
    /// whole playlist id so that any seeded id, however short, works.
    /// </summary>
    private static string ItemId(string playlistId, int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(playlistId + "." + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The title of a channel the emulator knows.</summary>
    public string ChannelTitleOf(string channelId) => channelId == ChannelId ? ChannelTitle : "Other Channel";

    /// <summary>A video by id: an uploaded or updated one, a seeded one, or one that generated playlists hold; null when there is none.</summary>
    public EmulatedVideo? Video(string id)
    {
        if (written.TryGetValue(id, out var video) || SeededVideos.TryGetValue(id, out video))
        {
            return video;
        }

        if (id == OtherChannelVideoId)
        {
            return new EmulatedVideo(id, OtherChannelId, "Other channel's video", new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc), 5000, 120, 7, "PT3M", "public");
        }

        if (SeededVideos.Count > 0 || id.Length != 11 || id[0] != 'v' || !id.Skip(1).All(char.IsDigit))
        {
            return null;
        }

        var minutes = 1 + Number(id + "/minutes", 59);
        return new EmulatedVideo(id, ChannelId, "Video " + id[^4..], new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-Number(id + "/age", 20000)),
            Number(id + "/views", 1_000_000), Number(id + "/likes", 20_000), Number(id + "/comments", 2_000), "PT" + minutes + "M" + Number(id + "/seconds", 60) + "S", "public");
    }

    /// <summary>Videos uploaded since the start, newest first.</summary>
    public IReadOnlyList<EmulatedVideo> UploadedVideos => written.Values.Where(v => v.Media != null).OrderByDescending(v => v.Media!.CompletedUtc).ToList();

    /// <summary>Adds an uploaded video, and puts it first in its channel's uploads playlist (newest first, as YouTube lists it).</summary>
    internal void AddUpload(EmulatedVideo video)
    {
        lock (writeLock)
        {
            written[video.Id] = video;
            if (byId.TryGetValue(UploadsPlaylistId(video.ChannelId), out var uploads))
            {
                var items = Entries(uploads);
                items.Insert(0, new EmulatedPlaylistItem(NewId(""), video.Id, video.Media?.CompletedUtc ?? video.Published));
                Store(uploads with { Items = items, ItemCount = items.Count });
            }
        }
    }

    /// <summary>Replaces a video with its written version (videos.update, thumbnails.set).</summary>
    internal void UpdateVideo(EmulatedVideo video) => written[video.Id] = video;

    /// <summary>Adds a new playlist of the connected channel, first among its playlists.</summary>
    internal void AddPlaylist(EmulatedPlaylist playlist)
    {
        lock (writeLock)
        {
            byId[playlist.Id] = playlist;
            playlists = playlists.Prepend(playlist).ToList();
        }
    }

    /// <summary>Stores a changed playlist where the old version was.</summary>
    internal void Store(EmulatedPlaylist playlist)
    {
        lock (writeLock)
        {
            byId[playlist.Id] = playlist;
            playlists = playlists.Select(p => p.Id == playlist.Id ? playlist : p).ToList();
        }
    }

    /// <summary>Deletes a playlist.</summary>
    internal void RemovePlaylist(string id)
    {
        lock (writeLock)
        {
            byId.TryRemove(id, out _);
            playlists = playlists.Where(p => p.Id != id).ToList();
        }
    }

    /// <summary>
    /// Inserts a video at <paramref name="position"/> (null: at the end) and renumbers what follows; returns the
    /// playlist as it is now and the new entry's position.
    /// </summary>
    internal (EmulatedPlaylist Playlist, int Position) InsertItem(string playlistId, string videoId, int? position, DateTime now)
    {
        lock (writeLock)
        {
            var playlist = byId[playlistId];
            var items = Entries(playlist);
            var at = Math.Min(position ?? items.Count, items.Count);
            items.Insert(at, new EmulatedPlaylistItem(NewId(""), videoId, now));
            var changed = playlist with { Items = items, ItemCount = items.Count };
            Store(changed);
            return (changed, at);
        }
    }

    /// <summary>The playlist and position of an entry, by its id; null when no playlist holds it.</summary>
    public (EmulatedPlaylist Playlist, int Position)? FindItem(string itemId)
    {
        // A seeded or generated entry's id names its playlist; an entry made since is found in the playlists written to.
        try
        {
            var raw = itemId.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(raw.PadRight(raw.Length + (4 - raw.Length % 4) % 4, '=')));
            var dot = text.LastIndexOf('.');
            if (dot > 0 && byId.TryGetValue(text[..dot], out var named) && named.Items == null && int.TryParse(text[(dot + 1)..], out var position) &&
                position >= 0 && position < named.ItemCount && ItemId(named.Id, position) == itemId)
            {
                return (named, position);
            }
        }
        catch (FormatException)
        {
            // not one of the seeded shape
        }

        foreach (var playlist in byId.Values.Where(p => p.Items != null))
        {
            for (var i = 0; i < playlist.Items!.Count; i++)
            {
                if (playlist.Items[i].Id == itemId)
                {
                    return (playlist, i);
                }
            }
        }

        return null;
    }

    /// <summary>Removes an entry and renumbers what follows; false when it is gone already.</summary>
    internal bool RemoveItem(string itemId)
    {
        lock (writeLock)
        {
            if (FindItem(itemId) is not { } found)
            {
                return false;
            }

            var items = Entries(found.Playlist);
            items.RemoveAt(found.Position);
            Store(found.Playlist with { Items = items, ItemCount = items.Count });
            return true;
        }
    }

    /// <summary>A playlist's entries as a list to change, its seeded or generated ones kept with their ids, dates and deleted marks.</summary>
    private List<EmulatedPlaylistItem> Entries(EmulatedPlaylist playlist) => Enumerable.Range(0, playlist.ItemCount)
        .Select(i => new EmulatedPlaylistItem(ItemIdAt(playlist, i), VideoIdAt(playlist, i), AddedAt(playlist, i), IsDeletedAt(playlist, i))).ToList();

    /// <summary>A new random id, base64url like Google's (11 characters after the prefix for a video, 32 otherwise).</summary>
    internal static string NewId(string prefix, int length = 32) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', '-').Replace('/', '_')[..length];

    /// <summary>The id of a channel's uploads playlist: UC... becomes UU... as at Google; any other seeded id just gets UU in front.</summary>
    public static string UploadsPlaylistId(string channelId) => "UU" + (channelId.StartsWith("UC", StringComparison.Ordinal) ? channelId[2..] : channelId);

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
