using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace YtOAuth.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/YtOAuth.Benchmarks [-- --rounds N --inner N --only WORD]
/// Every case runs its contenders in alternating rounds (the order rotates each round) against one emulator in its
/// own process, after warm-up rounds that are not counted, and reports medians, spread and ratios to a baseline.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "upload-child")
        {
            return await Uploads.ChildAsync(args); // one measured upload, started by the upload cases
        }

        int rounds = 10, inner = 5;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[++i], out var r) && r >= 3)
            {
                rounds = r;
            }
            else if (args[i] == "--inner" && i + 1 < args.Length && int.TryParse(args[++i], out var n) && n >= 1)
            {
                inner = n;
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = args[++i];
            }
            else
            {
                Console.Error.WriteLine("Usage: " + Markdown.Command + " [-- [--rounds N (at least 3; default 10)] [--inner N (runs a contender makes a round; default 5)] [--only CASE-TITLE-WORD]]");
                return 2;
            }
        }

        Environment.CurrentDirectory = Repo.Root;
        try
        {
            var context = await BenchContext.CreateAsync(rounds, inner);
            await using (context)
            {
                var cases = new List<CaseResult>();
                foreach (var (title, run) in Cases.All)
                {
                    if (only != null && title.IndexOf(only, StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        continue;
                    }

                    var result = await run(context);
                    Console.Error.WriteLine(Markdown.Case(result));
                    cases.Add(result);
                }

                var text = Markdown.Document(cases, context);
                if (only != null)
                {
                    Console.WriteLine(text); // a partial run is not a result to keep
                    return 0;
                }

                Directory.CreateDirectory(Repo.Path("benchmarks", "results"));
                var file = Repo.Path("benchmarks", "results", DateTime.Now.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture) + ".md");
                await File.WriteAllTextAsync(file, text);
                await File.WriteAllTextAsync(Repo.Path("benchmarks", "results", "latest.md"), text);
                Console.WriteLine(text);
                Console.Error.WriteLine("Written to " + Path.GetRelativePath(Repo.Root, file) + " and benchmarks/results/latest.md.");
                return cases.SelectMany(c => c.Bars).All(b => b.Met) ? 0 : 1;
            }
        }
        catch (MissingToolException e)
        {
            Console.Error.WriteLine("benchmark: " + e.Message);
            return 3;
        }
    }
}

/// <summary>Where the repository and its built parts are.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "YtOAuth.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (no YtOAuth.sln above " + AppContext.BaseDirectory + ").");
    }
}

internal sealed class MissingToolException(string message) : Exception(message);

/// <summary>One case's outcome: a series per contender and the bars it is held to.</summary>
internal sealed record CaseResult(string Title, string What, string Unit, IReadOnlyList<Series> Series, IReadOnlyList<Bar> Bars, string? Note = null)
{
    public Series Baseline => Series.First(s => s.Baseline);

    /// <summary>For a table against size (memory): the sizes, one per value of each series.</summary>
    public int[]? Sizes { get; init; }

    /// <summary>What <see cref="Sizes"/> count.</summary>
    public string SizeUnit { get; init; } = "rows";
}

/// <summary>A bar: <see cref="Contender"/>'s median at most <see cref="Limit"/> times <see cref="Against"/>'s (NaN: a ratio only reported).</summary>
internal sealed record Bar(string Contender, string Against, double Limit, double Ratio, double RatioSD)
{
    /// <summary>The ratio must be at least <see cref="Limit"/> (a throughput), not at most (a time).</summary>
    public bool AtLeast { get; init; }

    public bool Met => double.IsNaN(Limit) || (AtLeast ? Ratio >= Limit : Ratio <= Limit);
}
