using System.Diagnostics;
using ActionsGen.Generator.Tests.Infrastructure;

namespace ActionsGen.Benchmarks;

/// <summary>
/// The generator's first run in a fresh process (`generator-cold`): what a build pays when the compiler loads the
/// analyzer anew, JIT included, split into its phases, followed by a warm run for comparison.
/// </summary>
internal static class GeneratorColdStart
{
    /// <param name="specPath">The spec to generate from: the checked-in one unless given (e.g. GitHub's 23-operation cut).</param>
    public static int Run(string? specPath = null)
    {
        var spec = File.ReadAllText(specPath ?? Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml"));
        var compilation = GeneratorHarness.Compilation("class Program { }");
        GeneratorHarness.Driver("openapi: 3.0.3", trackSteps: false); // load Roslyn's driver types outside the timing
        if (Environment.GetEnvironmentVariable("ACTIONSGEN_PHASES") == "1")
        {
            var t = Stopwatch.StartNew();
            var scan = ActionsGen.Generator.Parsing.YamlScan.Run(spec);
            Console.WriteLine($"yaml scan {t.Elapsed.TotalMilliseconds:F1} ms"); t.Restart();
            var parsed = ActionsGen.Generator.Parsing.SpecParser.Parse(new ActionsGen.Generator.Model.SpecFile("/a.yaml", spec, null, null), new ActionsGen.Generator.Model.GeneratorSettings("GitHub.Actions", "ActionsClient"));
            Console.WriteLine($"parse (scan + openapi + model) {t.Elapsed.TotalMilliseconds:F1} ms"); t.Restart();
            foreach (var type in parsed.Model!.Types.Where(t => t.Kind == ActionsGen.Generator.Model.TypeModelKind.Object))
            {
                _ = ActionsGen.Generator.Emitting.ModelEmitter.Emit("GitHub.Actions", type);
            }
            Console.WriteLine($"model emit {t.Elapsed.TotalMilliseconds:F1} ms"); t.Restart();
        }

        for (var i = 0; i < 3; i++)
        {
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var timer = Stopwatch.StartNew();
            var run = GeneratorHarness.Driver(spec, trackSteps: false).RunGenerators(compilation).GetRunResult();
            timer.Stop();
            Console.WriteLine(FormattableString.Invariant(
                $"run {i + 1}: {timer.Elapsed.TotalMilliseconds:F1} ms, {run.Results[0].GeneratedSources.Length} files, {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods JIT-compiled in {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F1} ms"));
        }

        if (Environment.GetEnvironmentVariable("ACTIONSGEN_PHASES") == "1")
        {
            WarmPhases(spec);
        }

        return 0;
    }

    // Each phase of a warm run on its own, median of 15: where the work is, JIT aside.
    private static void WarmPhases(string spec)
    {
        var file = new ActionsGen.Generator.Model.SpecFile("/a.yaml", spec, null, null);
        var settings = new ActionsGen.Generator.Model.GeneratorSettings("GitHub.Actions", "ActionsClient");
        var scan = ActionsGen.Generator.Parsing.YamlScan.Run(spec);
        var readerSettings = new Microsoft.OpenApi.Readers.OpenApiReaderSettings { RuleSet = Microsoft.OpenApi.Validations.ValidationRuleSet.GetEmptyRuleSet() };
        var model = ActionsGen.Generator.Parsing.SpecParser.Parse(file, settings).Model!;
        Phase("warm: scan (positions, and the reader's tree for JSON)", () => ActionsGen.Generator.Parsing.YamlScan.Run(spec));
        Phase("warm: OpenAPI read of the text (SharpYaml parse + deserialize + resolve)", () => new Microsoft.OpenApi.Readers.OpenApiStringReader(readerSettings).Read(scan.TextForReader, out _));
        if (scan.ReaderTree is { } tree)
        {
            Phase("warm: OpenAPI read of the scan's tree (deserialize + resolve)", () => ActionsGen.Generator.Parsing.OpenApiTreeReader.TryRead(tree, readerSettings, out _, out _));
        }

        Phase("warm: SpecParser.Parse (scan + read + model)", () => ActionsGen.Generator.Parsing.SpecParser.Parse(file, settings));
        Phase("warm: emit every type", () =>
        {
            foreach (var type in model.Types)
            {
                _ = type.Kind switch
                {
                    ActionsGen.Generator.Model.TypeModelKind.Object => ActionsGen.Generator.Emitting.ModelEmitter.Emit(model.Namespace, type),
                    ActionsGen.Generator.Model.TypeModelKind.Enum => ActionsGen.Generator.Emitting.EnumEmitter.Emit(model.Namespace, type),
                    ActionsGen.Generator.Model.TypeModelKind.Union => ActionsGen.Generator.Emitting.UnionEmitter.Emit(model.Namespace, type),
                    _ => ActionsGen.Generator.Emitting.IntegerOrStringEmitter.Emit(model.Namespace, type),
                };
            }
        });
        var compilation = GeneratorHarness.Compilation("class Program { }");
        Phase("warm: whole driver run", () => GeneratorHarness.Driver(spec, trackSteps: false).RunGenerators(compilation).GetRunResult());
    }

    private static void Phase(string name, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var timer = Stopwatch.StartNew();
            action();
            times.Add(timer.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"{name}: {times[7]:F1} ms (min {times[0]:F1})"));
    }
}
