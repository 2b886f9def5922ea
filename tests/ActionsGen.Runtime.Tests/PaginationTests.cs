using System.Text.Json.Nodes;
using ActionsGen.Testing;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>The IAsyncEnumerable methods walk every page by following <c>Link: rel="next"</c>.</summary>
public class PaginationTests
{
    /// <summary>A server with <paramref name="total"/> runs, answering pages of per_page (default 30) with GitHub's Link header.</summary>
    private static Func<RecordedRequest, Reply> RunsServer(Func<Uri> baseAddress, int total, string listPath)
    {
        var template = JsonNode.Parse(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))!["workflow_runs"]![0]!;
        return request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Query);
            var perPage = int.Parse(query["per_page"] ?? "30");
            var page = int.Parse(query["page"] ?? "1");
            var runs = new JsonArray();
            for (var id = (page - 1) * perPage + 1; id <= Math.Min(total, page * perPage); id++)
            {
                var run = template.DeepClone();
                run["id"] = id;
                runs.Add(run);
            }

            var reply = Reply.Json(new JsonObject { ["total_count"] = total, ["workflow_runs"] = runs }.ToJsonString());
            var last = (total + perPage - 1) / perPage;
            var links = new List<string>();
            if (page < last)
            {
                links.Add($"<{baseAddress()}{listPath.TrimStart('/')}?per_page={perPage}&page={page + 1}>; rel=\"next\"");
                links.Add($"<{baseAddress()}{listPath.TrimStart('/')}?per_page={perPage}&page={last}>; rel=\"last\"");
            }

            if (page > 1)
            {
                links.Add($"<{baseAddress()}{listPath.TrimStart('/')}?per_page={perPage}&page=1>; rel=\"first\"");
            }

            return links.Count > 0 ? reply.WithHeader("Link", string.Join(", ", links)) : reply;
        };
    }

    [Fact]
    public async Task Walks_every_page_in_order_honouring_per_page()
    {
        const string List = "/repos/octo-org/hello-world/actions/runs";
        ClientFixture? fixture = null;
        await using var f = fixture = await ClientFixture.StartAsync();
        f.Server.Handler = RunsServer(() => fixture.Server.BaseAddress, total: 7, List);

        var ids = new List<long>();
        await foreach (var run in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "hello-world", status: GitHub.Actions.WorkflowRunStatusFilter.Success, perPage: 3))
        {
            ids.Add(run.Id);
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), ids);
        var requests = f.Server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(List + "?status=success&per_page=3", requests[0].RawTarget);
        Assert.Equal(List + "?per_page=3&page=2", requests[1].RawTarget);
        Assert.Equal(List + "?per_page=3&page=3", requests[2].RawTarget);
        Assert.All(requests, r => ClientFixture.AssertGitHubHeaders(r));
    }

    [Fact]
    public async Task Stops_early_when_the_caller_stops_enumerating()
    {
        ClientFixture? fixture = null;
        await using var f = fixture = await ClientFixture.StartAsync();
        f.Server.Handler = RunsServer(() => fixture.Server.BaseAddress, total: 100, "/repos/o/r/actions/runs");

        var first = new List<long>();
        await foreach (var run in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r", perPage: 10))
        {
            first.Add(run.Id);
            if (first.Count == 12)
            {
                break;
            }
        }

        Assert.Equal(2, f.Server.Requests.Count);
    }

    [Fact]
    public async Task A_single_page_without_a_Link_header_ends_the_walk()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-jobs-for-workflow-run 200")));

        var jobs = new List<GitHub.Actions.Job>();
        await foreach (var job in f.Client.WorkflowJobs.ListAllJobsForWorkflowRunAsync("octo-org", "hello-world", 29679449, filter: GitHub.Actions.JobFilter.Latest))
        {
            jobs.Add(job);
        }

        Assert.Single(f.Server.Requests);
        Assert.Equal("/repos/octo-org/hello-world/actions/runs/29679449/jobs?filter=latest", f.Server.Single().RawTarget);
        Assert.NotEmpty(jobs);
    }

    [Fact]
    public async Task A_next_link_to_another_origin_continues_at_the_base_address_and_never_goes_there()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(_ => Reply.Json("""{"total_count":0,"workflow_runs":[]}"""));
        await using var f = await ClientFixture.StartAsync(request => request.Query.Contains("page=2")
            ? Reply.Json(OneRun(2))
            : Reply.Json(OneRun(1)).WithHeader("Link", $"<{elsewhere.BaseAddress}repositories/1/actions/runs?page=2>; rel=\"next\""));

        var ids = await IdsAsync(f);

        Assert.Equal(new long[] { 1, 2 }, ids);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal("/repositories/1/actions/runs?page=2", f.Server.Requests.ToArray()[1].RawTarget);
        Assert.All(f.Server.Requests, r => ClientFixture.AssertGitHubHeaders(r));
    }

    [Theory]
    [InlineData("github/", "https://api.github.com/repositories/1/actions/runs?per_page=1&page=2", "/github/repositories/1/actions/runs?per_page=1&page=2")]
    [InlineData("ghe/api/v3/", "https://ghe.example.com/api/v3/repositories/1/actions/runs?page=2", "/ghe/api/v3/repositories/1/actions/runs?page=2")]
    [InlineData("", "https://ghe.example.com/api/v3/repositories/1/actions/runs?page=2", "/repositories/1/actions/runs?page=2")]
    public async Task A_page_walk_behind_a_proxy_like_base_address_continues_under_its_path(string basePath, string githubLink, string expectedTarget)
    {
        await using var server = await LoopbackServer.StartAsync(request => request.Query.Contains("page=2")
            ? Reply.Json(OneRun(2))
            : Reply.Json(OneRun(1)).WithHeader("Link", $"<{githubLink}>; rel=\"next\", <https://api.github.com/repositories/1/actions/runs?page=9>; rel=\"last\""));
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new GitHub.Actions.ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(server.BaseAddress, basePath), Token = ClientFixture.Token });

        var ids = new List<long>();
        await foreach (var run in client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r"))
        {
            ids.Add(run.Id);
        }

        Assert.Equal(new long[] { 1, 2 }, ids);
        var requests = server.Requests.ToArray();
        Assert.Equal("/" + basePath + "repos/o/r/actions/runs", requests[0].RawTarget);
        Assert.Equal(expectedTarget, requests[1].RawTarget);
        Assert.All(requests, r => Assert.Equal("Bearer " + ClientFixture.Token, r.Header("Authorization")));
    }

    private static string OneRun(long id)
    {
        var run = JsonNode.Parse(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))!["workflow_runs"]![0]!.DeepClone();
        run["id"] = id;
        return new JsonObject { ["total_count"] = 2, ["workflow_runs"] = new JsonArray(run) }.ToJsonString();
    }

    private static async Task<List<long>> IdsAsync(ClientFixture f)
    {
        var ids = new List<long>();
        await foreach (var run in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r"))
        {
            ids.Add(run.Id);
        }

        return ids;
    }
}
