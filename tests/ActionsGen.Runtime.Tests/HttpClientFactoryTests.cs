using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace ActionsGen.Runtime.Tests;

/// <summary>The generated client as a typed client of IHttpClientFactory, with its handler and a delegating handler of the app's own.</summary>
public class HttpClientFactoryTests
{
    [Fact]
    public async Task The_client_works_as_a_typed_client_with_the_apps_handlers()
    {
        await using var server = await LoopbackServer.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200")));
        var counter = new CountingHandler.Counter();
        var services = new ServiceCollection();
        services.AddSingleton(new ActionsClientOptions { BaseAddress = server.BaseAddress, Token = ClientFixture.Token });
        services.AddHttpClient<ActionsClient>()
            .ConfigurePrimaryHttpMessageHandler(() => ActionsClientOptions.CreateHttpHandler())
            .AddHttpMessageHandler(() => new CountingHandler(counter));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ActionsClient>();
        var job = await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);

        Assert.Equal(399444496, job.Id);
        Assert.Equal(1, counter.Calls);
        ClientFixture.AssertGitHubHeaders(server.Single());
    }
}
