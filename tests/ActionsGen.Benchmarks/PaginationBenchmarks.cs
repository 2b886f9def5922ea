using System.Diagnostics;
using ActionsGen.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Walking 20 pages of 100 workflow runs (2,000 runs) over real HTTP from a loopback server in another process:
/// the generated client's page walk vs Octokit.net 14's <c>Actions.Workflows.Runs.List</c> with the same page size.
/// </summary>
[MemoryDiagnoser]
public class PaginationBenchmarks
{
    private Process _server = null!;
    private HttpClient _http = null!;
    private GitHub.Actions.ActionsClient _actionsGen = null!;
    private Octokit.GitHubClient _octokit = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_server, var root) = PagesServer.Start();
        _http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        _actionsGen = new GitHub.Actions.ActionsClient(_http, new ActionsClientOptions { BaseAddress = new Uri(root, "api/v3/"), Token = "bench" });
        _octokit = new Octokit.GitHubClient(new Octokit.ProductHeaderValue("ActionsGen-Benchmarks"), root) { Credentials = new Octokit.Credentials("bench") };
        var runs = (ActionsGen().GetAwaiter().GetResult(), Octokit().GetAwaiter().GetResult());
        if (runs != (2000, 2000))
        {
            throw new InvalidOperationException($"expected 2000 runs from each client, got {runs}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        PagesServer.Stop(_server);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Octokit()
    {
        var response = await _octokit.Actions.Workflows.Runs.List("octo-org", "octo-repo", new Octokit.WorkflowRunsRequest(), new Octokit.ApiOptions { PageSize = PagesServer.PerPage });
        return response.WorkflowRuns.Count;
    }

    [Benchmark]
    public async Task<int> ActionsGen()
    {
        var count = 0;
        await foreach (var run in _actionsGen.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: PagesServer.PerPage))
        {
            count++;
        }

        return count;
    }
}
