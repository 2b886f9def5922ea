using ActionsGen.Testing;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>Every workflow-jobs operation but the log download (see <see cref="LogDownloadTests"/>).</summary>
public class WorkflowJobsClientTests
{
    [Fact]
    public async Task GetJobForWorkflowRun_reads_the_job()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200")));

        var job = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);

        Expect.Request(f.Server.Single(), "GET", "/repos/octo-org/hello-world/actions/jobs/399444496");
        Expect.ReadWhole(job, "actions/get-job-for-workflow-run 200");
    }

    [Fact]
    public async Task ListJobsForWorkflowRun_sends_the_filter_and_reads_the_page()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-jobs-for-workflow-run 200")));

        var page = await f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("octo-org", "hello-world", 29679449, filter: JobFilter.All, perPage: 50, page: 3);

        Expect.Request(f.Server.Single(), "GET", "/repos/octo-org/hello-world/actions/runs/29679449/jobs?filter=all&per_page=50&page=3");
        Expect.ReadWhole(page, "actions/list-jobs-for-workflow-run 200");
    }

    [Fact]
    public async Task ListJobsForWorkflowRunAttempt_reads_the_page_and_maps_404()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-jobs-for-workflow-run-attempt 200")));

        var page = await f.Client.WorkflowJobs.ListJobsForWorkflowRunAttemptAsync("octo-org", "hello-world", 29679449, 1, perPage: 10);

        Expect.Request(f.Server.Single(), "GET", "/repos/octo-org/hello-world/actions/runs/29679449/attempts/1/jobs?per_page=10");
        Expect.ReadWhole(page, "actions/list-jobs-for-workflow-run-attempt 200");

        f.Server.Handler = _ => Reply.Json("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", 404)
            .WithHeader("x-github-request-id", "CAFE:1234:5678");
        var error = await Assert.ThrowsAsync<NotFoundException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAttemptAsync("octo-org", "hello-world", 29679449, 9));
        Assert.Equal("CAFE:1234:5678", error.RequestId);
        Assert.Contains("CAFE:1234:5678", error.Message);
    }
}
