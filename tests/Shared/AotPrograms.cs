namespace ActionsGen.Testing;

/// <summary>The calls both the Native AOT consumer test and the start-up comparison make.</summary>
public static class AotPrograms
{
    /// <summary>ActionsGen: get a job, walk the runs, write a request body as JSON and read it again.</summary>
    public const string Consumer = """
        using ActionsGen.Runtime;
        using ActionsGen.Runtime.Serialization;
        using GitHub.Actions;

        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(args[0]), Token = "aot-token" });
        var job = await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);
        Console.WriteLine($"job {job.Id} {job.Name} {job.Status}, {job.Steps?.Count} steps");
        var runs = 0;
        await foreach (var run in client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "hello-world", perPage: 100))
        {
            runs++;
        }

        Console.WriteLine($"runs: {runs}");
        // A request body writes by default (a response-only model reads only, unless the spec item says Writers="all").
        var body = ActionsJson.Deserialize<RerunRequest>(ActionsJson.SerializeToUtf8Bytes(new RerunRequest { EnableDebugLogging = true }));
        Console.WriteLine(body.EnableDebugLogging == true ? "round trip ok" : "round trip FAILED");
        """;

    /// <summary>Octokit.net making the same calls (it is not AOT-capable: run as a normal JIT app).</summary>
    public const string Octokit = """
        using Octokit;

        var client = new GitHubClient(new ProductHeaderValue("startup-compare"), new Uri(args[0])) { Credentials = new Credentials("octokit-token") };
        var job = await client.Actions.Workflows.Jobs.Get("octo-org", "hello-world", 399444496);
        Console.WriteLine($"job {job.Id} {job.Name} {job.Status}, {job.Steps.Count} steps");
        var runs = await client.Actions.Workflows.Runs.List("octo-org", "hello-world", new WorkflowRunsRequest(), new ApiOptions { PageSize = 100 });
        Console.WriteLine($"runs: {runs.WorkflowRuns.Count}");
        """;
}
