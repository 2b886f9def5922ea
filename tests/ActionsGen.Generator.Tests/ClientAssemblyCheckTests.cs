using System.Collections.Immutable;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// ACTG040: with <c>ActionsGenClientAssembly</c> the project's compile references its generated client
/// (<c>{AssemblyName}.ActionsGen</c>) and gets no spec; a declaration there of a generated type is reported at the
/// declaration, as the generator runs in that compile.
/// </summary>
public class ClientAssemblyCheckTests
{
    private const string Declarations = """
        namespace GitHub.Actions
        {
            public partial class Job { public string Describe() => "x"; }
            public partial class Mine { }
        }

        namespace GitHub
        {
            namespace @Actions
            {
                partial class WorkflowRun { }
            }
        }
        """;

    private const string FileScoped = """
        namespace GitHub. /* the jobs */ Actions;

        public readonly partial struct JobStatus { }

        class Job<T> { }
        """;

    [Fact]
    public void A_declaration_of_a_type_of_the_projects_client_assembly_is_ACTG040_at_its_name()
    {
        var diagnostics = Run(ClientNamed("Consumer.ActionsGen"));

        Assert.Equal(
            new[] { "Source0.cs(11,23): GitHub.Actions.WorkflowRun", "Source0.cs(3,26): GitHub.Actions.Job", "Source1.cs(3,32): GitHub.Actions.JobStatus" },
            diagnostics.Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.GetMessage().Split('\'')[1]}").Order());
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Contains("'Consumer.ActionsGen'", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("<ActionsGenClientAssembly>false</ActionsGenClientAssembly>", diagnostics[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_projects_client_or_none_is_not_checked()
    {
        // A test project referencing an application's client declares its own types as it likes (the targets give
        // such a client an extern alias where the project generates the same namespace).
        Assert.Empty(Run(ClientNamed("App.ActionsGen")));
        Assert.Empty(Run(reference: null));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_report_cached_and_an_edit_of_a_declaration_reruns_it()
    {
        var compilation = GeneratorHarness.Compilation(Declarations, FileScoped).AddReferences(ClientNamed("Consumer.ActionsGen"));
        var driver = GeneratorHarness.Driver(ImmutableArray<AdditionalText>.Empty).RunGenerators(compilation);
        Assert.Equal(3, driver.GetRunResult().Diagnostics.Count(d => d.Id == "ACTG040"));

        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Mine { class B { } }", new CSharpParseOptions(LanguageVersion.Preview), path: "Other.cs"));
        driver = driver.RunGenerators(unrelated);
        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.ClientAssemblyCheck].Single().Outputs.Single().Reason);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // The declaration of Job moved down a line: the report moves with it.
        var tree = unrelated.SyntaxTrees.First();
        var moved = unrelated.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("\n" + Declarations)));
        result = driver.RunGenerators(moved).GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.ClientAssemblyCheck].Single().Outputs.Single().Reason);
        Assert.Contains(result.Diagnostics, d => d.Id == "ACTG040" && d.Location.GetLineSpan().StartLinePosition.Line == 3);
    }

    private static ImmutableArray<Diagnostic> Run(MetadataReference? reference)
    {
        var compilation = GeneratorHarness.Compilation(Declarations, FileScoped);
        if (reference is not null)
        {
            compilation = compilation.AddReferences(reference);
        }

        var driver = GeneratorHarness.Driver(ImmutableArray<AdditionalText>.Empty).RunGenerators(compilation);
        var run = driver.GetRunResult();
        Assert.Empty(run.GeneratedTrees);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return run.Diagnostics.Where(d => d.Id == "ACTG040").ToImmutableArray();
    }

    // The real generated client of the built-in spec, as the targets compile it.
    private static MetadataReference ClientNamed(string assemblyName)
    {
        var (_, output, diagnostics) = GeneratorHarness.Generate(File.ReadAllText(GeneratorHarness.SpecPath), path: GeneratorHarness.SpecPath);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return ((CSharpCompilation)output).WithAssemblyName(assemblyName).ToMetadataReference();
    }
}
