using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Telemetry;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>One activity per operation call with OpenTelemetry's HTTP tags, and the meter's gauges and counters.</summary>
[Collection(Isolated.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly TelemetryCapture _telemetry = new();

    private static Reply Run() => Reply.Json(SpecExamples.Get("actions/get-workflow-run 200"))
        .WithHeader("x-github-request-id", "CAFE:1234:5678")
        .WithHeader("x-ratelimit-limit", "5000").WithHeader("x-ratelimit-remaining", "4321")
        .WithHeader("x-ratelimit-reset", "1900000000").WithHeader("x-ratelimit-resource", "core");

    [Fact]
    public async Task A_call_is_one_activity_named_by_operation_id_with_the_http_client_tags()
    {
        await using var f = await ClientFixture.StartAsync(_ => Run());

        await f.Client.WorkflowRuns.GetWorkflowRunAsync("octo-org", "hello-world", 30433642, excludePullRequests: true);

        var activity = Assert.Single(Mine(f));
        Assert.Equal("actions/get-workflow-run", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal("/repos/{owner}/{repo}/actions/runs/{run_id}", activity.GetTagItem("url.template"));
        Assert.Equal("CAFE:1234:5678", activity.GetTagItem("github.request_id"));
        Assert.Equal(4321L, activity.GetTagItem("github.rate_limit.remaining"));
        Assert.Null(activity.GetTagItem("error.type"));
        AssertNoSecrets(activity);
    }

    [Fact]
    public async Task Retries_count_as_resends_and_on_the_retry_counter()
    {
        var calls = 0;
        await using var f = await ClientFixture.StartAsync(_ => Interlocked.Increment(ref calls) <= 2 ? Reply.NoBody(503) : Run());

        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        var activity = Assert.Single(Mine(f));
        Assert.Equal(2, activity.GetTagItem("http.request.resend_count"));
        var retries = _telemetry.Measurements.Where(m => m.Instrument == ActionsTelemetry.Retries && (string?)m.Tags["github.operation_id"] == "actions/get-workflow-run").ToArray();
        Assert.Equal(2, retries.Sum(m => m.Value));
        Assert.All(retries, m => Assert.Equal("503", m.Tags["error.type"]));
    }

    [Fact]
    public async Task A_failure_sets_error_type_to_the_status_or_the_exception()
    {
        await using var f = await ClientFixture.StartAsync(request => request.Path.EndsWith("/1") ? Reply.Json("""{"message":"Not Found"}""", 404) : Reply.Json("<html/>"));

        await Assert.ThrowsAsync<NotFoundException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));
        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 2));

        var activities = Mine(f);
        Assert.Equal(new object?[] { "404", typeof(InvalidResponseException).FullName }, activities.Select(a => a.GetTagItem("error.type")));
        Assert.All(activities, a => Assert.Equal(ActivityStatusCode.Error, a.Status));
    }

    [Fact]
    public async Task A_page_walk_is_one_activity_per_page_without_query_strings_or_tokens()
    {
        LoopbackServer? server = null;
        await using var f = await ClientFixture.StartAsync(request => request.Query.Contains("page=2")
            ? Reply.Json("""{"total_count":0,"workflow_runs":[]}""")
            : Reply.Json("""{"total_count":0,"workflow_runs":[]}""").WithHeader("Link", $"<{server!.BaseAddress}repos/o/r/actions/runs?branch=secret-branch&page=2>; rel=\"next\""));
        server = f.Server;

        await foreach (var _ in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r", branch: "secret-branch"))
        {
        }

        var activities = Mine(f);
        Assert.Equal(2, activities.Length);
        Assert.All(activities, a => Assert.Equal("actions/list-workflow-runs-for-repo", a.DisplayName));
        Assert.All(activities, a => Assert.Equal("/repos/{owner}/{repo}/actions/runs", a.GetTagItem("url.template")));
        Assert.All(activities, AssertNoSecrets);
        Assert.All(activities, a => Assert.DoesNotContain(a.TagObjects, t => t.Value?.ToString()?.Contains("secret-branch") == true));
    }

    [Fact]
    public async Task The_rate_limit_gauges_report_the_last_response_and_waits_are_counted()
    {
        var calls = 0;
        await using var f = await ClientFixture.StartAsync(
            _ => Interlocked.Increment(ref calls) == 1 ? Reply.Json("""{"message":"You have exceeded a secondary rate limit."}""", 403).WithHeader("Retry-After", "1") : Run(),
            o => o.MaxRateLimitWait = TimeSpan.FromSeconds(10));

        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);
        _telemetry.RecordObservableInstruments();

        var remaining = _telemetry.Measurements.Last(m => m.Instrument == ActionsTelemetry.RateLimitRemaining && (string?)m.Tags["github.rate_limit.resource"] == "core");
        var limit = _telemetry.Measurements.Last(m => m.Instrument == ActionsTelemetry.RateLimitLimit && (string?)m.Tags["github.rate_limit.resource"] == "core");
        Assert.Equal(4321, remaining.Value);
        Assert.Equal(5000, limit.Value);
        Assert.Contains(_telemetry.Measurements, m => m.Instrument == ActionsTelemetry.RateLimitWaits && (string?)m.Tags["github.operation_id"] == "actions/get-workflow-run");
        Assert.Equal(1, Assert.Single(Mine(f)).GetTagItem("http.request.resend_count"));
    }

    private Activity[] Mine(ClientFixture f) => _telemetry.Of(f.Server);

    private static void AssertNoSecrets(Activity activity)
    {
        foreach (var (key, value) in activity.TagObjects)
        {
            var text = value?.ToString() ?? string.Empty;
            Assert.DoesNotContain(ClientFixture.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _telemetry.Dispose();
}
