using System.Diagnostics;
using System.Text.Json.Nodes;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Serialization;
using ActionsGen.Runtime.Telemetry;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// Responses that drift from the spec are read whole over real HTTP, each deviation reported on the operation's
/// activity, the counter and the options' callback; corruption is still refused, and StrictResponses refuses drift.
/// </summary>
[Collection(Isolated.Name)]
public sealed class ResponseDriftTests : IDisposable
{
    private const string ListRuns = "actions/list-workflow-runs-for-repo";

    private readonly TelemetryCapture _telemetry = new();

    private IEnumerable<(long Value, Dictionary<string, object?> Tags)> Deviations => _telemetry.Of(ActionsTelemetry.ResponseDeviations);

    // The page: 100 runs from the spec's example, six of them drifted as GitHub's and GHES's responses do,
    // plus a null item in the list.
    private static string DriftedPage()
    {
        var example = JsonNode.Parse(SpecExamples.Get(ListRuns + " 200"))!;
        var template = example["workflow_runs"]![0]!;
        var runs = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var run = template.DeepClone().AsObject();
            run["id"] = 1000 + i;
            runs.Add(run);
        }

        runs[3]!["pull_requests"] = null;
        runs[10]!.AsObject().Remove("head_sha");
        runs[20]!["run_number"] = "20";
        runs[30]!["created_at"] = "last Tuesday";
        runs[40]!["workflow_id"] = JsonValue.Create(100000000000000000000m);
        runs.Insert(50, null);
        return new JsonObject { ["total_count"] = 100, ["workflow_runs"] = runs }.ToJsonString();
    }

    private static readonly string[] ExpectedDrift =
    [
        "$.workflow_runs[3].pull_requests null",
        "$.workflow_runs[10].head_sha missing",
        "$.workflow_runs[20].run_number wrong_type",
        "$.workflow_runs[30].created_at invalid_format",
        "$.workflow_runs[40].workflow_id out_of_range",
        "$.workflow_runs[50] null_element",
    ];

    [Fact]
    public async Task A_drifted_page_of_100_runs_is_read_whole_and_each_drift_is_reported()
    {
        JsonDeviationReport? reported = null;
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(DriftedPage()), o => o.OnResponseDeviations = r => reported = r);

        var page = await f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: 100);

        Assert.Equal(100, page.WorkflowRuns.Count);
        Assert.Equal(Enumerable.Range(1000, 100).Select(i => (long)i), page.WorkflowRuns.Select(r => r.Id));
        Assert.Null(page.WorkflowRuns[3].PullRequests);
        Assert.Null(page.WorkflowRuns[10].HeadSha);
        Assert.Equal(0, page.WorkflowRuns[20].RunNumber);
        Assert.Equal(default, page.WorkflowRuns[30].CreatedAt);
        Assert.Equal(0, page.WorkflowRuns[40].WorkflowId);
        Assert.Equal(page.WorkflowRuns[0].HeadSha, page.WorkflowRuns[99].HeadSha);

        var activity = Assert.Single(_telemetry.Of(f.Server));
        var events = activity.Events.Where(e => e.Name == ActionsTelemetry.DeviationEvent)
            .Select(e => e.Tags.First(t => t.Key == "actionsgen.json_path").Value + " " + e.Tags.First(t => t.Key == "actionsgen.deviation_kind").Value);
        Assert.Equal(ExpectedDrift, events);
        Assert.Equal(6, activity.GetTagItem("actionsgen.response.deviation_count"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);

        var counted = Deviations.Where(m => (string?)m.Tags["github.operation_id"] == ListRuns).ToArray();
        Assert.Equal(6, counted.Sum(m => m.Value));
        Assert.Equal(1, counted.Where(m => (string?)m.Tags["actionsgen.deviation_kind"] == "null_element").Sum(m => m.Value));

        Assert.NotNull(reported);
        Assert.Equal(ListRuns, reported!.OperationId);
        Assert.Equal(ExpectedDrift, reported.Listed.Select(d => d.Path + " " + d.KindName));
    }

    [Fact]
    public async Task A_page_walk_does_not_lose_a_page_to_a_drifted_run()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(DriftedPage()));

        var runs = await f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: 100).ToListAsync();

        Assert.Equal(100, runs.Count);
    }

    [Fact]
    public async Task Strict_responses_refuse_the_drifted_page_naming_the_first_drifted_member()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(DriftedPage()), o => o.StrictResponses = true);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: 100));

        Assert.Equal("$.workflow_runs[3].pull_requests", error.JsonPath);
        Assert.Contains(ListRuns, error.Message);
        Assert.Contains("'pull_requests' of WorkflowRun is null", error.Message);
    }

    [Fact]
    public async Task A_truncated_page_is_still_refused()
    {
        var page = DriftedPage();
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(page[..(page.Length * 2 / 3)]));

        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: 100));
    }

    [Fact]
    public async Task A_large_page_with_a_drift_in_every_item_lists_a_few_and_counts_all()
    {
        var step = """{"name":"s","status":"completed","conclusion":"success","number":"one"}""";
        var job = JsonNode.Parse(SpecExamples.Get("actions/get-job-for-workflow-run 200"))!.AsObject();
        job["steps"] = JsonNode.Parse("[" + string.Join(",", Enumerable.Repeat(step, 10_000)) + "]");
        JsonDeviationReport? reported = null;
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(job.ToJsonString()), o => o.OnResponseDeviations = r => reported = r);

        var read = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1);

        Assert.Equal(10_000, read.Steps.Count);
        Assert.Equal(10_000, reported!.Count);
        Assert.Equal(10_000, reported.CountOf(JsonDeviationKind.WrongType));
        Assert.Equal(JsonDeviationReport.MaxListed, reported.Listed.Count);
        Assert.Equal("$.steps[15].number", reported.Listed[^1].Path);
        var activity = Assert.Single(_telemetry.Of(f.Server));
        Assert.Equal(JsonDeviationReport.MaxListed, activity.Events.Count(e => e.Name == ActionsTelemetry.DeviationEvent));
        Assert.Equal(10_000, activity.GetTagItem("actionsgen.response.deviation_count"));
    }

    [Fact]
    public async Task A_clean_response_reports_nothing()
    {
        var called = false;
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get(ListRuns + " 200")), o => o.OnResponseDeviations = _ => called = true);

        await f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "octo-repo");

        Assert.False(called);
        Assert.DoesNotContain(Deviations, m => (string?)m.Tags["github.operation_id"] == ListRuns);
    }

    public void Dispose() => _telemetry.Dispose();
}
