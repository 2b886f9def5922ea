using ActionsGen.Testing;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Actions;

namespace ActionsGen.Runtime.Tests;

/// <summary>Base address (GitHub.com and Enterprise Server), tokens, headers, path escaping and cancellation.</summary>
public class OptionsTests
{
    [Fact]
    public void Defaults_point_at_GitHub_com_with_the_api_version()
    {
        var options = new ActionsClientOptions();

        Assert.Equal(new Uri("https://api.github.com/"), options.BaseAddress);
        Assert.Equal("2022-11-28", options.ApiVersion);
        Assert.StartsWith("ActionsGen/", options.UserAgent);
    }

    [Theory]
    [InlineData("github.example.com", "https://github.example.com/api/v3/")]
    [InlineData("ghe.internal:8443", "https://ghe.internal:8443/api/v3/")]
    public void Enterprise_Server_uses_the_api_v3_root(string host, string expected) =>
        Assert.Equal(new Uri(expected), ActionsClientOptions.ForEnterpriseServer(host).BaseAddress);

    [Theory]
    [InlineData("https://github.example.com")]
    [InlineData("github.example.com/api")]
    public void Enterprise_Server_wants_a_host_name_only(string host) =>
        Assert.Throws<ArgumentException>(() => ActionsClientOptions.ForEnterpriseServer(host));

    [Fact]
    public async Task Enterprise_Server_requests_go_under_api_v3()
    {
        await using var server = await LoopbackServer.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200")));
        using var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        // The loopback server stands in for https://HOST/api/v3 (the base path is the point, not the scheme).
        var client = new ActionsClient(http, new ActionsClientOptions { BaseAddress = new Uri(server.BaseAddress, "api/v3"), Token = ClientFixture.Token });

        await client.WorkflowJobs.GetJobForWorkflowRunAsync("octo-org", "hello-world", 399444496);

        Expect.Request(server.Single(), "GET", "/api/v3/repos/octo-org/hello-world/actions/jobs/399444496");
    }

    [Fact]
    public void Plain_http_is_refused_unless_the_address_is_loopback()
    {
        Assert.Throws<ArgumentException>(() => new ActionsClientOptions { BaseAddress = new Uri("http://api.github.com/") });
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), new ActionsClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000") }.BaseAddress);
    }

    [Fact]
    public async Task The_token_provider_is_asked_before_every_request()
    {
        var issued = 0;
        await using var f = await ClientFixture.StartAsync(
            _ => Reply.NoBody(204),
            o => o.TokenProvider = _ => new ValueTask<string?>("installation-token-" + Interlocked.Increment(ref issued)));

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1);
        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 2);

        Assert.Equal(new[] { "Bearer installation-token-1", "Bearer installation-token-2" }, f.Server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Without_a_token_no_Authorization_header_is_sent()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204), o => o.Token = null);

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1);

        Assert.Null(f.Server.Single().Header("Authorization"));
    }

    [Fact]
    public async Task A_custom_user_agent_is_sent()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204), o => o.UserAgent = "my-app/2.1");

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1);

        Assert.Equal("my-app/2.1", f.Server.Single().Header("User-Agent"));
    }

    [Theory]
    [InlineData("tok\r\nX-Evil: 1")]
    [InlineData("tok\n")]
    public void Header_values_with_line_breaks_are_refused(string token)
    {
        Assert.Throws<ArgumentException>(() => new ActionsClientOptions { Token = token });
        Assert.Throws<ArgumentException>(() => new ActionsClientOptions { UserAgent = token });
    }

    [Fact]
    public async Task Path_parameters_are_one_escaped_segment_each()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));

        await f.Client.WorkflowRuns.DeleteWorkflowRunAsync("../../orgs", "a/b?c#d", 1);
        await f.Client.WorkflowRuns.ListWorkflowRunsAsync("o", "r", "dir/main.yml").ContinueWith(_ => { });

        var requests = f.Server.Requests.ToArray();
        Assert.Equal("/repos/..%2F..%2Forgs/a%2Fb%3Fc%23d/actions/runs/1", requests[0].RawTarget);
        Assert.Equal("/repos/o/r/actions/workflows/dir%2Fmain.yml/runs", requests[1].RawTarget);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task Dot_segments_and_empty_path_parameters_are_refused(string owner)
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));

        await Assert.ThrowsAsync<ArgumentException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunAsync(owner, "r", 1));
        Assert.Empty(f.Server.Requests);
    }

    [Fact]
    public async Task A_null_path_parameter_is_refused_by_its_spec_name_before_anything_is_sent()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204));

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunAsync(null!, "r", 1));

        Assert.Equal("owner", error.ParamName);
        Assert.Empty(f.Server.Requests);
    }

    [Fact]
    public void A_path_template_and_its_values_must_agree()
    {
        var request = new ActionsGen.Runtime.Http.ApiRequest("PATCH", "x/y", "/a/{b}/c/{d}", "b b", 7L);
        Assert.Equal(("PATCH", "a/b%20b/c/7", "/a/{b}/c/{d}"), (request.Method.Method, request.RelativeUri, request.PathTemplate));

        Assert.Throws<ArgumentException>(() => new ActionsGen.Runtime.Http.ApiRequest("GET", "x/y", "/a/{b}/{c}", "b"));
        Assert.Throws<ArgumentException>(() => new ActionsGen.Runtime.Http.ApiRequest("GET", "x/y", "/a/{b}", "b", "c"));
    }

    [Fact]
    public async Task Cancellation_stops_a_request_in_flight()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204) with { Delay = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1, cancellation.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "cancellation should not wait for the server");
    }

    [Fact]
    public async Task Cancellation_stops_a_page_walk()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200")) with { Delay = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in f.Client.WorkflowRuns.ListAllWorkflowRunsForRepoAsync("o", "r").WithCancellation(cancellation.Token))
            {
            }
        });
    }
}
