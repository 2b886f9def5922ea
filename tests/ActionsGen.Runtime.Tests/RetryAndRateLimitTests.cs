using System.Diagnostics;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>Transient failures are retried on safe operations only, with bounded back-off; rate limits wait only when asked.</summary>
[Collection(Isolated.Name)]
public class RetryAndRateLimitTests
{
    private static Func<RecordedRequest, Reply> FailThen(int failures, Func<Reply> failure, Func<Reply> success)
    {
        var count = 0;
        return _ => Interlocked.Increment(ref count) <= failures ? failure() : success();
    }

    private static Reply Job() => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200"));

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_GET_is_retried_after_a_transient_status(int status)
    {
        await using var f = await ClientFixture.StartAsync(FailThen(2, () => Reply.Json("""{"message":"oops"}""", status), Job));

        var job = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.Equal(3, f.Server.Requests.Count);
    }

    [Fact]
    public async Task A_GET_is_retried_after_a_connection_reset()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => new Reply(200) { Abort = true }, Job));

        var job = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.Equal(2, f.Server.Requests.Count);
    }

    [Fact]
    public async Task A_GET_is_retried_after_a_timeout()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => Job() with { Delay = TimeSpan.FromSeconds(30) }, Job));
        f.Http.Timeout = TimeSpan.FromSeconds(2);

        var job = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.Equal(2, f.Server.Requests.Count);
    }

    [Fact]
    public async Task A_DELETE_is_retried_because_it_is_idempotent()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => Reply.NoBody(503), () => Reply.NoBody(204)));

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1);

        Assert.Equal(2, f.Server.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_reported()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"message":"Service Unavailable"}""", 503));

        var error = await Assert.ThrowsAsync<ApiException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Equal(1 + new RetryOptions().MaxRetries, f.Server.Requests.Count);
    }

    [Fact]
    public async Task A_POST_is_not_retried_unless_the_caller_opts_in()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => Reply.NoBody(502), () => Reply.NoBody(202)));
        await Assert.ThrowsAsync<ApiException>(() => f.Client.WorkflowRuns.CancelWorkflowRunAsync("o", "r", 1));
        Assert.Single(f.Server.Requests);

        await using var optedIn = await ClientFixture.StartAsync(FailThen(1, () => Reply.NoBody(502), () => Reply.NoBody(202)), o => o.Retry.RetryNonIdempotent = true);
        await optedIn.Client.WorkflowRuns.CancelWorkflowRunAsync("o", "r", 1);
        Assert.Equal(2, optedIn.Server.Requests.Count);
    }

    [Fact]
    public async Task A_POST_connection_reset_is_not_retried()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => new Reply(200) { Abort = true }, () => Reply.NoBody(201)));

        await Assert.ThrowsAsync<HttpRequestException>(() => f.Client.WorkflowRuns.ReRunWorkflowAsync("o", "r", 1));

        Assert.Single(f.Server.Requests);
    }

    [Fact]
    public void Back_off_grows_exponentially_with_jitter_and_a_cap()
    {
        var retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var ceiling = Math.Min(100 * Math.Pow(2, attempt), 1000);
            var delays = Enumerable.Range(0, 200).Select(_ => retry.Delay(attempt, null).TotalMilliseconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, ceiling / 2, ceiling));
            Assert.True(delays.Distinct().Count() > 100, "the wait should be jittered");
        }

        Assert.Equal(TimeSpan.FromMilliseconds(700), retry.Delay(0, TimeSpan.FromMilliseconds(700)));
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay(0, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_a_back_off_wait()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(503), o => o.Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(20) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1, cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Single(f.Server.Requests);
    }

    private static Reply PrimaryLimit(DateTimeOffset reset) => Reply.Json("""{"message":"API rate limit exceeded"}""", 403)
        .WithHeader("x-ratelimit-limit", "5000").WithHeader("x-ratelimit-remaining", "0")
        .WithHeader("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_opted_in_client_waits_for_the_primary_limit_to_reset_and_retries()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => PrimaryLimit(DateTimeOffset.UtcNow.AddSeconds(1)), Job), o => o.MaxRateLimitWait = TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var job = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.Equal(2, f.Server.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), "it should have waited for the reset");
    }

    [Fact]
    public async Task Without_opting_in_a_used_up_limit_throws_at_once()
    {
        await using var f = await ClientFixture.StartAsync(FailThen(1, () => PrimaryLimit(DateTimeOffset.UtcNow.AddSeconds(1)), Job));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

        Assert.NotNull(error.Reset);
        Assert.Single(f.Server.Requests);
    }

    [Fact]
    public async Task A_reset_beyond_the_allowed_wait_throws_without_waiting()
    {
        await using var f = await ClientFixture.StartAsync(_ => PrimaryLimit(DateTimeOffset.UtcNow.AddHours(1)), o => o.MaxRateLimitWait = TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Single(f.Server.Requests);
    }

    [Fact]
    public async Task A_secondary_limit_is_retried_after_Retry_After_even_for_a_POST()
    {
        await using var f = await ClientFixture.StartAsync(
            FailThen(1, () => Reply.Json("""{"message":"You have exceeded a secondary rate limit"}""", 429).WithHeader("Retry-After", "1"), () => Reply.NoBody(202)),
            o => o.MaxRateLimitWait = TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        await f.Client.WorkflowRuns.CancelWorkflowRunAsync("o", "r", 1);

        Assert.Equal(2, f.Server.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_a_rate_limit_wait()
    {
        await using var f = await ClientFixture.StartAsync(_ => PrimaryLimit(DateTimeOffset.UtcNow.AddSeconds(30)), o => o.MaxRateLimitWait = TimeSpan.FromMinutes(1));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1, cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
