using System.Text.RegularExpressions;
using ActionsGen.Package.Tests.Infrastructure;

namespace ActionsGen.Package.Tests;

/// <summary>
/// A brand-new console project adds the package from a local feed and builds, runs against a loopback server, edits
/// its spec and rebuilds, breaks it and sees the diagnostic at the line, fixes it.
/// </summary>
[Collection(PackageCollection.Name)]
public class ConsumerTests(PackageFixture fixture)
{
    internal static readonly string Spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "actions.yaml"));

    internal const string ProgramUsingHeadSha = """
        using ActionsGen.Runtime;
        using GitHub.Actions;

        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(args[0]), Token = "consumer-token" });
        var job = await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);
        Console.WriteLine($"job {job.Id} {job.Name} {job.Status} sha {job.HeadSha}");
        """;

    internal const string ProgramAfterEdit = """
        using ActionsGen.Runtime;
        using GitHub.Actions;

        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        var client = new ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(args[0]), Token = "consumer-token" });
        var job = await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);
        Console.WriteLine($"job {job.Id} {job.Name} {job.Status} sha {job.HeadCommitSha}");
        await client.WorkflowRuns.PingWorkflowRunAsync("octo-org", "hello-world", 30433642);
        Console.WriteLine("ping ok");
        """;

    private const string NewOperation = """
        paths:
          /repos/{owner}/{repo}/actions/runs/{run_id}/ping:
            post:
              operationId: actions/ping-workflow-run
              tags:
              - workflow-runs
              summary: Ping a workflow run
              parameters:
              - $ref: '#/components/parameters/owner'
              - $ref: '#/components/parameters/repo'
              - $ref: '#/components/parameters/run-id'
              responses:
                '204':
                  description: No Content
        """;

    [Fact]
    public async Task Adding_the_package_editing_the_spec_breaking_it_and_fixing_it_all_work_from_dotnet_build()
    {
        using var project = await ConsumerProject.CreateAsync(fixture.Feed);
        project.WriteFile("actions.yaml", Spec);
        project.AddToProject("""<ItemGroup><ActionsGenSpec Include="actions.yaml" /></ItemGroup>""");
        project.WriteFile("Program.cs", ProgramUsingHeadSha);
        await using var server = await ConsumerServer.StartAsync();

        ConsumerProject.Require(await project.BuildAsync(), "the first build");
        var run = await project.RunAsync(server.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("job 399444496 build completed sha f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0", run.Output);
        Assert.Equal("Bearer consumer-token", server.Requests.Last().Header("Authorization"));

        // Edit: a new operation, and head_sha renamed in the job schema.
        project.WriteFile("actions.yaml", Edited(Spec));
        project.WriteFile("Program.cs", ProgramAfterEdit);
        await using var renamedServer = await ConsumerServer.StartAsync(job => job.Replace("\"head_sha\"", "\"head_commit_sha\"", StringComparison.Ordinal));
        ConsumerProject.Require(await project.BuildAsync(), "the build after the edit");
        run = await project.RunAsync(renamedServer.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("sha f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0", run.Output);
        Assert.Contains("ping ok", run.Output);
        Assert.Contains(renamedServer.Requests, r => r.Method == "POST" && r.Path == "/repos/octo-org/hello-world/actions/runs/30433642/ping");

        // The old property name is gone.
        project.WriteFile("Program.cs", ProgramUsingHeadSha);
        var stale = await project.BuildAsync();
        Assert.False(stale.Succeeded);
        Assert.Contains("error CS1061", stale.Output);
        Assert.Contains("'HeadSha'", stale.Output);

        // Degrade: a dangling $ref is a warning at its line in actions.yaml, and the rest still builds.
        var dangling = Spec.Replace("#/components/schemas/job-step'", "#/components/schemas/job-stepp'", StringComparison.Ordinal);
        var expectedLine = Spec[..Spec.IndexOf("$ref: '#/components/schemas/job-step'", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        project.WriteFile("actions.yaml", dangling);
        var degraded = await project.BuildAsync();
        Assert.True(degraded.Succeeded, degraded.Output);
        var warning = Regex.Match(degraded.Output, @"actions\.yaml\((\d+),(\d+)\): warning ACTG004: ([^\r\n]*)");
        Assert.True(warning.Success, degraded.Output);
        Assert.Equal(expectedLine, int.Parse(warning.Groups[1].Value));
        Assert.Contains("job-stepp", warning.Groups[3].Value);

        // Break: text that is not YAML fails the build, reported in actions.yaml.
        project.WriteFile("actions.yaml", Spec.Replace("openapi: 3.0.3", "openapi: [3.0.3", StringComparison.Ordinal));
        var failed = await project.BuildAsync();
        Assert.False(failed.Succeeded);
        Assert.Matches(@"actions\.yaml\(\d+,\d+\): error ACTG001: ", failed.Output);
        Assert.DoesNotContain("CS8785", failed.Output);

        // Revert: green again.
        project.WriteFile("actions.yaml", Spec);
        ConsumerProject.Require(await project.BuildAsync(), "the build after reverting");
        run = await project.RunAsync(server.BaseAddress.ToString());
        Assert.True(run.Succeeded, run.Output);
    }

    [Fact]
    public async Task A_project_that_names_no_spec_gets_the_built_in_one_and_the_precompiled_runtime()
    {
        using var project = await ConsumerProject.CreateAsync(fixture.Feed, "BuiltIn");
        project.WriteFile("Program.cs", ProgramUsingHeadSha + """

            Console.WriteLine("runtime " + Path.GetRelativePath(AppContext.BaseDirectory, typeof(ActionsClientOptions).Assembly.Location).Replace('\\', '/'));
            """);
        await using var server = await ConsumerServer.StartAsync();

        var build = await project.BuildAsync();
        ConsumerProject.Require(build, "the build");
        Assert.DoesNotContain("warning", build.Output.Split('\n').Where(l => !l.Contains("0 Warning(s)", StringComparison.Ordinal)), StringComparer.Ordinal);
        var run = await project.RunAsync(server.BaseAddress.ToString());

        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("job 399444496 build completed", run.Output);

        // The host picks this platform's precompiled image of the runtime (packed for the main platforms only).
        var rid = PrecompiledPlatforms.ThisMachine;
        var folder = PrecompiledPlatforms.Machines.ContainsKey(rid) ? $"runtimes/{rid}/lib/net8.0/" : string.Empty;
        Assert.Contains("runtime " + folder + "ActionsGen.Runtime.dll", run.Output);
    }

    [Fact]
    public async Task Two_specs_give_two_clients_in_their_own_namespaces_and_share_the_project_settings()
    {
        using var project = await ConsumerProject.CreateAsync(fixture.Feed, "TwoSpecs");
        project.WriteFile("actions.yaml", Spec);
        project.WriteFile("enterprise.yaml", Spec);
        project.AddToProject("""
            <ItemGroup>
              <ActionsGenSpec Include="actions.yaml" />
              <ActionsGenSpec Include="enterprise.yaml" ClientName="EnterpriseClient" />
            </ItemGroup>
            """);
        project.WriteFile("Program.cs", "Console.WriteLine();");

        // Both in GitHub.Actions: the second spec gets ACTG010, never a generator crash.
        var clash = await project.BuildAsync();
        Assert.False(clash.Succeeded);
        Assert.Matches(@"enterprise\.yaml\(1,1\): error ACTG010: Another spec already generates into the namespace 'GitHub\.Actions'", clash.Output);
        Assert.DoesNotContain("CS8785", clash.Output);

        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace(
            """<ActionsGenSpec Include="enterprise.yaml" ClientName""", """<ActionsGenSpec Include="enterprise.yaml" Namespace="Enterprise.Actions" ClientName""", StringComparison.Ordinal));
        // The project-wide writer setting reaches every spec item: a response-only model (GitActor) can be written.
        project.AddToProject("<PropertyGroup><ActionsGenWriters>all</ActionsGenWriters></PropertyGroup>");
        project.WriteFile("Program.cs", """
            using ActionsGen.Runtime.Serialization;

            using var http = new HttpClient(ActionsGen.Runtime.ActionsClientOptions.CreateHttpHandler());
            var cloud = new GitHub.Actions.ActionsClient(http);
            var enterprise = new Enterprise.Actions.EnterpriseClient(http, ActionsGen.Runtime.ActionsClientOptions.ForEnterpriseServer("ghe.example.com"));
            Console.WriteLine(cloud.WorkflowRuns.GetType().Name + " " + enterprise.WorkflowJobs.GetType().Name + " " + enterprise.Connection.Options.BaseAddress);
            var actor = ActionsJson.Deserialize<GitHub.Actions.GitActor>("{\"name\":\"Mona\",\"email\":\"mona@github.com\"}"u8);
            var again = ActionsJson.Deserialize<Enterprise.Actions.GitActor>(ActionsJson.SerializeToUtf8Bytes(actor));
            Console.WriteLine("written " + System.Text.Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(again)));
            """);

        ConsumerProject.Require(await project.BuildAsync(), "the build");
        var run = await project.RunAsync();

        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("WorkflowRunsOperations WorkflowJobsOperations https://ghe.example.com/api/v3/", run.Output);
        Assert.Contains("""written {"name":"Mona","email":"mona@github.com"}""", run.Output);
    }

    internal static string Edited(string spec)
    {
        var job = spec.IndexOf("\n    job:\n", StringComparison.Ordinal);
        var end = spec.IndexOf("\n    job-step:\n", job, StringComparison.Ordinal);
        var jobSchema = spec[job..end]
            .Replace("\n        head_sha:\n", "\n        head_commit_sha:\n", StringComparison.Ordinal)
            .Replace("\n      - head_sha\n", "\n      - head_commit_sha\n", StringComparison.Ordinal);
        Assert.Contains("head_commit_sha:", jobSchema);
        Assert.Contains("- head_commit_sha", jobSchema);
        var edited = spec[..job] + jobSchema + spec[end..];
        return edited.Replace("paths:\n", NewOperation.Replace("\r\n", "\n") + "\n", StringComparison.Ordinal);
    }
}
