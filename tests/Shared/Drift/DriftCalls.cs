using GitHub.Actions;

namespace ActionsGen.Testing.Drift;

/// <summary>
/// One call of every operation of the built-in client (<see cref="ActionsClient"/>, generated from spec/actions.yaml)
/// with arguments the description accepts. Redirecting operations are called through their <c>…UrlAsync</c> form:
/// the check reads where a log is, it never follows a link a mock server made up.
/// </summary>
public static class DriftCalls
{
    private const string Owner = "octo-org";
    private const string Repo = "hello-world";
    private const long RunId = 30433642;
    private const long JobId = 399444496;

    public static readonly IReadOnlyList<(string OperationId, Func<ActionsClient, CancellationToken, Task> Call)> All =
    [
        ("actions/get-job-for-workflow-run", (c, t) => c.WorkflowJobs.GetJobForWorkflowRunAsync(Owner, Repo, JobId, t)),
        ("actions/download-job-logs-for-workflow-run", (c, t) => c.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync(Owner, Repo, JobId, t)),
        ("actions/re-run-job-for-workflow-run", (c, t) => c.WorkflowRuns.ReRunJobForWorkflowRunAsync(Owner, Repo, JobId, new RerunRequest { EnableDebugLogging = true }, t)),
        ("actions/list-workflow-runs-for-repo", (c, t) => c.WorkflowRuns.ListWorkflowRunsForRepoAsync(Owner, Repo, status: WorkflowRunStatusFilter.Completed, perPage: 30, page: 1, cancellationToken: t)),
        ("actions/get-workflow-run", (c, t) => c.WorkflowRuns.GetWorkflowRunAsync(Owner, Repo, RunId, cancellationToken: t)),
        ("actions/delete-workflow-run", (c, t) => c.WorkflowRuns.DeleteWorkflowRunAsync(Owner, Repo, RunId, t)),
        ("actions/get-reviews-for-run", (c, t) => c.WorkflowRuns.GetReviewsForRunAsync(Owner, Repo, RunId, t)),
        ("actions/approve-workflow-run", (c, t) => c.WorkflowRuns.ApproveWorkflowRunAsync(Owner, Repo, RunId, t)),
        ("actions/get-workflow-run-attempt", (c, t) => c.WorkflowRuns.GetWorkflowRunAttemptAsync(Owner, Repo, RunId, 1, cancellationToken: t)),
        ("actions/list-jobs-for-workflow-run-attempt", (c, t) => c.WorkflowJobs.ListJobsForWorkflowRunAttemptAsync(Owner, Repo, RunId, 1, perPage: 30, page: 1, cancellationToken: t)),
        ("actions/download-workflow-run-attempt-logs", (c, t) => c.WorkflowRuns.DownloadWorkflowRunAttemptLogsUrlAsync(Owner, Repo, RunId, 1, t)),
        ("actions/cancel-workflow-run", (c, t) => c.WorkflowRuns.CancelWorkflowRunAsync(Owner, Repo, RunId, t)),
        ("actions/review-custom-gates-for-run", (c, t) => c.WorkflowRuns.ReviewCustomGatesForRunAsync(Owner, Repo, RunId,
            new ReviewCustomGatesRequest { EnvironmentName = "prod-eus", State = DeploymentReviewState.Approved, Comment = "All health checks passed." }, t)),
        ("actions/force-cancel-workflow-run", (c, t) => c.WorkflowRuns.ForceCancelWorkflowRunAsync(Owner, Repo, RunId, t)),
        ("actions/list-jobs-for-workflow-run", (c, t) => c.WorkflowJobs.ListJobsForWorkflowRunAsync(Owner, Repo, RunId, JobFilter.Latest, perPage: 30, page: 1, cancellationToken: t)),
        ("actions/download-workflow-run-logs", (c, t) => c.WorkflowRuns.DownloadWorkflowRunLogsUrlAsync(Owner, Repo, RunId, t)),
        ("actions/delete-workflow-run-logs", (c, t) => c.WorkflowRuns.DeleteWorkflowRunLogsAsync(Owner, Repo, RunId, t)),
        ("actions/get-pending-deployments-for-run", (c, t) => c.WorkflowRuns.GetPendingDeploymentsForRunAsync(Owner, Repo, RunId, t)),
        ("actions/review-pending-deployments-for-run", (c, t) => c.WorkflowRuns.ReviewPendingDeploymentsForRunAsync(Owner, Repo, RunId,
            new ReviewPendingDeploymentsRequest { EnvironmentIds = [161171787], State = DeploymentReviewState.Approved, Comment = "Ship it!" }, t)),
        ("actions/re-run-workflow", (c, t) => c.WorkflowRuns.ReRunWorkflowAsync(Owner, Repo, RunId, new RerunRequest { EnableDebugLogging = false }, t)),
        ("actions/re-run-workflow-failed-jobs", (c, t) => c.WorkflowRuns.ReRunWorkflowFailedJobsAsync(Owner, Repo, RunId, new RerunRequest { EnableDebugLogging = false }, t)),
        ("actions/get-workflow-run-usage", (c, t) => c.WorkflowRuns.GetWorkflowRunUsageAsync(Owner, Repo, RunId, t)),
        ("actions/list-workflow-runs", (c, t) => c.WorkflowRuns.ListWorkflowRunsAsync(Owner, Repo, "main.yml", perPage: 30, page: 1, cancellationToken: t)),
    ];
}
