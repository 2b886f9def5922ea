using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>One client under load: many concurrent calls, repeated page walks, a bounded cache.</summary>
[Collection(Isolated.Name)]
public class LoadTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_through_one_client_all_complete_on_a_bounded_pool()
    {
        await using var f = await ClientFixture.StartAsync(request => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200").Replace("399444496", request.Path.Split('/')[^1], StringComparison.Ordinal)));

        var jobs = await Task.WhenAll(Enumerable.Range(1, 1000).Select(id => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", id)));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), jobs.Select(j => j.Id));
        Assert.Equal(1000, f.Server.Requests.Count);
        var connections = f.Server.Requests.Select(r => r.ConnectionId).Distinct().Count();
        Assert.InRange(connections, 1, 32);
    }

    [Fact]
    public async Task Repeated_page_walks_do_not_grow_memory()
    {
        LoopbackServer? server = null;
        await using var f = await ClientFixture.StartAsync();
        server = f.Server;
        var page = SpecExamples.Get("actions/list-workflow-runs-for-repo 200");
        f.Server.Handler = request =>
        {
            var number = request.Query.Contains("page=3") ? 3 : request.Query.Contains("page=2") ? 2 : 1;
            var reply = Reply.Json(page);
            return number < 3 ? reply.WithHeader("Link", $"<{server.BaseAddress}repos/o/r/actions/runs?page={number + 1}>; rel=\"next\"") : reply;
        };

        async Task WalkAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                await foreach (var _ in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r"))
                {
                }
            }
        }

        // Both readings are taken with the server's record of requests empty, so its own growth counts in neither.
        await WalkAsync(50);
        f.Server.Requests.Clear();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await WalkAsync(300);
        Assert.Equal(900, f.Server.Requests.Count);
        f.Server.Requests.Clear();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.InRange(after - before, long.MinValue, 4 * 1024 * 1024);
    }

    [Fact]
    public async Task The_conditional_request_cache_stays_within_its_capacity()
    {
        var cache = new ConditionalRequestCache(100, shared: null, 0, TimeSpan.Zero);

        for (var i = 0; i < 10_000; i++)
        {
            using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.github.com/repos/o/r/actions/runs/" + i),
                Content = new ByteArrayContent([]),
            };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"e" + i + "\"");
            await cache.StoreIfCacheableAsync(response, new byte[16]);
        }

        Assert.InRange(cache.Count, 1, 100);
        var last = await cache.LookupAsync(new Uri("https://api.github.com/repos/o/r/actions/runs/9999"), default);
        Assert.Equal("\"e9999\"", last!.ETag);
    }
}
