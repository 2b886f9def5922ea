using System.Net;
using System.Text.Json;
using ActionsGen.Runtime.Simulation;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace ActionsGen.Runtime.Tests.Simulation;

/// <summary>
/// The simulator generated for the built-in spec (<c>ActionsGenSimulator="true"</c> on its item): every operation
/// answered with its example and first success status, recorded, paged, redirected to a download.
/// </summary>
public class SimulatorOperationsTests
{
    [Fact]
    public async Task Every_operation_of_the_spec_is_answered_through_the_generated_client()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(new HttpClient(simulator), new ActionsClientOptions { Token = "ghp_simulated" });
        var called = new List<string>();

        foreach (var (group, method) in OperationInvoker.Methods(client))
        {
            var before = simulator.Requests.Count;
            var result = await OperationInvoker.CallAsync(group, method, RequestExample);

            var requests = simulator.Requests.Skip(before).ToArray();
            Assert.True(requests.Length > 0, method.Name);
            Assert.All(requests, r => Assert.True((int)r.StatusCode is >= 200 and < 400, $"{method.Name}: {r.StatusCode} for {r.Uri}"));
            var operationId = requests[0].OperationId!;
            called.Add(operationId);
            var row = simulator.Operations.Single(o => o.OperationId == operationId);
            Assert.Equal(row.Status, (int)requests[0].StatusCode);
            if (method.ReturnType == typeof(Task<Stream>))
            {
                Assert.True(requests[^1].IsDownload, method.Name);
                Assert.StartsWith("Simulated download for " + operationId, (string)result!);
            }
        }

        // Every operation, each through its method (and page walk, URL and download variants).
        Assert.Equal(simulator.Operations.Select(o => o.OperationId).OrderBy(id => id), called.Distinct().OrderBy(id => id));
        Assert.Equal(23, called.Distinct().Count());
        Assert.DoesNotContain(simulator.Requests, r => r.OperationId is null);
    }

    [Fact]
    public async Task An_operation_is_answered_with_its_example_and_recorded_with_its_operation_id_path_and_query_values()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(new HttpClient(simulator));

        var run = await client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "hello world", 30433642, excludePullRequests: true);

        Expect.ReadWhole(run, "actions/get-workflow-run 200");
        var request = Assert.Single(simulator.Requests);
        Assert.Equal("actions/get-workflow-run", request.OperationId);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("hello world", request.PathValues["repo"]);
        Assert.Equal("30433642", request.PathValues["run_id"]);
        Assert.Equal("true", request.Query["exclude_pull_requests"]);
        Assert.Null(request.Body);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.StartsWith("ActionsGen/", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_request_body_is_recorded_as_sent()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(simulator.CreateHttpClient());

        await client.WorkflowRuns.ReviewCustomGatesForRunAsync("octo-org", "hello-world", 1, new ReviewCustomGatesRequest { EnvironmentName = "prod", State = DeploymentReviewState.Approved, Comment = "ok" });

        var request = Assert.Single(simulator.Requests);
        Assert.Equal("actions/review-custom-gates-for-run", request.OperationId);
        JsonAssert.Equivalent("""{"environment_name":"prod","state":"approved","comment":"ok"}""", request.Body!);
        Assert.Equal(HttpStatusCode.NoContent, request.StatusCode);
    }

    [Fact]
    public async Task A_paged_operation_answers_with_a_Link_header_when_it_has_more_pages_and_the_walk_reads_them_all()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(new HttpClient(simulator));
        var one = await client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world");
        simulator.SetPageCount("actions/list-workflow-runs-for-repo", 3);

        var runs = new List<WorkflowRun>();
        await foreach (var run in client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "hello-world", perPage: 1))
        {
            runs.Add(run);
        }

        var past = await client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "hello-world", page: 4);
        Assert.Equal(3 * one.WorkflowRuns.Count, runs.Count);
        var pages = simulator.Requests.Skip(1).Take(3).ToArray();
        Assert.Equal(new[] { null, "2", "3" }, pages.Select(r => r.Query.GetValueOrDefault("page")));
        Assert.All(pages, r => Assert.Equal("1", r.Query["per_page"]));
        Assert.Empty(past.WorkflowRuns);
        Assert.Equal(1, past.TotalCount);

        using var http = new HttpClient(simulator);
        using var first = await http.GetAsync("https://api.github.com/repos/o/r/actions/runs?per_page=2");
        Assert.Equal(
            "<https://api.github.com/repos/o/r/actions/runs?per_page=2&page=2>; rel=\"next\", <https://api.github.com/repos/o/r/actions/runs?per_page=2&page=3>; rel=\"last\"",
            string.Join(", ", first.Headers.GetValues("Link")));
        using var middle = await http.GetAsync("https://api.github.com/repos/o/r/actions/runs?page=2");
        Assert.Contains("rel=\"prev\"", string.Join(", ", middle.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task A_log_redirect_gives_the_specs_Location_and_the_download_a_body_without_the_token()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(new HttpClient(simulator), new ActionsClientOptions { Token = "ghp_secret" });

        var url = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync("octo-org", "hello-world", 399444496);
        await using var stream = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("octo-org", "hello-world", 399444496);
        var text = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("https://pipelines.actions.githubusercontent.com/", url.AbsoluteUri);
        Assert.Equal("Simulated download for actions/download-job-logs-for-workflow-run\n", text);
        var download = simulator.Requests[^1];
        Assert.True(download.IsDownload);
        Assert.Equal(url, download.Uri);
        Assert.False(download.Headers.ContainsKey("Authorization"));
        Assert.Equal("Bearer ghp_secret", simulator.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_base_path_before_the_api_is_allowed_as_on_GitHub_Enterprise_Server()
    {
        var simulator = new ActionsSimulator();
        var options = new ActionsClientOptions { BaseAddress = ActionsClientOptions.ForEnterpriseServer("ghe.example.com").BaseAddress };
        var client = new ActionsClient(new HttpClient(simulator), options);

        var job = await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 1);

        Assert.Equal(399444496, job.Id);
        Assert.Equal("https://ghe.example.com/api/v3/repos/octo-org/hello-world/actions/jobs/1", simulator.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task It_serves_the_typed_client_that_AddActionsClient_registers()
    {
        var simulator = new ActionsSimulator();
        var services = new ServiceCollection();
        services.AddActionsClient(o => o.Token = "ghp_di").ConfigurePrimaryHttpMessageHandler(() => simulator);
        await using var provider = services.BuildServiceProvider();

        var runs = provider.GetRequiredService<IWorkflowRunsOperations>();
        var usage = await runs.GetWorkflowRunUsageAsync("octo-org", "hello-world", 1);

        Assert.NotNull(usage.Billable);
        Assert.Equal("actions/get-workflow-run-usage", simulator.Requests.Single().OperationId);
    }

    [Fact]
    public async Task The_simulator_generated_for_a_spec_item_answers_its_own_operations()
    {
        var simulator = new ActionsGen.Tests.Simulated.WidgetsSimulator();
        var client = new ActionsGen.Tests.Simulated.WidgetsClient(new HttpClient(simulator));

        var widget = await client.Widgets.GetAsync(7);
        var created = await client.Widgets.CreateAsync(new ActionsGen.Tests.Simulated.WidgetCreate { Name = "w", Color = ActionsGen.Tests.Simulated.Color.Blue });

        Assert.Equal("seven", widget.Name);

        // No example for the 201: one made from the schema, with every required member.
        Assert.Equal("x", created.Name);
        Assert.Equal(ActionsGen.Tests.Simulated.Color.Red, created.Color);
        Assert.Equal(HttpStatusCode.Created, simulator.Requests[^1].StatusCode);
    }

    // The spec's request example for a required body; an optional one is left out.
    private static object? RequestExample(System.Reflection.MethodInfo method, Type type) => type.Name switch
    {
        nameof(ReviewCustomGatesRequest) => OperationInvoker.Read(type, SpecExamples.Get("actions/review-custom-gates-for-run request")),
        nameof(ReviewPendingDeploymentsRequest) => OperationInvoker.Read(type, SpecExamples.Get("actions/review-pending-deployments-for-run request")),
        _ => null,
    };
}
