using System.Net;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Simulation;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests.Simulation;

/// <summary>Scripted answers: models, JSON, GitHub's canned failures, delays, and answers by call count.</summary>
public class SimulatorScriptingTests
{
    private const string GetRun = "actions/get-workflow-run";

    [Fact]
    public async Task A_scripted_404_is_a_NotFoundException()
    {
        var (simulator, client) = Create();
        simulator.RespondNotFound(GetRun);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "hello-world", 1));

        Assert.Equal("Not Found", error.ApiMessage);
        Assert.Equal("https://docs.github.com/rest", error.DocumentationUrl);
        Assert.StartsWith("SIMULATED:", error.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, simulator.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task A_scripted_model_is_written_with_its_generated_writer_and_read_back()
    {
        var (simulator, client) = Create();
        var usage = new WorkflowRunUsage
        {
            RunDurationMs = 5000,
            Billable = new WorkflowRunBillable
            {
                Ubuntu = new WorkflowRunBillableUsage { TotalMs = 180_000, Jobs = 1, JobRuns = [new WorkflowRunJobTiming { JobId = 1, DurationMs = 60_000 }] },
                Macos = new WorkflowRunBillableUsage { TotalMs = 0, Jobs = 0, JobRuns = [] },
                Windows = new WorkflowRunBillableUsage { TotalMs = 0, Jobs = 0, JobRuns = [] },
            },
        };
        simulator.Respond("actions/get-workflow-run-usage", HttpStatusCode.OK, usage);
        var run = Run(30433642, 7);
        simulator.Respond(GetRun, HttpStatusCode.OK, run);

        var read = await client.WorkflowRuns.GetWorkflowRunUsageAsync("octo-org", "hello-world", 7);
        var readRun = await client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "hello-world", 7);

        Assert.Equal(5000, read.RunDurationMs);
        Assert.Equal(60_000, read.Billable.Ubuntu.JobRuns.Single().DurationMs);
        Assert.Equal(0, read.Billable.Windows.Jobs);
        Assert.Equal(7, readRun.Id);
        Assert.Equal(run.HeadSha, readRun.HeadSha);
    }

    [Fact]
    public async Task A_scripted_list_of_models_and_a_JSON_string_are_answered_as_given()
    {
        var (simulator, client) = Create();
        simulator.Respond("actions/get-reviews-for-run", HttpStatusCode.OK, new List<EnvironmentApprovals>());
        simulator.Respond("actions/get-workflow-run-usage", HttpStatusCode.OK, """{"billable":{},"run_duration_ms":5}""");

        Assert.Empty(await client.WorkflowRuns.GetReviewsForRunAsync("o", "r", 1));
        Assert.Equal(5, (await client.WorkflowRuns.GetWorkflowRunUsageAsync("o", "r", 1)).RunDurationMs);
    }

    [Fact]
    public async Task A_model_of_another_spec_or_an_unknown_operation_is_refused_when_scripted()
    {
        var (simulator, _) = Create();

        var foreign = Assert.Throws<ArgumentException>(() => simulator.Respond(GetRun, HttpStatusCode.OK, new ActionsGen.Tests.Simulated.Widget { Id = 1, Name = "w", Color = ActionsGen.Tests.Simulated.Color.Red }));
        var unknown = Assert.Throws<ArgumentException>(() => simulator.RespondNotFound("actions/get-workflow-runz"));

        Assert.Contains("not a model of this simulator's spec", foreign.Message);
        Assert.Contains("actions/get-workflow-run,", unknown.Message);
    }

    [Fact]
    public async Task A_used_up_rate_limit_is_a_RateLimitExceededException_with_its_reset()
    {
        var (simulator, client) = Create();
        var reset = DateTimeOffset.UtcNow.AddMinutes(30);
        simulator.RespondRateLimited(GetRun, reset);

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(0, error.RateLimit!.Remaining);
        Assert.Equal(reset.ToUnixTimeSeconds(), error.Reset!.Value.ToUnixTimeSeconds());
        Assert.Equal("core", error.RateLimit.Resource);
    }

    [Fact]
    public async Task A_rate_limit_that_resets_within_MaxRateLimitWait_is_waited_for_and_the_call_sent_again()
    {
        var (simulator, client) = Create(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(10));
        simulator.RespondRateLimited(GetRun, DateTimeOffset.UtcNow).Once();

        var run = await client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        Assert.Equal(30433642, run.Id);
        Assert.Equal(new[] { HttpStatusCode.Forbidden, HttpStatusCode.OK }, simulator.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_secondary_rate_limit_carries_Retry_After()
    {
        var (simulator, client) = Create();
        simulator.RespondSecondaryRateLimit(GetRun, TimeSpan.FromSeconds(90));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Contains("secondary rate limit", error.ApiMessage);
    }

    [Fact]
    public async Task A_server_error_on_the_first_call_is_retried_and_the_second_call_works()
    {
        var (simulator, client) = Create();
        simulator.RespondServerError(GetRun, HttpStatusCode.BadGateway).Once();

        var run = await client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        Assert.Equal(30433642, run.Id);
        Assert.Equal(new[] { HttpStatusCode.BadGateway, HttpStatusCode.OK }, simulator.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_server_error_on_every_call_fails_after_the_retries()
    {
        var (simulator, client) = Create();
        simulator.RespondServerError(GetRun);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, simulator.Requests.Count);
    }

    [Fact]
    public async Task A_delayed_answer_is_cancelled_with_the_call()
    {
        var (simulator, client) = Create();
        simulator.Delay(GetRun, TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var started = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1, cancellationToken: cancel.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), started.Elapsed.ToString());
    }

    [Fact]
    public async Task Counted_answers_come_first_in_the_order_scripted_then_the_latest_standing_one_then_the_example()
    {
        var (simulator, client) = Create();
        simulator.RespondNotFound(GetRun).Times(2);
        simulator.Respond(GetRun, HttpStatusCode.Conflict).Once();
        simulator.Respond(GetRun, HttpStatusCode.OK, Run(30433642, 1));
        simulator.Respond(GetRun, HttpStatusCode.OK, Run(30433642, 2));

        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                outcomes.Add((await client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1)).Id.ToString());
            }
            catch (ApiException e)
            {
                outcomes.Add(((int)e.StatusCode).ToString());
            }
        }

        simulator.Reset();
        outcomes.Add((await client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1)).Id.ToString());
        Assert.Equal(new[] { "404", "404", "409", "2", "2", "30433642" }, outcomes);
    }

    [Fact]
    public async Task A_scripted_answer_goes_only_to_a_request_the_spec_allows()
    {
        var (simulator, client) = Create();
        simulator.RespondNotFound("actions/list-workflow-runs-for-repo").Once();

        await Assert.ThrowsAsync<ValidationFailedException>(() => client.WorkflowRuns.ListWorkflowRunsForRepoAsync("o", "r", perPage: 0));
        await Assert.ThrowsAsync<NotFoundException>(() => client.WorkflowRuns.ListWorkflowRunsForRepoAsync("o", "r"));
        Assert.NotNull(await client.WorkflowRuns.ListWorkflowRunsForRepoAsync("o", "r"));
    }

    [Fact]
    public async Task A_header_can_be_added_to_a_scripted_answer()
    {
        var (simulator, client) = Create();
        simulator.Respond(GetRun, HttpStatusCode.OK, Run(30433642, 3)).WithHeader("x-ratelimit-remaining", "17");

        await client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        Assert.Equal(17, client.Connection.LastRateLimit!.Remaining);
    }

    // The spec's example run with another id.
    private static WorkflowRun Run(long exampleId, long id) =>
        ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<WorkflowRun>(System.Text.Encoding.UTF8.GetBytes(
            SpecExamples.Get("actions/get-workflow-run 200").Replace("\"id\":" + exampleId + ",", "\"id\":" + id + ",", StringComparison.Ordinal)));

    private static (ActionsSimulator Simulator, ActionsClient Client) Create(Action<ActionsClientOptions>? configure = null)
    {
        var simulator = new ActionsSimulator();
        var options = new ActionsClientOptions { Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } };
        configure?.Invoke(options);
        return (simulator, new ActionsClient(new HttpClient(simulator), options));
    }
}
