using System.Globalization;
using ActionsGen.Testing.Drift;

namespace ActionsGen.Benchmarks;

/// <summary>
/// `drift-check [--rounds N] [--seed S] [description …]`: GitHub's current descriptions (npm @octokit/openapi, cut to
/// our 23 operations) served by Prism with random schema-valid responses; every operation of the built-in client is
/// called each round and each answer read twice, leniently (default) and strictly (<c>StrictResponses</c>). Exits 1
/// when a lenient read refused an answer or the client failed otherwise.
/// </summary>
internal static class DriftReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = 2;
        string? seed = null;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    rounds = n;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = args[++i];
                    break;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        Console.Error.WriteLine("usage: drift-check [--rounds N] [--seed S] [" + string.Join("|", DriftDescription.All.Select(d => d.Name)) + " …]");
                        return 2;
                    }

                    names.Add(args[i]);
                    break;
            }
        }

        IReadOnlyList<DriftDescription> descriptions;
        try
        {
            descriptions = DriftDescription.Named(names);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var run = await DriftCheck.RunAsync(descriptions, rounds, seed, line => Console.Error.WriteLine(line));
        if (run.SkipReason is not null)
        {
            Console.WriteLine(run.SkipReason);
            return 0;
        }

        Print(run, rounds);
        return run.Results.Any(r => r.UnreadableLenient > 0 || r.Failed.Any()) ? 1 : 0;
    }

    private static void Print(DriftRun run, int rounds)
    {
        var results = run.Results;
        Console.WriteLine($"Prism {PrismMock.Version} (prism mock -d{(run.Seed is null ? ", random answers" : ", --seed " + run.Seed)}), {rounds} rounds, each answer read leniently (default) and strictly (StrictResponses = true)");
        Console.WriteLine();
        Console.WriteLine("| description | operations | calls | answered (2xx/3xx) | unreadable, lenient | unreadable, strict | read with deviations | deviations | not answered (Prism) | other failures |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Description.Name} (@octokit/openapi {r.Description.PackageVersion}) | {DriftCalls.All.Count - r.NotDescribed.Count} | {r.Calls.Count} | {r.Answered} | {r.UnreadableLenient} | {r.UnreadableStrict} | {r.WithDeviations} | {r.DeviationCount} | {r.NotAnswered.Count()} | {r.Failed.Count()} |");
        }

        Console.WriteLine($"| **total** | | {results.Sum(r => r.Calls.Count)} | {results.Sum(r => r.Answered)} | {results.Sum(r => r.UnreadableLenient)} | {results.Sum(r => r.UnreadableStrict)} | {results.Sum(r => r.WithDeviations)} | {results.Sum(r => r.DeviationCount)} | {results.Sum(r => r.NotAnswered.Count())} | {results.Sum(r => r.Failed.Count())} |");

        foreach (var r in results)
        {
            Console.WriteLine();
            Console.WriteLine($"{r.Description.Name}: top deviation paths (listed deviations, array indexes as [])");
            foreach (var (pathAndKind, count) in r.TopDeviations(8))
            {
                Console.WriteLine($"  {count,4}  {pathAndKind}");
            }

            if (r.NotDescribed.Count > 0)
            {
                Console.WriteLine("  not in this description (not called): " + string.Join(", ", r.NotDescribed));
            }

            foreach (var call in r.NotAnswered)
            {
                Console.WriteLine($"  not answered: round {call.Round} {call.OperationId}: {call.Status?.ToString(CultureInfo.InvariantCulture) ?? "no response"} {call.Answer ?? call.LenientError}");
            }

            foreach (var call in r.Calls.Where(c => c.Lenient == DriftOutcome.Unreadable))
            {
                Console.WriteLine($"  UNREADABLE (lenient): round {call.Round} {call.OperationId}: {call.LenientError}");
            }

            foreach (var call in r.Failed)
            {
                Console.WriteLine($"  FAILED: round {call.Round} {call.OperationId}: lenient {call.LenientError}; strict {call.StrictError}");
            }

            foreach (var group in r.Calls.Where(c => c.Strict == DriftOutcome.Unreadable).GroupBy(c => c.OperationId))
            {
                Console.WriteLine($"  strict refused {group.Count()}x {group.Key}, e.g.: {group.First().StrictError}");
            }
        }
    }
}
