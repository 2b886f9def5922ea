using ActionsGen.Generator.Tests.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionsGen.Benchmarks;

/// <summary>
/// The whole generator (read, parse, build the model, emit every file) on the checked-in spec and on synthetic
/// specs 10× and 20× its size, through <see cref="CSharpGeneratorDriver"/> as the compiler runs it. A fresh driver
/// each time: nothing cached, as in the first build after a spec edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private string _spec = string.Empty;
    private CSharpCompilation _compilation = null!;

    [Params(1, 10, 20)]
    public int SpecScale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml"));
        _spec = SpecScale == 1 ? spec : SyntheticSpec.Scale(spec, SpecScale);
        _compilation = GeneratorHarness.Compilation("class Program { }");
        var run = Generate().GetRunResult();
        if (run.Diagnostics.Length > 0 || run.Results[0].Exception is not null)
        {
            throw new InvalidOperationException("The spec does not generate cleanly: " + string.Join("; ", run.Diagnostics));
        }

        Console.WriteLine($"// spec x{SpecScale}: {_spec.Length / 1024} KiB, {run.Results[0].GeneratedSources.Length} files generated");
    }

    [Benchmark]
    public GeneratorDriver Generate() =>
        GeneratorHarness.Driver(_spec, trackSteps: false).RunGenerators(_compilation);
}
