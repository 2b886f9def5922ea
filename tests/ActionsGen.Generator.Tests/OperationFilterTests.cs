using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>The <c>Paths</c> and <c>Operations</c> metadata: exactly the matching operations, only the schemas they reach.</summary>
public class OperationFilterTests
{
    private const string PathsKey = "build_metadata.AdditionalFiles.ActionsGenPaths";
    private const string OperationsKey = "build_metadata.AdditionalFiles.ActionsGenOperations";

    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);

    // Every generated method of the interfaces, by operationId: each method's doc remarks name its operationId.
    private static string[] OperationIds(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources
            .Where(s => s.HintName.EndsWith("Operations.g.cs", StringComparison.Ordinal))
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.SourceText.ToString(), "new AgHttp::ApiRequest\\(\"[A-Z]+\", \"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Order(StringComparer.Ordinal)
            .ToArray();

    // The oracle: every (path, operationId) of the spec, as Microsoft.OpenApi reads it.
    private static IEnumerable<(string Path, string OperationId)> SpecOperations() =>
        new Microsoft.OpenApi.Readers.OpenApiStringReader().Read(Spec, out _).Paths
            .SelectMany(p => p.Value.Operations.Values.Select(o => (p.Key, o.OperationId)));

    [Fact]
    public void Paths_keeps_exactly_the_operations_under_the_glob()
    {
        var (run, _) = OperationTests.Clean(Spec, new Dictionary<string, string> { [PathsKey] = "/repos/{owner}/{repo}/actions/runs/**" });

        var prefix = "/repos/{owner}/{repo}/actions/runs";
        var expected = SpecOperations().Where(o => o.Path == prefix || o.Path.StartsWith(prefix + "/", StringComparison.Ordinal)).Select(o => o.OperationId).Order(StringComparer.Ordinal).ToArray();
        Assert.InRange(expected.Length, 5, SpecOperations().Count() - 1);
        Assert.Equal(expected, OperationIds(run));
    }

    [Fact]
    public void Operations_and_Paths_together_keep_the_union_and_only_the_schemas_reached()
    {
        var metadata = new Dictionary<string, string>
        {
            [OperationsKey] = "actions/get-job-*; actions/download-job-logs-for-workflow-run",
            [PathsKey] = "/repos/{owner}/{repo}/actions/runs/{run_id}",
        };

        var (run, output) = OperationTests.Clean(Spec, metadata);

        Assert.Equal(new[] { "actions/delete-workflow-run", "actions/download-job-logs-for-workflow-run", "actions/get-job-for-workflow-run", "actions/get-workflow-run" }, OperationIds(run));
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.Job"));
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.WorkflowRun"));
        Assert.Null(output.GetTypeByMetadataName("GitHub.Actions.JobList"));
        Assert.Null(output.GetTypeByMetadataName("GitHub.Actions.PendingDeployment"));
    }

    [Fact]
    public void Schemas_no_kept_operation_uses_are_named_in_one_ACTG016_info_and_Schemas_all_generates_them()
    {
        var filter = new Dictionary<string, string> { [OperationsKey] = "actions/get-job-for-workflow-run" };

        var (run, output, _) = GeneratorHarness.Generate(Spec, filter);

        var info = Assert.Single(run.Diagnostics);
        Assert.Equal(("ACTG016", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Contains("component schemas are used by no generated operation", info.GetMessage());
        Assert.Contains("'approval-environment'", info.GetMessage());
        Assert.Equal("#/components/schemas", LineText(info));
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.Job"));
        Assert.Null(output.GetTypeByMetadataName("GitHub.Actions.WorkflowRun"));

        filter["build_metadata.AdditionalFiles.ActionsGenSchemas"] = "all";
        var (all, allOutput, compile) = GeneratorHarness.Generate(Spec, filter);

        Assert.Empty(all.Diagnostics);
        Assert.Empty(compile);
        Assert.NotNull(allOutput.GetTypeByMetadataName("GitHub.Actions.WorkflowRun"));
        Assert.NotNull(allOutput.GetTypeByMetadataName("GitHub.Actions.ApprovalEnvironment"));
    }

    // The diagnostic's line in the spec must be the `schemas:` key under components.
    private static string LineText(Diagnostic diagnostic)
    {
        var line = Spec.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line].Trim();
        return line == "schemas:" ? "#/components/schemas" : line;
    }

    [Fact]
    public void An_entry_that_matches_nothing_is_ACTG015_and_the_rest_still_generates()
    {
        var metadata = new Dictionary<string, string> { [OperationsKey] = "actions/get-workflow-run;actions/no-such-*", [PathsKey] = "/nowhere/**" };

        var (run, _, compile) = GeneratorHarness.Generate(Spec, metadata);

        Assert.Empty(compile);
        Assert.Equal(new[] { "actions/get-workflow-run" }, OperationIds(run));
        var warnings = run.Diagnostics.Where(d => d.Id != "ACTG016").OrderBy(d => d.GetMessage(), StringComparer.Ordinal).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, d => Assert.Equal(("ACTG015", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Contains("Operations entry 'actions/no-such-*'", warnings[0].GetMessage());
        Assert.Contains("Paths entry '/nowhere/**'", warnings[1].GetMessage());
    }

    [Theory]
    [InlineData("/repos/{owner}/{repo}/actions/runs/**", "/repos/{owner}/{repo}/actions/runs", true)]
    [InlineData("/repos/{owner}/{repo}/actions/runs/**", "/repos/{owner}/{repo}/actions/runs/{run_id}/logs", true)]
    [InlineData("/repos/{owner}/{repo}/actions/runs/**", "/repos/{owner}/{repo}/actions/jobs/{job_id}", false)]
    [InlineData("/repos/*/*/actions/runs", "/repos/{owner}/{repo}/actions/runs", true)]
    [InlineData("/repos/*/actions/runs", "/repos/{owner}/{repo}/actions/runs", false)]
    [InlineData("/repos/**/logs", "/repos/{owner}/{repo}/actions/runs/{run_id}/logs", true)]
    [InlineData("/repos/{owner}/{repo}/actions/run*", "/repos/{owner}/{repo}/actions/runners", true)]
    [InlineData("/app", "/app", true)]
    [InlineData("/app", "/apps", false)]
    public void Path_globs_match_whole_segments(string glob, string template, bool matches) =>
        Assert.Equal(matches, ActionsGen.Generator.Parsing.OperationFilter.PathMatches(glob, template));
}
