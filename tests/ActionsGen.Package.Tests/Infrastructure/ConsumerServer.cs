namespace ActionsGen.Package.Tests.Infrastructure;

/// <summary>What the consumer programs call: the job example (optionally with a renamed property) and a ping.</summary>
internal static class ConsumerServer
{
    public static Task<LoopbackServer> StartAsync(Func<string, string>? rewriteJob = null) => LoopbackServer.StartAsync(request =>
    {
        var path = request.Path;
        if (path.EndsWith("/actions/jobs/399444496", StringComparison.Ordinal))
        {
            var job = SpecExamples.Get("actions/get-job-for-workflow-run 200");
            return Reply.Json(rewriteJob is null ? job : rewriteJob(job));
        }

        if (path.EndsWith("/actions/runs", StringComparison.Ordinal))
        {
            return Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"));
        }

        return path.EndsWith("/ping", StringComparison.Ordinal) ? Reply.NoBody(204) : Reply.NoBody(404);
    });
}
