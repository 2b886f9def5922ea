using System.Collections.Concurrent;
using System.Diagnostics;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>The calls of one client share a secondary limit's window; opted in, writes go out one at a time.</summary>
[Collection(Isolated.Name)]
public class RateGovernorTests
{
    private static Reply Job() => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200"));

    /// <summary>A server that refuses every request for <paramref name="window"/> after the first with a secondary limit.</summary>
    private sealed class SecondaryLimitServer(TimeSpan window, bool retryAfter)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _closedAt;

        public ConcurrentQueue<(TimeSpan At, int Status)> Answers { get; } = new();

        public Reply Handle(RecordedRequest request)
        {
            lock (_clock)
            {
                var now = _clock.Elapsed;
                _closedAt ??= now;
                var refused = now - _closedAt < window;
                Answers.Enqueue((now, refused ? 403 : 200));
                if (!refused)
                {
                    return request.Method == "GET" ? Job() : Reply.NoBody(204);
                }

                var reply = Reply.Json("""{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""", 403);
                return retryAfter ? reply.WithHeader("Retry-After", ((int)Math.Ceiling((window - (now - _closedAt.Value)).TotalSeconds)).ToString()) : reply;
            }
        }
    }

    [Fact]
    public async Task Other_calls_wait_out_the_window_one_call_met_instead_of_each_meeting_the_limit()
    {
        var server = new SecondaryLimitServer(TimeSpan.FromSeconds(2), retryAfter: true);
        await using var f = await ClientFixture.StartAsync(server.Handle, o => o.MaxRateLimitWait = TimeSpan.FromSeconds(30));

        var first = f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1);
        await WaitUntil(() => !server.Answers.IsEmpty);
        await Task.Delay(200); // the 403 has reached the client and closed the window
        var others = Enumerable.Range(2, 6).Select(id => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", id)).ToArray();
        await Task.WhenAll(others.Append(first));

        // One refusal in all: the six later calls held back until the window had passed, then succeeded.
        Assert.Equal(1, server.Answers.Count(a => a.Status == 403));
        Assert.Equal(7, server.Answers.Count(a => a.Status == 200));
        Assert.All(server.Answers.Where(a => a.Status == 200), a => Assert.True(a.At >= TimeSpan.FromSeconds(1.9), $"a request arrived at {a.At} inside the window"));
    }

    [Fact]
    public async Task The_secondary_limit_message_alone_closes_the_window_for_a_minute()
    {
        var server = new SecondaryLimitServer(TimeSpan.FromMinutes(5), retryAfter: false);
        await using var f = await ClientFixture.StartAsync(server.Handle, o => o.MaxRateLimitWait = TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("secondary rate limit", error.ApiMessage);
        Assert.Single(server.Answers);
        Assert.InRange(f.Client.Connection.Options.RateGovernor.ClosedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task A_window_beyond_the_allowed_wait_is_not_waited_for()
    {
        var server = new SecondaryLimitServer(TimeSpan.FromSeconds(60), retryAfter: true);
        await using var f = await ClientFixture.StartAsync(server.Handle, o => o.MaxRateLimitWait = TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));
        await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 2));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Serialised_writes_go_out_one_at_a_time_while_reads_are_not_held()
    {
        var (writes, reads) = await ArrivalsAsync(serializeWrites: true);

        var ordered = writes.Order().ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(ordered[i] - ordered[i - 1] >= TimeSpan.FromMilliseconds(250), $"write {i} arrived {ordered[i] - ordered[i - 1]} after the one before");
        }

        Assert.All(reads, r => Assert.True(r < ordered[^1], "a read waited for the writes"));
    }

    [Fact]
    public async Task Without_opting_in_writes_go_out_together()
    {
        var (writes, _) = await ArrivalsAsync(serializeWrites: false);

        Assert.InRange(writes.Max() - writes.Min(), TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    private static async Task<(TimeSpan[] Writes, TimeSpan[] Reads)> ArrivalsAsync(bool serializeWrites)
    {
        var clock = Stopwatch.StartNew();
        var arrivals = new ConcurrentQueue<(string Method, TimeSpan At)>();
        await using var f = await ClientFixture.StartAsync(request =>
        {
            arrivals.Enqueue((request.Method, clock.Elapsed));
            return request.Method == "GET" ? Job() : Reply.NoBody(204) with { Delay = TimeSpan.FromMilliseconds(300) };
        }, o => o.SerializeWrites = serializeWrites);

        var writes = new[]
        {
            f.Client.WorkflowRuns.CancelWorkflowRunAsync("o", "r", 1),
            f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 2),
            f.Client.WorkflowRuns.ReRunWorkflowAsync("o", "r", 3),
            f.Client.WorkflowRuns.DeleteWorkflowRunLogsAsync("o", "r", 4),
        };
        await Task.Delay(100);
        var reads = Enumerable.Range(1, 3).Select(id => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", id)).ToArray();
        await Task.WhenAll(writes);
        await Task.WhenAll(reads);
        return (arrivals.Where(a => a.Method != "GET").Select(a => a.At).ToArray(), arrivals.Where(a => a.Method == "GET").Select(a => a.At).ToArray());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }
    }
}
