using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

public class CompileTests
{
    [Fact]
    public void Checked_in_spec_generates_code_that_compiles_with_no_errors_and_no_warnings()
    {
        var (run, _, compile) = GeneratorHarness.Generate(File.ReadAllText(GeneratorHarness.SpecPath));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var files = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("GitHub.Actions.WorkflowRun.g.cs", files);
        Assert.Contains("GitHub.Actions.WorkflowId.g.cs", files);
        Assert.Contains("GitHub.Actions.JobStatus.g.cs", files);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("bom")]
    public void A_spec_saved_on_Windows_generates_the_same_code(string variant)
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath).Replace("\r\n", "\n");
        var saved = variant == "crlf" ? spec.Replace("\n", "\r\n") : "\uFEFF" + spec;

        var (expected, _, _) = GeneratorHarness.Generate(spec);
        var (run, _, compile) = GeneratorHarness.Generate(saved);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Equal(
            expected.Results.Single().GeneratedSources.Select(s => s.HintName + s.SourceText),
            run.Results.Single().GeneratedSources.Select(s => s.HintName + s.SourceText));
    }
}
