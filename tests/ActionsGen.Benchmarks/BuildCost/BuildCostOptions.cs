using System.Globalization;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>
/// <c>build-cost [runs] [--inputs spec,cut,whole] [--quick]</c>: runs per timed figure (default 5) and which
/// descriptions to build; <c>--quick</c> is one run of the spec and the cut.
/// </summary>
internal sealed record BuildCostOptions(int Runs, IReadOnlyList<string> Inputs)
{
    public static readonly string[] AllInputs = { "spec", "cut", "whole" };

    public static BuildCostOptions Parse(IReadOnlyList<string> args)
    {
        var runs = 5;
        IReadOnlyList<string> inputs = AllInputs;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    runs = 1;
                    inputs = new[] { "spec", "cut" };
                    break;
                case "--inputs" when i + 1 < args.Count:
                    inputs = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    break;
                default:
                    throw new ArgumentException($"build-cost: unknown argument '{args[i]}'; usage: build-cost [runs] [--inputs {string.Join(',', AllInputs)}] [--quick]");
            }
        }

        var unknown = inputs.Except(AllInputs).ToArray();
        return unknown.Length == 0 ? new BuildCostOptions(runs, inputs)
            : throw new ArgumentException("build-cost: unknown input(s) " + string.Join(", ", unknown) + "; known: " + string.Join(", ", AllInputs));
    }
}
