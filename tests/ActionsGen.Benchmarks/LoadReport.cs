using System.Diagnostics;
using ActionsGen.Runtime;

namespace ActionsGen.Benchmarks;

/// <summary>
/// `load-report`: one generated client under load against the pages server in a child process. A burst of 1,000
/// concurrent calls (5 rounds), then a soak of repeated 20-page walks with the managed heap measured along the way.
/// </summary>
internal static class LoadReport
{
    public static async Task<int> RunAsync()
    {
        var (server, root) = PagesServer.Start();
        try
        {
            using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
            var client = new GitHub.Actions.ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(root, "api/v3/"), Token = "load" });
            await Task.WhenAll(Enumerable.Range(1, 100).Select(id => client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "octo-repo", id)));

            Console.WriteLine("| burst | wall time | calls/s |");
            Console.WriteLine("|---|---:|---:|");
            for (var round = 1; round <= 5; round++)
            {
                var watch = Stopwatch.StartNew();
                var jobs = await Task.WhenAll(Enumerable.Range(1, 1000).Select(id => client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "octo-repo", id)));
                watch.Stop();
                if (jobs.Length != 1000)
                {
                    throw new InvalidOperationException("calls were lost");
                }

                Console.WriteLine(FormattableString.Invariant($"| 1,000 concurrent GETs, round {round} | {watch.Elapsed.TotalMilliseconds:F0} ms | {1000 / watch.Elapsed.TotalSeconds:F0} |"));
            }

            Console.WriteLine();
            Console.WriteLine("| soak: 20-page walks (2,000 runs each) | managed heap after full GC | process working set |");
            Console.WriteLine("|---|---:|---:|");
            var walks = 0;
            foreach (var checkpoint in new[] { 10, 50, 100, 200 })
            {
                while (walks < checkpoint)
                {
                    var runs = 0;
                    await foreach (var _ in client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("octo-org", "octo-repo", perPage: PagesServer.PerPage))
                    {
                        runs++;
                    }

                    if (runs != PagesServer.PageCount * PagesServer.PerPage)
                    {
                        throw new InvalidOperationException("a walk lost runs");
                    }

                    walks++;
                }

                var heap = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine(FormattableString.Invariant($"| after {walks} walks | {heap / 1024.0 / 1024.0:F1} MB | {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:F0} MB |"));
            }

            return 0;
        }
        finally
        {
            PagesServer.Stop(server);
        }
    }
}
