using System.Collections.Immutable;
using ActionsGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ActionsGen.Generator.Tests.Infrastructure;

/// <summary>Runs the real generator through <see cref="CSharpGeneratorDriver"/> the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static readonly string SpecPath = Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml");

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(ActionsGen.Runtime.Serialization.IJsonModel<>).Assembly.Location))
            .ToImmutableArray();
    });

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview), path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does: binding redirects between framework versions are expected.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver Driver(IEnumerable<(string Path, string Text)> specs, string? ns = null, bool trackSteps = true) =>
        Driver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray(), ns, trackSteps);

    /// <param name="metadata">Extra per-file metadata for every spec, e.g. <c>build_metadata.AdditionalFiles.ActionsGenPaths</c>.</param>
    /// <param name="metadataOf">Extra metadata of one spec, by its path (after <paramref name="metadata"/>).</param>
    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> texts, string? ns = null, bool trackSteps = true, IReadOnlyDictionary<string, string>? metadata = null, Func<string, IReadOnlyDictionary<string, string>>? metadataOf = null)
    {
        var globals = new Dictionary<string, string>();
        if (ns is not null)
        {
            globals["build_property.ActionsGenNamespace"] = ns;
        }

        var perFile = texts.ToDictionary(t => t.Path, t => new Dictionary<string, string>((metadata ?? new Dictionary<string, string>()).Concat(metadataOf?.Invoke(t.Path) ?? new Dictionary<string, string>())) { ["build_metadata.AdditionalFiles.ActionsGenSpec"] = "true" });
        return CSharpGeneratorDriver.Create(
            new[] { new ActionsGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.Preview),
            new OptionsProvider(globals, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorDriver Driver(string specText, string path = "/specs/actions.yaml", string? ns = null, bool trackSteps = true) =>
        Driver(new[] { (path, specText) }, ns, trackSteps);

    /// <summary>Generates from <paramref name="specText"/>, compiles the result and returns both.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> CompileDiagnostics) Generate(string specText, string path = "/specs/actions.yaml", string? ns = null, params string[] extraSources) =>
        Generate(specText, null, path, ns, extraSources);

    /// <summary>As <see cref="Generate(string, string, string?, string[])"/>, with per-file <paramref name="metadata"/> (filters).</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> CompileDiagnostics) Generate(string specText, IReadOnlyDictionary<string, string>? metadata, string path = "/specs/actions.yaml", string? ns = null, params string[] extraSources)
    {
        var texts = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(path, specText));
        var driver = Driver(texts, ns, trackSteps: true, metadata).RunGeneratorsAndUpdateCompilation(Compilation(extraSources), out var output, out _);
        var run = driver.GetRunResult();
        var diagnostics = WithNullableWarnings(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return (run, output, diagnostics);
    }

    /// <summary>
    /// The output with nullable warnings on in the generated files: consumers' builds skip that analysis of generated
    /// code, so the tests run it to keep the emitted code free of nullable warnings.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation output) =>
        output.SyntaxTrees.Select(tree => (Tree: tree, Text: tree.GetText().ToString()))
            .Where(t => t.Text.Contains(Generator.Emitting.SourceWriter.NullableWarningsOff, StringComparison.Ordinal)).ToList()
            .Aggregate(output, (compilation, t) => compilation.ReplaceSyntaxTree(t.Tree, t.Tree.WithChangedText(SourceText.From(
                t.Text.Replace(Generator.Emitting.SourceWriter.NullableWarningsOff, "#nullable enable warnings", StringComparison.Ordinal)))));

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, string> globals, Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(perFile.TryGetValue(textFile.Path, out var values) ? values : new Dictionary<string, string>());
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
