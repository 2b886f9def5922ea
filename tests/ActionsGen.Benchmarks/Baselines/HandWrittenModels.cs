// Hand-written equivalents of the generated models, as a user of System.Text.Json source generation or
// Newtonsoft.Json would write them: the baseline the benchmarks compare against. Enums are plain strings.
#nullable disable
using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionsGen.Benchmarks.Baselines;

public sealed class WorkflowRunList
{
    public long TotalCount { get; set; }
    public List<WorkflowRun> WorkflowRuns { get; set; }
}

public sealed class WorkflowRun
{
    public long Id { get; set; }
    public string Name { get; set; }
    public string NodeId { get; set; }
    public long? CheckSuiteId { get; set; }
    public string CheckSuiteNodeId { get; set; }
    public string HeadBranch { get; set; }
    public string HeadSha { get; set; }
    public string Path { get; set; }
    public long RunNumber { get; set; }
    public string Event { get; set; }
    public string DisplayTitle { get; set; }
    public string Status { get; set; }
    public string Conclusion { get; set; }
    public long WorkflowId { get; set; }
    public string Url { get; set; }
    public string HtmlUrl { get; set; }
    public List<PullRequestMinimal> PullRequests { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public SimpleUser Actor { get; set; }
    public long? RunAttempt { get; set; }
    public DateTimeOffset? RunStartedAt { get; set; }
    public SimpleUser TriggeringActor { get; set; }
    public string JobsUrl { get; set; }
    public string LogsUrl { get; set; }
    public string CheckSuiteUrl { get; set; }
    public string ArtifactsUrl { get; set; }
    public string CancelUrl { get; set; }
    public string RerunUrl { get; set; }
    public string WorkflowUrl { get; set; }
    public SimpleCommit HeadCommit { get; set; }
    public MinimalRepository Repository { get; set; }
    public MinimalRepository HeadRepository { get; set; }
    public List<ReferencedWorkflow> ReferencedWorkflows { get; set; }
    public string PreviousAttemptUrl { get; set; }
}

public sealed class SimpleUser
{
    public string Login { get; set; }
    public long Id { get; set; }
    public string NodeId { get; set; }
    public string AvatarUrl { get; set; }
    public string GravatarId { get; set; }
    public string Url { get; set; }
    public string HtmlUrl { get; set; }
    public string FollowersUrl { get; set; }
    public string FollowingUrl { get; set; }
    public string GistsUrl { get; set; }
    public string StarredUrl { get; set; }
    public string SubscriptionsUrl { get; set; }
    public string OrganizationsUrl { get; set; }
    public string ReposUrl { get; set; }
    public string EventsUrl { get; set; }
    public string ReceivedEventsUrl { get; set; }
    public string Type { get; set; }
    public bool SiteAdmin { get; set; }
}

public sealed class SimpleCommit
{
    public string Id { get; set; }
    public string TreeId { get; set; }
    public string Message { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public GitActor Author { get; set; }
    public GitActor Committer { get; set; }
}

public sealed class GitActor
{
    public string Name { get; set; }
    public string Email { get; set; }
}

public sealed class MinimalRepository
{
    public long Id { get; set; }
    public string NodeId { get; set; }
    public string Name { get; set; }
    public string FullName { get; set; }
    public SimpleUser Owner { get; set; }
    public bool Private { get; set; }
    public string HtmlUrl { get; set; }
    public string Description { get; set; }
    public bool Fork { get; set; }
    public string Url { get; set; }
    public string ArchiveUrl { get; set; }
    public string AssigneesUrl { get; set; }
    public string BlobsUrl { get; set; }
    public string BranchesUrl { get; set; }
    public string CollaboratorsUrl { get; set; }
    public string CommentsUrl { get; set; }
    public string CommitsUrl { get; set; }
    public string CompareUrl { get; set; }
    public string ContentsUrl { get; set; }
    public string ContributorsUrl { get; set; }
    public string DeploymentsUrl { get; set; }
    public string DownloadsUrl { get; set; }
    public string EventsUrl { get; set; }
    public string ForksUrl { get; set; }
    public string GitCommitsUrl { get; set; }
    public string GitRefsUrl { get; set; }
    public string GitTagsUrl { get; set; }
    public string GitUrl { get; set; }
    public string IssueCommentUrl { get; set; }
    public string IssueEventsUrl { get; set; }
    public string IssuesUrl { get; set; }
    public string KeysUrl { get; set; }
    public string LabelsUrl { get; set; }
    public string LanguagesUrl { get; set; }
    public string MergesUrl { get; set; }
    public string MilestonesUrl { get; set; }
    public string NotificationsUrl { get; set; }
    public string PullsUrl { get; set; }
    public string ReleasesUrl { get; set; }
    public string SshUrl { get; set; }
    public string StargazersUrl { get; set; }
    public string StatusesUrl { get; set; }
    public string SubscribersUrl { get; set; }
    public string SubscriptionUrl { get; set; }
    public string TagsUrl { get; set; }
    public string TeamsUrl { get; set; }
    public string TreesUrl { get; set; }
    public string HooksUrl { get; set; }
}

public sealed class ReferencedWorkflow
{
    public string Path { get; set; }
    public string Sha { get; set; }
    public string Ref { get; set; }
}

public sealed class PullRequestMinimal
{
    public long Id { get; set; }
    public long Number { get; set; }
    public string Url { get; set; }
    public PullRequestRef Head { get; set; }
    public PullRequestRef Base { get; set; }
}

public sealed class PullRequestRef
{
    public string Ref { get; set; }
    public string Sha { get; set; }
    public PullRequestRepo Repo { get; set; }
}

public sealed class PullRequestRepo
{
    public long Id { get; set; }
    public string Url { get; set; }
    public string Name { get; set; }
}

public sealed class JobList
{
    public long TotalCount { get; set; }
    public List<Job> Jobs { get; set; }
}

public sealed class Job
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string RunUrl { get; set; }
    public string NodeId { get; set; }
    public string HeadSha { get; set; }
    public string Url { get; set; }
    public string HtmlUrl { get; set; }
    public string Status { get; set; }
    public string Conclusion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string Name { get; set; }
    public List<JobStep> Steps { get; set; }
    public string CheckRunUrl { get; set; }
    public List<string> Labels { get; set; }
    public long? RunnerId { get; set; }
    public string RunnerName { get; set; }
    public long? RunnerGroupId { get; set; }
    public string RunnerGroupName { get; set; }
    public string WorkflowName { get; set; }
    public string HeadBranch { get; set; }
    public long? RunAttempt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class JobStep
{
    public string Name { get; set; }
    public string Status { get; set; }
    public string Conclusion { get; set; }
    public long Number { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
