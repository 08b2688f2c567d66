namespace YtOAuth.Emulator;

/// <summary>One seeded analytics fact: a day's metrics for a video in a country on a device; reports sum them by the asked dimensions.</summary>
public sealed record AnalyticsFact(DateTime Day, string Video, string Country, string DeviceType, string OperatingSystem, IReadOnlyDictionary<string, double> Metrics);
