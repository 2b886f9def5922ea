using ActionsGen.Testing;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>Failures become typed exceptions that say what was wrong: status, GitHub's message, request id, rate limits, JSON position.</summary>
public class ErrorTests
{
    [Fact]
    public async Task Validation_failures_carry_GitHubs_errors_list()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""
            {"message":"Validation Failed","errors":[{"resource":"WorkflowRun","field":"state","code":"invalid"},"plain message"],"documentation_url":"https://docs.github.com/rest"}
            """, 422));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => f.Client.WorkflowRuns.ReRunWorkflowAsync("o", "r", 1));

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(new ApiError("WorkflowRun", "state", "invalid", null), error.Errors[0]);
        Assert.Equal("plain message", error.Errors[1].Message);
    }

    [Fact]
    public async Task A_used_up_primary_limit_is_a_rate_limit_error_with_its_reset_time()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(20);
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"message":"API rate limit exceeded for user ID 1."}""", 403)
            .WithHeader("x-ratelimit-limit", "5000").WithHeader("x-ratelimit-remaining", "0").WithHeader("x-ratelimit-used", "5000")
            .WithHeader("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString()).WithHeader("x-ratelimit-resource", "core"));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(reset.ToUnixTimeSeconds(), error.Reset!.Value.ToUnixTimeSeconds());
        Assert.Equal(0, error.RateLimit!.Remaining);
        Assert.Equal("core", error.RateLimit.Resource);
        Assert.Equal(error.RateLimit, f.Client.Connection.LastRateLimit);
    }

    [Fact]
    public async Task A_secondary_limit_carries_Retry_After()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"message":"You have exceeded a secondary rate limit."}""", 429).WithHeader("Retry-After", "60"));

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    [Fact]
    public async Task The_last_rate_limit_state_is_observable_after_a_success()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-workflow-run 200"))
            .WithHeader("x-ratelimit-limit", "5000").WithHeader("x-ratelimit-remaining", "4321").WithHeader("x-ratelimit-reset", "1798000000"));

        await f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1);

        var state = f.Client.Connection.LastRateLimit!;
        Assert.Equal(4321, state.Remaining);
        Assert.Equal(679, state.Used);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1798000000), state.Reset);
    }

    [Fact]
    public async Task An_html_page_with_status_200_is_an_invalid_response_naming_the_operation()
    {
        await using var f = await ClientFixture.StartAsync(_ => new Reply(200, "<!DOCTYPE html><html>Unicorn!</html>", "text/html"));

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("actions/get-job-for-workflow-run", error.Message);
        Assert.Contains("text/html", error.Message);
        Assert.Equal(0, error.BytePosition);
    }

    [Fact]
    public async Task A_wrong_shape_names_the_operation_and_the_byte_offset_when_strict()
    {
        const string Body = """{"total_count":"many","jobs":[]}""";
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(Body), o => o.StrictResponses = true);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("actions/list-jobs-for-workflow-run", error.Message);
        Assert.Equal(Body.IndexOf("\"many\"", StringComparison.Ordinal), error.BytePosition);
        Assert.Equal("$.total_count", error.JsonPath);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_missing_required_property_is_an_invalid_response_not_a_null_reference_when_strict()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"total_count":1}"""), o => o.StrictResponses = true);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("jobs", error.Message);
    }

    [Fact]
    public async Task A_truncated_body_is_an_invalid_response()
    {
        var json = SpecExamples.Get("actions/get-workflow-run 200");
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(json[..(json.Length / 2)]));

        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_fails_instead_of_filling_memory()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("[" + new string(' ', 300_000) + "]"), o => o.MaxResponseBytes = 100_000);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetPendingDeploymentsForRunAsync("o", "r", 1));

        Assert.Contains("MaxResponseBytes", error.Message);
    }

    [Fact]
    public async Task Error_messages_never_contain_the_token()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"message":"Bad credentials"}""", 401));

        var error = await Assert.ThrowsAsync<ApiException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Equal(401, (int)error.StatusCode);
        Assert.DoesNotContain(ClientFixture.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFixture.Token, error.Details.ToString(), StringComparison.Ordinal);
    }
}
