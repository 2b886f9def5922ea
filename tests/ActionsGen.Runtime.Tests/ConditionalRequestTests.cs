using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>The opt-in ETag cache: If-None-Match goes out, a 304 is served from memory (GitHub does not count it).</summary>
public class ConditionalRequestTests
{
    private static Func<RecordedRequest, Reply> ETagServer(string exampleKey) => request =>
        request.Header("If-None-Match") == "\"v1\""
            ? Reply.NoBody(304).WithHeader("ETag", "\"v1\"")
            : Reply.Json(SpecExamples.Get(exampleKey)).WithHeader("ETag", "\"v1\"");

    [Fact]
    public async Task A_304_is_served_from_the_cache()
    {
        await using var f = await ClientFixture.StartAsync(ETagServer("actions/get-workflow-run 200"), o => o.UseConditionalRequests = true);

        var first = await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 30433642);
        var second = await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 30433642);

        var requests = f.Server.Requests.ToArray();
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Expect.ReadWhole(second, "actions/get-workflow-run 200");
        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task Cached_pages_keep_their_Link_header()
    {
        var pages = 0;
        LoopbackServer? server = null;
        await using var f = await ClientFixture.StartAsync();
        server = f.Server;
        f.Server.Handler = request =>
        {
            Interlocked.Increment(ref pages);
            var page = request.Query.Contains("page=2") ? 2 : 1;
            var etag = "\"p" + page + "\"";
            var reply = request.Header("If-None-Match") == etag ? Reply.NoBody(304) : Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"));
            reply = reply.WithHeader("ETag", etag);
            return page == 1 && reply.Status == 200 ? reply.WithHeader("Link", $"<{server.BaseAddress}repos/o/r/actions/runs?page=2>; rel=\"next\"") : reply;
        };

        var cached = new GitHub.Actions.ActionsClient(f.Http, new ActionsClientOptions { BaseAddress = f.Server.BaseAddress, UseConditionalRequests = true });
        var first = await Count(cached);
        var second = await Count(cached);

        Assert.Equal(2, first);
        Assert.Equal(2, second);
        Assert.Equal(4, pages);
        Assert.Equal(2, f.Server.Requests.Count(r => r.Header("If-None-Match") is not null));
    }

    [Fact]
    public async Task Without_opting_in_no_conditional_header_is_sent()
    {
        await using var f = await ClientFixture.StartAsync(ETagServer("actions/get-workflow-run 200"));

        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 30433642);
        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 30433642);

        Assert.All(f.Server.Requests, r => Assert.Null(r.Header("If-None-Match")));
    }

    private static async Task<int> Count(GitHub.Actions.ActionsClient client)
    {
        var count = 0;
        await foreach (var _ in client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r"))
        {
            count++;
        }

        return count;
    }
}
