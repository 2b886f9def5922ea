using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace ActionsGen.Runtime.Tests;

/// <summary>The generated <c>services.AddActionsClient(…)</c>: typed client, group interfaces, shared options, the app's own handlers.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task The_container_resolves_the_client_and_its_group_interfaces()
    {
        await using var server = await LoopbackServer.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200")));
        var counter = new CountingHandler.Counter();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddActionsClient(o => (o.BaseAddress, o.Token) = (server.BaseAddress, ClientFixture.Token));
        builder.AddHttpMessageHandler(() => new CountingHandler(counter));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ActionsClient>();
        var jobs = provider.GetRequiredService<IWorkflowJobsOperations>();
        var job = await jobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.NotNull(provider.GetRequiredService<IWorkflowRunsOperations>());
        Assert.Equal(server.BaseAddress, client.Connection.Options.BaseAddress);
        Assert.Equal(1, counter.Calls);
        ClientFixture.AssertGitHubHeaders(server.Single());
    }

    [Fact]
    public async Task Every_client_instance_shares_one_options_object_and_the_handler_does_not_follow_redirects()
    {
        await using var server = await LoopbackServer.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", "https://storage.example/log?sig=1"));
        var services = new ServiceCollection();
        services.AddActionsClient(o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<ActionsClient>();
        var second = provider.GetRequiredService<ActionsClient>();
        var url = await first.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync("o", "r", 1);

        Assert.NotSame(first, second);
        Assert.Same(first.Connection.Options, second.Connection.Options);
        Assert.Equal(new Uri("https://storage.example/log?sig=1"), url);
    }
}
