using ActionsGen.Testing;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>Every workflow-runs operation: what goes over the wire, and the example answer read back whole.</summary>
public class WorkflowRunsClientTests
{
    private const string Runs = "/repos/octo-org/hello-world/actions/runs";

    [Fact]
    public async Task ListWorkflowRunsForRepo_sends_every_filter_and_reads_the_page()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200")));

        var page = await f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync(
            "octo-org", "hello-world", actor: "octo cat", branch: "feature/x", @event: "push", status: WorkflowRunStatusFilter.Completed,
            perPage: 100, page: 2, created: ">=2024-01-01", excludePullRequests: true, checkSuiteId: 42, headSha: "abc123");

        Expect.Request(f.Server.Single(), "GET", Runs + "?actor=octo%20cat&branch=feature%2Fx&event=push&status=completed&per_page=100&page=2&created=%3E%3D2024-01-01&exclude_pull_requests=true&check_suite_id=42&head_sha=abc123");
        Expect.ReadWhole(page, "actions/list-workflow-runs-for-repo 200");
    }

    [Fact]
    public async Task ListWorkflowRunsForRepo_sends_no_query_parameter_the_caller_did_not_set()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200")));

        var page = await f.Client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world");

        Expect.Request(f.Server.Single(), "GET", Runs);
        Assert.Equal(page.WorkflowRuns.Count, page.WorkflowRuns.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task ListWorkflowRuns_takes_a_workflow_id_or_a_file_name()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-workflow-runs 200")));

        var byId = await f.Client.WorkflowRuns.ListWorkflowRunsAsync("octo-org", "hello-world", 161335, status: "requested_custom_value", perPage: 5);
        await f.Client.WorkflowRuns.ListWorkflowRunsAsync("octo-org", "hello-world", "main.yml");

        var requests = f.Server.Requests.ToArray();
        Expect.Request(requests[0], "GET", "/repos/octo-org/hello-world/actions/workflows/161335/runs?status=requested_custom_value&per_page=5");
        Expect.Request(requests[1], "GET", "/repos/octo-org/hello-world/actions/workflows/main.yml/runs");
        Expect.ReadWhole(byId, "actions/list-workflow-runs 200");
    }

    [Fact]
    public async Task GetWorkflowRun_reads_the_run()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-workflow-run 200")));

        var run = await f.Client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "hello-world", 30433642, excludePullRequests: false);

        Expect.Request(f.Server.Single(), "GET", Runs + "/30433642?exclude_pull_requests=false");
        Expect.ReadWhole(run, "actions/get-workflow-run 200");
    }

    [Fact]
    public async Task GetWorkflowRunAttempt_reads_the_attempt()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-workflow-run-attempt 200")));

        var run = await f.Client.WorkflowRuns.GetWorkflowRunAttemptAsync("octo-org", "hello-world", 30433642, 2);

        Expect.Request(f.Server.Single(), "GET", Runs + "/30433642/attempts/2");
        Expect.ReadWhole(run, "actions/get-workflow-run-attempt 200");
    }

    [Fact]
    public async Task DeleteWorkflowRun_sends_delete_and_accepts_204()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("octo-org", "hello-world", 30433642);

        Expect.Request(f.Server.Single(), "DELETE", Runs + "/30433642");
    }

    [Fact]
    public async Task GetReviewsForRun_reads_the_list()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-reviews-for-run 200")));

        var reviews = await f.Client.WorkflowRuns.GetReviewsForRunAsync("octo-org", "hello-world", 30433642);

        Expect.Request(f.Server.Single(), "GET", Runs + "/30433642/approvals");
        Expect.ReadWholeList(reviews, "actions/get-reviews-for-run 200");
    }

    [Fact]
    public async Task ApproveWorkflowRun_posts_and_accepts_201()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(201));

        await f.Client.WorkflowRuns.ApproveWorkflowRunAsync("octo-org", "hello-world", 30433642);

        var request = f.Server.Single();
        Expect.Request(request, "POST", Runs + "/30433642/approve");
        Assert.Empty(request.Body);
    }

    [Theory]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    public async Task ApproveWorkflowRun_maps_documented_failures(int status, Type exception)
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"message":"nope","documentation_url":"https://docs.github.com/rest"}""", status));

        var error = await Assert.ThrowsAsync(exception, () => f.Client.WorkflowRuns.ApproveWorkflowRunAsync("octo-org", "hello-world", 1));

        var api = Assert.IsAssignableFrom<ApiException>(error);
        Assert.Equal(status, (int)api.StatusCode);
        Assert.Equal("actions/approve-workflow-run", api.OperationId);
        Assert.Equal("nope", api.ApiMessage);
        Assert.Equal("https://docs.github.com/rest", api.DocumentationUrl);
    }

    [Fact]
    public async Task CancelWorkflowRun_accepts_202_and_maps_409_to_a_conflict()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(202));
        await f.Client.WorkflowRuns.CancelWorkflowRunAsync("octo-org", "hello-world", 30433642);
        Expect.Request(f.Server.Single(), "POST", Runs + "/30433642/cancel");

        f.Server.Handler = _ => Reply.Json("""{"message":"Cannot cancel a workflow run that is completed.","documentation_url":"https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run"}""", 409);
        var error = await Assert.ThrowsAsync<ConflictException>(() => f.Client.WorkflowRuns.CancelWorkflowRunAsync("octo-org", "hello-world", 30433642));
        Assert.Equal("Cannot cancel a workflow run that is completed.", error.ApiMessage);
        Assert.Contains("409", error.Message);
        Assert.Contains("actions/cancel-workflow-run", error.Message);
    }

    [Fact]
    public async Task ForceCancelWorkflowRun_accepts_202_and_maps_409_to_a_conflict()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(202));
        await f.Client.WorkflowRuns.ForceCancelWorkflowRunAsync("octo-org", "hello-world", 30433642);
        Expect.Request(f.Server.Single(), "POST", Runs + "/30433642/force-cancel");

        f.Server.Handler = _ => Reply.Json("""{"message":"Conflict"}""", 409);
        await Assert.ThrowsAsync<ConflictException>(() => f.Client.WorkflowRuns.ForceCancelWorkflowRunAsync("octo-org", "hello-world", 30433642));
    }

    [Fact]
    public async Task ReviewCustomGatesForRun_posts_the_review()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));

        await f.Client.WorkflowRuns.ReviewCustomGatesForRunAsync("octo-org", "hello-world", 30433642, new ReviewCustomGatesRequest
        {
            EnvironmentName = "prod-eus",
            State = DeploymentReviewState.Approved,
            Comment = "All health checks passed.",
        });

        var request = f.Server.Single();
        Expect.Request(request, "POST", Runs + "/30433642/deployment_protection_rule");
        Expect.JsonBody(request, SpecExamples.Get("actions/review-custom-gates-for-run request"));
    }

    [Fact]
    public async Task GetPendingDeploymentsForRun_reads_the_list()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-pending-deployments-for-run 200")));

        var pending = await f.Client.WorkflowRuns.GetPendingDeploymentsForRunAsync("octo-org", "hello-world", 30433642);

        Expect.Request(f.Server.Single(), "GET", Runs + "/30433642/pending_deployments");
        Expect.ReadWholeList(pending, "actions/get-pending-deployments-for-run 200");
    }

    [Fact]
    public async Task ReviewPendingDeploymentsForRun_posts_the_review_and_reads_the_deployments()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/review-pending-deployments-for-run 200")));

        var deployments = await f.Client.WorkflowRuns.ReviewPendingDeploymentsForRunAsync("octo-org", "hello-world", 30433642, new ReviewPendingDeploymentsRequest
        {
            EnvironmentIds = new long[] { 161171787 },
            State = DeploymentReviewState.Approved,
            Comment = "Ship it!",
        });

        var request = f.Server.Single();
        Expect.Request(request, "POST", Runs + "/30433642/pending_deployments");
        Expect.JsonBody(request, SpecExamples.Get("actions/review-pending-deployments-for-run request"));
        Expect.ReadWholeList(deployments, "actions/review-pending-deployments-for-run 200");
    }

    [Fact]
    public async Task ReRunWorkflow_posts_the_optional_body_only_when_given()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(201));

        await f.Client.WorkflowRuns.ReRunWorkflowAsync("octo-org", "hello-world", 30433642, new RerunRequest { EnableDebugLogging = true });
        await f.Client.WorkflowRuns.ReRunWorkflowAsync("octo-org", "hello-world", 30433642);

        var requests = f.Server.Requests.ToArray();
        Expect.Request(requests[0], "POST", Runs + "/30433642/rerun");
        Expect.JsonBody(requests[0], """{"enable_debug_logging":true}""");
        Expect.Request(requests[1], "POST", Runs + "/30433642/rerun");
        Assert.Empty(requests[1].Body);
    }

    [Fact]
    public async Task ReRunWorkflowFailedJobs_posts_the_body()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(201));

        await f.Client.WorkflowRuns.ReRunWorkflowFailedJobsAsync("octo-org", "hello-world", 30433642, new RerunRequest { EnableDebugLogging = false });

        var request = f.Server.Single();
        Expect.Request(request, "POST", Runs + "/30433642/rerun-failed-jobs");
        Expect.JsonBody(request, """{"enable_debug_logging":false}""");
    }

    [Fact]
    public async Task ReRunJobForWorkflowRun_posts_and_maps_403()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(201));
        await f.Client.WorkflowRuns.ReRunJobForWorkflowRunAsync("octo-org", "hello-world", 399444496, new RerunRequest { EnableDebugLogging = true });
        var request = f.Server.Single();
        Expect.Request(request, "POST", "/repos/octo-org/hello-world/actions/jobs/399444496/rerun");
        Expect.JsonBody(request, """{"enable_debug_logging":true}""");

        f.Server.Handler = _ => Reply.Json("""{"message":"Must have admin rights to Repository."}""", 403);
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => f.Client.WorkflowRuns.ReRunJobForWorkflowRunAsync("octo-org", "hello-world", 399444496));
        Assert.Equal("Must have admin rights to Repository.", error.ApiMessage);
    }

    [Fact]
    public async Task DeleteWorkflowRunLogs_accepts_204_and_maps_403_and_500()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));
        await f.Client.WorkflowRuns.DeleteWorkflowRunLogsAsync("octo-org", "hello-world", 30433642);
        Expect.Request(f.Server.Single(), "DELETE", Runs + "/30433642/logs");

        f.Server.Handler = _ => Reply.Json("""{"message":"Forbidden"}""", 403);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunLogsAsync("octo-org", "hello-world", 30433642));

        f.Server.Handler = _ => Reply.Json("""{"message":"Internal Error"}""", 500);
        var error = await Assert.ThrowsAsync<ApiException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunLogsAsync("octo-org", "hello-world", 30433642));
        Assert.Equal(typeof(ApiException), error.GetType());
        Assert.Equal(500, (int)error.StatusCode);
    }

    [Fact]
    public async Task GetWorkflowRunUsage_reads_the_timing()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-workflow-run-usage 200")));

        var usage = await f.Client.WorkflowRuns.GetWorkflowRunUsageAsync("octo-org", "hello-world", 30433642);

        Expect.Request(f.Server.Single(), "GET", Runs + "/30433642/timing");
        Expect.ReadWhole(usage, "actions/get-workflow-run-usage 200");
    }
}
