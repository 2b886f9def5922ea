using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Parsing;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>The settings checks and the guards: the generator reports, it never throws to the compiler.</summary>
/// <remarks>The fault hooks are static: the class runs alone (<see cref="ProcessWideState"/>).</remarks>
[Collection(ProcessWideState.Name)]
public class GuardTests
{
    private const string Spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

    [Theory]
    [InlineData("Not A Name")]
    [InlineData("class")]
    [InlineData("9Lives")]
    [InlineData("ActionsJsonTypeInfoResolver")]
    [InlineData("actionsJsonTypeInfoResolver")]
    public void A_client_name_that_is_not_a_CSharp_class_name_or_is_taken_is_ACTG008_and_nothing_is_generated(string clientName)
    {
        var (run, _, compile) = GeneratorHarness.Generate(Spec, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenClientName"] = clientName });

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ACTG008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'" + clientName + "'", diagnostic.GetMessage());
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(compile);
    }

    [Fact]
    public void An_unexpected_exception_becomes_ACTG099_naming_the_failing_method_and_other_specs_still_generate()
    {
        const string failing = "/specs/fails.yaml";
        SpecParser.FaultInjection = file =>
        {
            if (file.Path == failing)
            {
                throw new InvalidOperationException("injected failure");
            }
        };
        try
        {
            var driver = GeneratorHarness.Driver(new[] { (failing, Spec), ("/specs/fine.yaml", Spec.Replace("paths: {}", "paths: {}\ncomponents: {schemas: {thing: {type: object, properties: {a: {type: string}}}}}")) })
                .RunGenerators(GeneratorHarness.Compilation());
            var run = driver.GetRunResult();

            Assert.Null(run.Results.Single().Exception);
            var diagnostic = Assert.Single(run.Diagnostics);
            Assert.Equal("ACTG099", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(failing, diagnostic.Location.GetLineSpan().Path);
            Assert.Contains("InvalidOperationException: injected failure", diagnostic.GetMessage());
            Assert.Contains("please report", diagnostic.GetMessage());
            Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".Thing.g.cs", StringComparison.Ordinal));
        }
        finally
        {
            SpecParser.FaultInjection = null;
        }
    }

    [Theory]
    [InlineData("Faulty.Job")]
    [InlineData("Faulty.ActionsJsonTypeInfoResolver")]
    [InlineData("Faulty.ActionsClient")]
    [InlineData("Faulty.WorkflowRunsOperations")]
    [InlineData("Faulty.ActionsClientServiceCollectionExtensions")]
    [InlineData("the diagnostics")]
    public void An_exception_while_emitting_an_output_becomes_ACTG099_naming_it_and_every_other_file_is_generated(string failing)
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath);
        var compilation = GeneratorHarness.Compilation().AddReferences(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location));
        GeneratorRunResult Run() => GeneratorHarness.Driver(spec, ns: "Faulty").RunGenerators(compilation).GetRunResult().Results.Single();
        var all = Run().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains(failing == "the diagnostics" ? "Faulty.Job.g.cs" : failing + ".g.cs", all);

        Guard.OutputFaultInjection = name =>
        {
            if (name == failing)
            {
                throw new InvalidOperationException("injected failure");
            }
        };
        try
        {
            var run = Run();

            Assert.Null(run.Exception);
            var diagnostic = Assert.Single(run.Diagnostics);
            Assert.Equal(("ACTG099", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
            Assert.Contains("'" + failing + "'", diagnostic.GetMessage());
            Assert.Contains("InvalidOperationException: injected failure", diagnostic.GetMessage());
            Assert.Contains("please report", diagnostic.GetMessage());
            Assert.Equal(all.Where(hint => hint != failing + ".g.cs"), run.GeneratedSources.Select(s => s.HintName));
        }
        finally
        {
            Guard.OutputFaultInjection = null;
        }
    }
}
