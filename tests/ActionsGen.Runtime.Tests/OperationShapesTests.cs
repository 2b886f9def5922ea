using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>What generated code can ask of the runtime beyond the checked-in spec: header parameters, nullable bodies, redirects the spec does not describe.</summary>
public class OperationShapesTests
{
    private static ApiRequest GetJob(long id = 1) => new ApiRequest(HttpMethod.Get, "actions/get-job-for-workflow-run")
        .Literal("/repos/").Segment("owner", "o").Literal("/").Segment("repo", "r").Literal("/actions/jobs/").Segment("job_id", id);

    [Fact]
    public async Task Header_parameters_are_sent_and_an_unset_one_is_left_out()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200")));

        await f.Client.Connection.SendAsync<Job>(GetJob().Header("X-Custom-Trace", "abc 123").Header("X-Unset", null).Header("Accept", "application/vnd.github.raw+json"), default);

        var request = f.Server.Single();
        Assert.Equal("abc 123", request.Header("X-Custom-Trace"));
        Assert.Null(request.Header("X-Unset"));
        Assert.Equal("application/vnd.github.raw+json", request.Header("Accept"));
        Assert.Equal("Bearer " + ClientFixture.Token, request.Header("Authorization"));
    }

    [Theory]
    [InlineData("X-Ok", "a\r\nX-Injected: 1")]
    [InlineData("X-Ok", "a\nb")]
    [InlineData("X-Ok", "a\0b")]
    [InlineData("X-Bad\r\nX-Injected", "v")]
    [InlineData("X Bad", "v")]
    [InlineData("", "v")]
    [InlineData("Authorization", "Bearer other")]
    [InlineData("Host", "evil.example")]
    public void Header_names_and_values_that_could_reshape_the_request_are_refused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => GetJob().Header(name, value));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("  null \n")]
    public async Task A_nullable_body_of_json_null_reads_as_null(string body)
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(body));

        Assert.Null(await f.Client.Connection.SendForNullableAsync<Job>(GetJob(), default));
    }

    [Fact]
    public async Task A_nullable_body_with_a_value_reads_as_the_model_and_anything_else_is_invalid()
    {
        await using var f = await ClientFixture.StartAsync(request => request.Path.EndsWith("/1")
            ? Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200"))
            : Reply.Json(request.Path.EndsWith("/2") ? string.Empty : "nullx"));

        var job = await f.Client.Connection.SendForNullableAsync<Job>(GetJob(1), default);
        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.Connection.SendForNullableAsync<Job>(GetJob(2), default));
        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.Connection.SendForNullableAsync<Job>(GetJob(3), default));

        Assert.Equal(399444496, job!.Id);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_with_a_Location_is_success_whatever_the_spec_declares(int status)
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, "log", "text/plain"));
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(status).WithHeader("Location", storage.BaseAddress + "log"));

        var url = await f.Client.Connection.SendForRedirectAsync(GetJob(), default);
        await using var stream = await f.Client.Connection.DownloadAsync(GetJob(), default);

        Assert.Equal(new Uri(storage.BaseAddress, "log"), url);
        Assert.Equal("log", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task A_redirect_without_a_Location_is_an_invalid_response_naming_the_operation()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302));

        var url = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync("o", "r", 1));
        var download = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("o", "r", 1));

        Assert.Equal("actions/download-job-logs-for-workflow-run", url.OperationId);
        Assert.Contains("Location", url.Message);
        Assert.Equal("actions/download-job-logs-for-workflow-run", download.OperationId);
    }

    [Fact]
    public void The_url_template_keeps_the_specs_parameter_names()
    {
        Assert.Equal("/repos/{owner}/{repo}/actions/jobs/{job_id}", GetJob().PathTemplate);
        Assert.Equal("repos/o/r/actions/jobs/1", GetJob().RelativeUri);
    }
}
