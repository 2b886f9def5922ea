using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ActionsGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>What one consumer's compile reads: its sources (for ActionsGen, the generated files its build wrote), references and symbols.</summary>
internal sealed record CompileInputs(IReadOnlyList<string> Sources, IReadOnlyList<string> References, IReadOnlyList<string> Symbols);

/// <summary>
/// The compiler's own cost on each consumer's code, without MSBuild, process start or the machine's drift between
/// builds: each consumer's sources are parsed, bound and emitted (PE and portable PDB) in one process against its
/// references, on one thread, timed in that thread's CPU time, the consumers interleaved round by round. The
/// references are loaded once, as the compiler server keeps them; analyzers are not run (the generator's own time is
/// the table's column).
/// </summary>
internal static class CompilerCost
{
    /// <summary>Asks MSBuild for the project's resolved references and symbols, after its first build.</summary>
    public static async Task<CompileInputs> CollectAsync(BuildVariant variant)
    {
        var directory = variant.Project!.Directory;
        var query = BuildVariant.Require(await DotNetCli.RunAsync(directory, new[]
        {
            "msbuild", "-nologo", "-p:Configuration=Release", "-t:FindReferenceAssembliesForReferences",
            "-getItem:ReferencePathWithRefAssemblies", "-getProperty:DefineConstants",
        }));
        using var json = JsonDocument.Parse(query.Output[query.Output.IndexOf('{')..(query.Output.LastIndexOf('}') + 1)]);
        var references = json.RootElement.GetProperty("Items").GetProperty("ReferencePathWithRefAssemblies").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!).ToList();
        var symbols = json.RootElement.GetProperty("Properties").GetProperty("DefineConstants").GetString()!
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

        // The project's own files, the SDK's (global usings, assembly info) and, for ActionsGen, what the generator wrote
        // (unless the project references it compiled: ActionsGenClientAssembly=true).
        var generated = variant.Client == ClientKind.ActionsGen && !references.Any(r => r.EndsWith(".ActionsGen.dll", StringComparison.Ordinal));
        var obj = Path.Combine(directory, "obj");
        var sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(obj, StringComparison.Ordinal) && !f.StartsWith(Path.Combine(directory, "bin"), StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(obj, "Release", "net10.0"), "*.cs", SearchOption.TopDirectoryOnly))
            .Concat(generated ? CodeSize.ActionsGenFiles(directory) : Enumerable.Empty<string>())
            .ToList();
        return new CompileInputs(sources, references, symbols);
    }

    /// <summary>
    /// Times the variants' compiles in a child process with tiered compilation off, so the compiler's code is fully
    /// optimized from the first call, as in a long-running compiler server, and no background JIT shares the clock.
    /// </summary>
    public static async Task MeasureAsync(IReadOnlyList<BuildVariant> variants, int rounds)
    {
        var ready = variants.Where(v => v.Usable && v.Compile is not null).ToList();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(ready.Select(v => v.Compile).ToList()));
            var start = SelfProcess.StartInfo("compile-cost", file, rounds.ToString(CultureInfo.InvariantCulture));
            start.Environment["DOTNET_TieredCompilation"] = "0";
            start.Environment["DOTNET_gcConcurrent"] = "0";
            using var child = Process.Start(start)!;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                // "<variant> ms <value>" or "<variant> error <first error>"
                var parts = line.Split(' ', 3);
                var variant = ready[int.Parse(parts[0], CultureInfo.InvariantCulture)];
                if (parts[1] == "warm-up")
                {
                    continue;
                }

                if (parts[1] == "ms")
                {
                    variant.CompileMs.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
                }
                else
                {
                    variant.CompileFailure = parts[2];
                }
            }

            await child.WaitForExitAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The child: two untimed rounds, then <paramref name="rounds"/> timed ones, the variants interleaved.</summary>
    public static int RunChild(string file, int rounds)
    {
        var inputs = JsonSerializer.Deserialize<List<CompileInputs>>(File.ReadAllText(file))!;
        var loaded = inputs.Select(i => (Texts: i.Sources.Select(f => (Path: f, Text: File.ReadAllText(f))).ToArray(),
            References: i.References.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)).ToArray(), i.Symbols)).ToList();
        var failed = new bool[loaded.Count];
        for (var round = -2; round < rounds; round++)
        {
            for (var v = 0; v < loaded.Count; v++)
            {
                if (failed[v])
                {
                    continue;
                }

                GC.Collect();
                GC.WaitForPendingFinalizers();
                var start = ThreadCpuTime.Nanoseconds();
                var error = Compile(loaded[v].Texts, loaded[v].References, loaded[v].Symbols);
                var ms = (ThreadCpuTime.Nanoseconds() - start) / 1e6;
                failed[v] = error is not null;
                Console.WriteLine(error is not null ? $"{v} error {error.ReplaceLineEndings(" ")}" : round >= 0 ? Invariant($"{v} ms {ms:F1}") : $"{v} warm-up");
            }
        }

        return 0;
    }

    private static string? Compile((string Path, string Text)[] texts, MetadataReference[] references, IReadOnlyList<string> symbols)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, preprocessorSymbols: symbols);
        var trees = texts.Select(t => CSharpSyntaxTree.ParseText(SourceText.From(t.Text, Encoding.UTF8), parse, t.Path)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false, deterministic: true);
        var compilation = CSharpCompilation.Create("Consumer", trees, references, options);
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        var first = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        return result.Success ? null : first?.ToString() ?? "emit failed";
    }

    public static void Print(IReadOnlyList<BuildCostInput> inputs, IReadOnlyList<BuildVariant> variants, int rounds)
    {
        var empty = variants[0];
        Console.WriteLine();
        Console.WriteLine(Invariant($"The compiler alone (Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version} in one process, tiered JIT off: parse, bind, emit on one thread, its CPU time; median of {rounds} interleaved rounds after 2 untimed; no analyzers): empty console {Ms(empty)}."));
        Console.WriteLine();
        Console.WriteLine("| input | ActionsGen | Kiota | ActionsGen / Kiota, over the empty console | the same within each round (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var input in inputs)
        {
            var (actionsGen, kiota) = Timings.Clients(input, variants);
            var ratio = actionsGen is not null && kiota is not null && Timings.RatioOverEmpty(actionsGen.CompileMs, kiota.CompileMs, empty.CompileMs) is { } r
                ? Invariant($"**{r:F2}**") : "–";
            var withinRounds = actionsGen is not null && kiota is not null && Timings.Median(Timings.RatiosWithinPasses(actionsGen.CompileMs, kiota.CompileMs, empty.CompileMs)) is { } w
                ? Invariant($"{w:F2}") : "–";
            Console.WriteLine($"| {input.Name} | {Ms(actionsGen)} | {Ms(kiota)} | {ratio} | {withinRounds} |");
        }
    }

    private static string Ms(BuildVariant? variant) =>
        variant is not null && Timings.Median(variant.CompileMs) is { } ms ? Invariant($"{ms:F0} ms") : variant?.CompileFailure is { } failure ? $"failed ({failure})" : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
