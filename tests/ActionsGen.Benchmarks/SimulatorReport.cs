using System.Diagnostics;
using ActionsGen.Runtime;
using GitHub.Actions;

namespace ActionsGen.Benchmarks;

/// <summary>
/// `simulator`: the generated client against the generated ActionsSimulator, in process (issue 17 asks for 20,000
/// calls under 10 s). 20,000 calls one at a time and with one caller per core, for a GET with path parameters, a
/// GET with every query parameter checked, and a POST whose body is checked against its schema; the baseline is the
/// same GET over loopback HTTP to a Kestrel server in a child process. Wall time and this process's CPU time.
/// </summary>
internal static class SimulatorReport
{
    private const int Calls = 20_000;
    private const int BaselineCalls = 2_000;

    public static async Task<int> RunAsync()
    {
        var simulator = new ActionsSimulator();
        var client = new ActionsClient(new HttpClient(simulator));
        var body = new ReviewPendingDeploymentsRequest { EnvironmentIds = [161171787], State = DeploymentReviewState.Approved, Comment = "Ship it!" };
        var cases = new (string Name, Func<int, Task> Call)[]
        {
            ("GET a job (path parameters)", i => client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "octo-repo", i + 1)),
            ("GET runs with 10 query parameters", i => client.WorkflowRuns.ListWorkflowRunsForRepoAsync("octo-org", "octo-repo", actor: "octocat", branch: "main", @event: "push", status: WorkflowRunStatusFilter.Completed, perPage: 50, page: 2, created: ">2024-01-01", excludePullRequests: true, checkSuiteId: 42, headSha: "abc")),
            ("POST a review (body checked)", i => client.WorkflowRuns.ReviewPendingDeploymentsForRunAsync("octo-org", "octo-repo", i + 1, body)),
        };

        // Past tiered compilation's promotions (tier 0, instrumented, tier 1): a few thousand calls of each.
        foreach (var (_, call) in cases)
        {
            await MeasureAsync(5_000, 1, call);
        }

        simulator.ClearRequests();
        Console.WriteLine($"{Calls:N0} calls in process through ActionsSimulator ({Environment.ProcessorCount} cores):");
        Console.WriteLine();
        Console.WriteLine("| calls | callers | wall time | calls/s | CPU µs per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        double? getPerCall = null;
        foreach (var (name, call) in cases)
        {
            foreach (var callers in new[] { 1, Environment.ProcessorCount })
            {
                var (wall, cpu) = await MeasureAsync(Calls, callers, call);
                simulator.ClearRequests();
                getPerCall ??= wall.TotalMilliseconds / Calls;
                Console.WriteLine(FormattableString.Invariant($"| {Calls:N0} × {name} | {callers} | {wall.TotalSeconds:F2} s | {Calls / wall.TotalSeconds:F0} | {cpu.TotalMilliseconds * 1000 / Calls:F1} |"));
            }
        }

        var (server, root) = PagesServer.Start();
        try
        {
            using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
            var loopback = new ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(root, "api/v3/") });
            Func<int, Task> get = i => loopback.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "octo-repo", i + 1);
            await MeasureAsync(1_000, 1, get);

            var (wall, cpu) = await MeasureAsync(BaselineCalls, 1, get);
            Console.WriteLine(FormattableString.Invariant($"| baseline: {BaselineCalls:N0} × the same GET over loopback HTTP (Kestrel in a child process) | 1 | {wall.TotalSeconds:F2} s | {BaselineCalls / wall.TotalSeconds:F0} | {cpu.TotalMilliseconds * 1000 / BaselineCalls:F1} (client side only) |"));
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"A simulated GET takes {getPerCall!.Value / (wall.TotalMilliseconds / BaselineCalls):F2} of the wall time of the same GET over loopback HTTP."));
        }
        finally
        {
            PagesServer.Stop(server);
        }

        return 0;
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(int calls, int callers, Func<int, Task> call)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, _) => await call(i));
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }
}
