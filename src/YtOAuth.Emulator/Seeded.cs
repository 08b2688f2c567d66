namespace YtOAuth.Emulator;

/// <summary>
/// The seed file's shape: { channel: {id, title, handle, subscribers}, playlists: [{id, title, privacy, published, videos: [ids]}],
/// videos: [{id, title, published, views, likes, comments, duration, privacy}], reportRows: [{day, video, country, deviceType, operatingSystem, views, likes, ...}] }.
/// </summary>
internal sealed class Seeded
{
    public Entity? Channel { get; set; }
    public List<SeededPlaylist>? Playlists { get; set; }
    public List<Video>? Videos { get; set; }
    public List<ReportRow>? ReportRows { get; set; }

    public static Seeded Read(string path)
    {
        Seeded seed;
        try
        {
            seed = System.Text.Json.JsonSerializer.Deserialize<Seeded>(System.IO.File.ReadAllText(path), new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                   ?? throw new ArgumentException("The seed file '" + path + "' holds null; it needs a JSON object.");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException || e is System.IO.IOException || e is UnauthorizedAccessException)
        {
            throw new ArgumentException("The seed file '" + path + "' could not be read: " + e.Message);
        }

        if (seed.Playlists?.Any(p => string.IsNullOrEmpty(p.Id)) == true || seed.Videos?.Any(v => string.IsNullOrEmpty(v.Id)) == true)
        {
            throw new ArgumentException("The seed file '" + path + "' has a playlist or video without an id; give each an \"id\".");
        }

        return seed;
    }

    public List<AnalyticsFact> Facts(string path) => (ReportRows ?? new List<ReportRow>()).Select((row, i) =>
        new AnalyticsFact(row.Day.Date, row.Video ?? "", row.Country ?? "US", row.DeviceType ?? "DESKTOP", row.OperatingSystem ?? "WINDOWS", (row.Metrics ?? new Dictionary<string, System.Text.Json.JsonElement>()).ToDictionary(
            m => m.Key,
            m => m.Value.ValueKind == System.Text.Json.JsonValueKind.Number ? m.Value.GetDouble()
                : throw new ArgumentException("The seed file '" + path + "': reportRows[" + i + "]." + m.Key + " is not a number.")))).ToList();

    public sealed class ReportRow
    {
        public DateTime Day { get; set; }
        public string? Video { get; set; }
        public string? Country { get; set; }
        public string? DeviceType { get; set; }
        public string? OperatingSystem { get; set; }
        [System.Text.Json.Serialization.JsonExtensionData]
        public Dictionary<string, System.Text.Json.JsonElement>? Metrics { get; set; }
    }

    public sealed class Entity
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Handle { get; set; }
        public long? Subscribers { get; set; }
    }

    public sealed class SeededPlaylist
    {
        public string Id { get; set; } = "";
        public string? Title { get; set; }
        public string? Privacy { get; set; }
        public DateTime? Published { get; set; }
        public List<string>? Videos { get; set; }
    }

    public sealed class Video
    {
        public string Id { get; set; } = "";
        public string? Title { get; set; }
        public DateTime? Published { get; set; }
        public long Views { get; set; }
        public long Likes { get; set; }
        public long Comments { get; set; }
        public string? Duration { get; set; }
        public string? Privacy { get; set; }
    }
}
