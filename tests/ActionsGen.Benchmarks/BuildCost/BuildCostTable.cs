using System.Globalization;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>Prints the report as Markdown; a cell whose build failed reads "failed (reason)".</summary>
internal static class BuildCostTable
{
    public static void Print(BuildCostOptions options, IReadOnlyList<BuildCostInput> inputs, IReadOnlyList<BuildVariant> variants, IReadOnlyDictionary<string, long> properties)
    {
        var empty = variants[0];
        Console.WriteLine($"`touch Program.cs; dotnet build -c Release --no-restore {options.ServerProperty}` (compiler server {(options.Server ? "on" : "off")}{options.ClientAssembly switch { true => ", ActionsGenClientAssembly=true", false => ", ActionsGenClientAssembly=false", null => ", ActionsGenClientAssembly as the package's default" }}), median of {options.Runs}; SDK {Environment.Version}, {Environment.ProcessorCount} cores.");
        Console.WriteLine(Invariant($"Empty console: edit build {Ms(Timings.Median(empty.EditMs))}, no-change build {Ms(Timings.Median(empty.NoChangeMs))}, peak compiler memory {Mb(empty.PeakBytes)}{FailureNote(empty)}."));
        Console.WriteLine();
        Console.WriteLine("| input (schema properties) | client | generated lines (per property) | syntax nodes (per property) | generator (ReportAnalyzer) | edit build | over the empty console | ActionsGen / Kiota | no-change build | peak compiler memory |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var input in inputs)
        {
            var (actionsGen, kiota) = Timings.Clients(input, variants);
            var count = properties.TryGetValue(input.Name, out var n) ? n : 0;
            var ratio = actionsGen is not null && kiota is not null && Timings.RatioOverEmpty(actionsGen.EditMs, kiota.EditMs, empty.EditMs) is { } r
                ? Invariant($"**{r:F2}**") : "–";
            foreach (var variant in new[] { actionsGen, kiota }.OfType<BuildVariant>())
            {
                Console.WriteLine(Row(input, count, variant, empty, variant == actionsGen ? ratio : ""));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Peak compiler memory: the largest VmHWM of the csc process in one more edit build with -p:UseSharedCompilation=false, polled from /proc.");
        foreach (var input in inputs)
        {
            PrintPerRun(input, variants, empty);
        }
    }

    // The table's ratio subtracts one median from another. Each pass of the timed builds builds the empty console,
    // then each input's ActionsGen and Kiota consoles, so the ratios within one pass, minutes apart at most, show how
    // far the machine's drift moves the figure.
    private static void PrintPerRun(BuildCostInput input, IReadOnlyList<BuildVariant> variants, BuildVariant empty)
    {
        var (actionsGen, kiota) = Timings.Clients(input, variants);
        var runs = Math.Min(Math.Min(actionsGen?.EditMs.Count ?? 0, kiota?.EditMs.Count ?? 0), empty.EditMs.Count);
        if (runs < 2)
        {
            return;
        }

        var over = Timings.RatiosWithinPasses(actionsGen!.EditMs, kiota!.EditMs, empty.EditMs);
        var edit = Enumerable.Range(0, runs).Select(i => actionsGen.EditMs[i] / kiota.EditMs[i]).ToList();
        Console.WriteLine();
        Console.WriteLine($"{input.Name}, ActionsGen / Kiota within each pass, in run order: over the empty console {Ratios(over)}; whole edit build {Ratios(edit)}.");
    }

    private static string Ratios(List<double> ratios) =>
        ratios.Count == 0 ? "–" : Invariant($"{string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} (median {Timings.Median(ratios):F2})");

    private static string Row(BuildCostInput input, long properties, BuildVariant variant, BuildVariant empty, string ratio)
    {
        var label = Invariant($"{input.Name} ({properties:N0})");
        var code = variant.Code;
        var lines = code is null ? "–" : Invariant($"{code.Lines:N0} ({PerProperty(code.Lines, properties)})");
        var nodes = code is null ? "–" : Invariant($"{code.SyntaxNodes:N0} ({PerProperty(code.SyntaxNodes, properties)})");
        var generator = variant.Client == ClientKind.ActionsGen ? Ms(Timings.Median(variant.GeneratorMs)) : "";
        var edit = variant.EditMs.Count > 0 ? Ms(Timings.Median(variant.EditMs)) : $"failed ({variant.Failure ?? "not run"})";
        var over = Over(variant, empty) is { } extra ? Invariant($"{(extra >= 0 ? "+" : "")}{extra / 1000:F2} s") : "–";
        var noChange = variant.NoChangeMs.Count > 0 ? Ms(Timings.Median(variant.NoChangeMs)) : "–";
        var memory = variant.PeakBytes is null && variant.Failure is not null && variant.EditMs.Count > 0 ? $"failed ({variant.Failure})" : Mb(variant.PeakBytes);
        return $"| {label} | {variant.Client} | {lines} | {nodes} | {generator} | {edit} | {over} | {ratio} | {noChange} | {memory} |";
    }

    private static double? Over(BuildVariant variant, BuildVariant empty) =>
        variant.EditMs.Count > 0 && empty.EditMs.Count > 0 ? Timings.Median(variant.EditMs) - Timings.Median(empty.EditMs) : null;

    private static string PerProperty(long value, long properties) => properties > 0 ? Invariant($"{(double)value / properties:F1}") : "–";

    private static string FailureNote(BuildVariant variant) => variant.Failure is null ? "" : $" (failed: {variant.Failure})";

    private static string Ms(double? ms) => ms is { } v ? Invariant($"{v:F0} ms") : "–";

    private static string Mb(long? bytes) => bytes is { } b ? Invariant($"{b / 1024.0 / 1024.0:F0} MB") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
