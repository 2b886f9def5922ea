using System.Text;
using System.Text.RegularExpressions;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// The corpus in HostileSpecs/: specs that try to inject code through their texts, names that are not C# names, shapes
/// the generator does not model, and files that are not OpenAPI at all. Each file's first line says what must happen:
/// <c># expect: compiles</c> (or an ACTG warning id: code is still generated) or an ACTG error id. Never an exception,
/// never CS8785, never a type the spec smuggled in.
/// </summary>
public class HostileSpecTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "HostileSpecs");

    public static TheoryData<string> Specs() => new(Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order()!);

    [Fact]
    public void The_corpus_has_at_least_30_specs() => Assert.True(Specs().Count >= 30);

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_hostile_spec_gives_working_code_or_a_clear_diagnostic(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var expect = text.Length == 0 ? "ACTG002" : Regex.Match(text, "^# expect: (\\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(expect), file + " says nothing of what to expect");

        // Every schema, used by an operation or not: the corpus is about the names and shapes schemas can have.
        var (run, output, compile) = GeneratorHarness.Generate(text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenSchemas"] = "all" });

        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics.Concat(compile), d => d.Id == "CS8785");

        // Each hint name is a file name when EmitCompilerGeneratedFiles is on: past 255 bytes the build fails (CS0016).
        Assert.All(run.Results.Single().GeneratedSources, s => Assert.True(Encoding.UTF8.GetByteCount(s.HintName) <= 255, s.HintName));
        Assert.Empty(output.GetSymbolsWithName(n => n.StartsWith("Injected", StringComparison.Ordinal), SymbolFilter.Type));
        Assert.Empty(compile.Where(d => d.Severity == DiagnosticSeverity.Error));
        var actg = run.Diagnostics.Where(d => d.Id.StartsWith("ACTG", StringComparison.Ordinal)).ToArray();
        Assert.All(actg, d => Assert.NotEqual("ACTG099", d.Id));
        if (expect == "compiles")
        {
            Assert.Empty(actg);
            Assert.Empty(compile);
            Assert.NotEmpty(run.Results.Single().GeneratedSources);
        }
        else
        {
            var diagnostic = Assert.Single(actg, d => d.Id == expect);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
            if (diagnostic.Severity == DiagnosticSeverity.Warning)
            {
                Assert.Empty(compile);
                Assert.NotEmpty(run.Results.Single().GeneratedSources);
            }
        }
    }

    [Fact]
    public void Injected_text_lands_escaped_in_comments_and_literals()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "01-doc-comment-injection.yaml"));
        var (run, _, _) = GeneratorHarness.Generate(text);
        var sources = string.Join("\n", run.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));

        Assert.Contains("*/ &lt;/summary&gt; } class Injected { } /*", sources);
        Assert.DoesNotContain("\u2028", sources);
        Assert.DoesNotContain("\u2029", sources);
        Assert.DoesNotContain("\r", sources);
        Assert.All(sources.Split('\n').Where(l => l.Contains("Injected", StringComparison.Ordinal)), l => Assert.StartsWith("///", l.TrimStart()));
    }

    [Fact]
    public void Names_that_are_not_CSharp_names_become_valid_unique_stable_identifiers()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "12-casing-collisions.yaml"));
        var first = GeneratorHarness.Generate(text).Output;
        var second = GeneratorHarness.Generate(text).Output;

        var properties = first.GetTypeByMetadataName("GitHub.Actions.Thing")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "HeadSha", "HeadSha2", "HeadSha3", "HeadSha4" }, properties);
        Assert.Equal(properties, second.GetTypeByMetadataName("GitHub.Actions.Thing")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public void A_key_given_twice_is_ACTG001_at_the_second_one()
    {
        var (run, _, _) = GeneratorHarness.Generate(File.ReadAllText(Path.Combine(Folder, "40-duplicate-keys.yaml")));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "ACTG001");
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // line 7, 0-based
        Assert.Contains("'paths' appears twice", diagnostic.GetMessage());
    }

    [Fact]
    public void Names_the_emitted_code_relies_on_are_not_given_to_types_or_enum_values()
    {
        var output = GeneratorHarness.Generate(File.ReadAllText(Path.Combine(Folder, "43-generated-name-collisions.yaml"))).Output;

        // Union cases are spelled by simple names inside Match<TResult>: no type may be called TResult.
        Assert.Null(output.GetTypeByMetadataName("GitHub.Actions.TResult"));
        var match = output.GetTypeByMetadataName("GitHub.Actions.ResultChoice")!.GetMembers("Match").OfType<IMethodSymbol>().Single();
        Assert.Equal("GitHub.Actions.TResult2", ((INamedTypeSymbol)match.Parameters[0].Type).TypeArguments[0].ToDisplayString());

        // Enums are record structs: values named like the record's members get a suffix.
        var values = output.GetTypeByMetadataName("GitHub.Actions.RecordMembers")!.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic && p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "PrintMembers2", "Deconstruct2", "Equals2", "GetHashCode2", "ToString2", "Value2", "IsKnown2", "Value3", "Create", "Values" }, values);
    }
}
