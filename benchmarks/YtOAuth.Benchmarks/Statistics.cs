using System;
using System.Collections.Generic;
using System.Linq;

namespace YtOAuth.Benchmarks;

/// <summary>One contender's measurements in a case: a value per round (milliseconds, nanoseconds or MiB).</summary>
internal sealed class Series(string name, bool baseline)
{
    public string Name { get; } = name;
    public bool Baseline { get; } = baseline;
    public List<double> Values { get; } = new();

    public double Median => Statistics.Median(Values);

    /// <summary>Median absolute deviation as a share of the median: robust to the odd slow round.</summary>
    public double Spread => Statistics.Median(Values.Select(v => Math.Abs(v - Median)).ToList()) / Median;
}

internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The mean without the fastest and the slowest run (when there are at least five): steadier than a median, not swayed by one odd run.</summary>
    public static double TrimmedMean(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length >= 5 ? sorted.Skip(1).Take(sorted.Length - 2).Average() : sorted.Average();
    }

    /// <summary>Ratio of medians, and the standard deviation of the round-by-round ratios (each round ran both).</summary>
    public static (double Ratio, double RatioSD) Ratio(Series contender, Series baseline)
    {
        var ratios = contender.Values.Zip(baseline.Values, (c, b) => c / b).ToArray();
        var mean = ratios.Average();
        var sd = ratios.Length < 2 ? 0 : Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Length - 1));
        return (contender.Median / baseline.Median, sd);
    }
}
