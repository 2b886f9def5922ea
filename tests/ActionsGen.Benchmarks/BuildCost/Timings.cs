namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>The arithmetic both build-cost tables share: medians, and ActionsGen's cost over the empty console against Kiota's.</summary>
internal static class Timings
{
    public static double? Median(IReadOnlyList<double> values) => values.Count == 0 ? null : values.Order().ElementAt(values.Count / 2);

    /// <summary>(median of ActionsGen − median of the empty console) / (the same for Kiota); null when a median is missing or Kiota adds nothing.</summary>
    public static double? RatioOverEmpty(IReadOnlyList<double> actionsGen, IReadOnlyList<double> kiota, IReadOnlyList<double> empty) =>
        Median(actionsGen) is { } a && Median(kiota) is { } k && Median(empty) is { } e && k > e ? (a - e) / (k - e) : null;

    /// <summary>The same ratio within each pass (the i-th figure of each list), in pass order; passes where Kiota adds nothing are left out.</summary>
    public static List<double> RatiosWithinPasses(IReadOnlyList<double> actionsGen, IReadOnlyList<double> kiota, IReadOnlyList<double> empty) =>
        Enumerable.Range(0, Math.Min(Math.Min(actionsGen.Count, kiota.Count), empty.Count))
            .Where(i => kiota[i] > empty[i])
            .Select(i => (actionsGen[i] - empty[i]) / (kiota[i] - empty[i]))
            .ToList();

    /// <summary>The ActionsGen and Kiota consoles of <paramref name="input"/>, if built.</summary>
    public static (BuildVariant? ActionsGen, BuildVariant? Kiota) Clients(BuildCostInput input, IReadOnlyList<BuildVariant> variants) =>
        (variants.SingleOrDefault(v => v.Input == input && v.Client == ClientKind.ActionsGen),
         variants.SingleOrDefault(v => v.Input == input && v.Client == ClientKind.Kiota));
}
