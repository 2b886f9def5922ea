using GitHub.Actions;

namespace ActionsGen.Sample;

/// <summary>The sample's job: recent runs, their jobs with step timings, and one job's log.</summary>
internal static class RecentRuns
{
    public static async Task PrintAsync(ActionsClient client, SampleArguments arguments, TextWriter output, CancellationToken cancellationToken = default)
    {
        var page = await client.WorkflowRuns.ListWorkflowRunsForRepoAsync(arguments.Owner, arguments.Repo, perPage: arguments.Runs, cancellationToken: cancellationToken);
        output.WriteLine($"{page.TotalCount} runs in all; the latest {page.WorkflowRuns.Count}:");
        long? firstJob = null;
        foreach (var run in page.WorkflowRuns)
        {
            output.WriteLine();
            output.WriteLine($"#{run.RunNumber} {run.Name} [{run.Event}] {run.Status}{(run.Conclusion is { } c ? "/" + c : string.Empty)} on {run.HeadBranch} {Short(run.HeadSha)} by {run.Actor?.Login} ({run.CreatedAt:u})");
            await foreach (var job in client.WorkflowJobs.ListAllJobsForWorkflowRunAsync(arguments.Owner, arguments.Repo, run.Id, perPage: 100, cancellationToken: cancellationToken))
            {
                firstJob ??= job.Id;
                output.WriteLine($"  job {job.Id} {job.Name}: {job.Status}{(job.Conclusion is { } jc ? "/" + jc : string.Empty)} {Duration(job.StartedAt, job.CompletedAt)}");
                foreach (var step in job.Steps ?? Array.Empty<JobStep>())
                {
                    output.WriteLine($"    {step.Number,2}. {step.Name}: {step.Conclusion?.ToString() ?? step.Status.ToString()} {Duration(step.StartedAt, step.CompletedAt)}");
                }
            }
        }

        if ((arguments.LogJobId ?? firstJob) is { } jobId)
        {
            output.WriteLine();
            var url = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync(arguments.Owner, arguments.Repo, jobId, cancellationToken);
            output.WriteLine($"Log of job {jobId} (signed URL on {url.Host}):");
            await using var log = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync(arguments.Owner, arguments.Repo, jobId, cancellationToken);
            using var reader = new StreamReader(log);
            for (var i = 0; i < 10 && await reader.ReadLineAsync(cancellationToken) is { } line; i++)
            {
                output.WriteLine("  | " + line);
            }
        }
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string Duration(DateTimeOffset? started, DateTimeOffset? completed) =>
        started is { } s && completed is { } c ? $"({(c - s).TotalSeconds:0}s)" : "(running)";
}
