using System.Diagnostics;
using System.Text;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>With the ETag cache on, bodies are read as on every other path: bounded, cancellable, cached only once they parse.</summary>
[Collection(Isolated.Name)]
public class ConditionalRequestFaultTests
{
    [Fact]
    public async Task A_stalled_body_with_the_cache_on_is_cancelled_within_twice_the_tokens_time()
    {
        await using var f = await ClientFixture.StartAsync(
            _ => new Reply(200, "{\"id\":1,") { StallAfterBody = TimeSpan.FromSeconds(60) }.WithHeader("ETag", "\"v1\""),
            o => o.UseConditionalRequests = true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1, cancellationToken: cancel.Token));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_stalled_body_with_the_cache_on_ends_at_the_HttpClient_timeout()
    {
        await using var f = await ClientFixture.StartAsync(
            _ => new Reply(200, "{\"id\":1,") { StallAfterBody = TimeSpan.FromSeconds(60) }.WithHeader("ETag", "\"v1\""),
            o => (o.UseConditionalRequests, o.Retry.MaxRetries) = (true, 0));
        f.Http.Timeout = TimeSpan.FromSeconds(1);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Contains("did not arrive", error.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_oversize_body_with_the_cache_on_is_an_invalid_response()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 65_536));
        await using var f = await ClientFixture.StartAsync(
            _ => new Reply(200) { Chunk = chunk, ChunkCount = 64 }.WithHeader("ETag", "\"big\""),
            o => (o.UseConditionalRequests, o.MaxResponseBytes) = (true, 1024 * 1024));

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Equal("actions/get-workflow-run", error.OperationId);
    }

    [Fact]
    public async Task A_body_that_does_not_parse_is_not_cached()
    {
        var calls = 0;
        await using var f = await ClientFixture.StartAsync(
            _ => Interlocked.Increment(ref calls) == 1
                ? Reply.Json("<html>maintenance</html>").WithHeader("ETag", "\"v1\"")
                : Reply.Json(SpecExamples.Get("actions/get-workflow-run 200")).WithHeader("ETag", "\"v2\""),
            o => o.UseConditionalRequests = true);

        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));
        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);
        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        var requests = f.Server.Requests.ToArray();
        Assert.Null(requests[1].Header("If-None-Match"));
        Assert.Equal("\"v2\"", requests[2].Header("If-None-Match"));
    }
}
