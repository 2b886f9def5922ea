using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Http;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>The token goes to the configured origin only and never into text; nothing the caller passes can reshape a request.</summary>
public class SecurityTests
{
    [Fact]
    public void The_token_is_not_in_the_text_of_options_or_connection()
    {
        var options = new ActionsClientOptions { Token = ClientFixture.Token, BaseAddress = new Uri("https://ghe.example.com/api/v3/") };
        using var http = new HttpClient();
        var connection = new ApiConnection(http, options);

        // The text is the types' own (it names the base address and says a token is set), and the token is not in it.
        Assert.Contains("https://ghe.example.com/api/v3/", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("token (redacted)", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://ghe.example.com/api/v3/", connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFixture.Token, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFixture.Token, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_returning_a_line_break_is_refused_before_anything_is_sent()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(204), o => o.TokenProvider = _ => new ValueTask<string?>("s3cr3t-value\r\nX-Injected: 1"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => f.Client.WorkflowRuns.DeleteWorkflowRunAsync("o", "r", 1));

        Assert.Empty(f.Server.Requests);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_reaches_another_origin_even_through_a_same_host_redirect_on_another_port()
    {
        await using var other = await LoopbackServer.StartAsync(_ => new Reply(200, "log", "text/plain"));
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", other.BaseAddress + "log"));

        await using var stream = await f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("o", "r", 1);

        // The API call carried the token (so there was one to leak); the same host on another port got none of it.
        Assert.Equal("Bearer " + ClientFixture.Token, f.Server.Single().Header("Authorization"));
        Assert.Equal(f.Server.BaseAddress.Host, other.BaseAddress.Host);
        Assert.Null(other.Single().Header("Authorization"));
        Assert.DoesNotContain(other.Single().Headers.Values, v => v.Contains(ClientFixture.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exceptions_for_every_failure_kind_never_carry_the_token()
    {
        foreach (var status in new[] { 401, 403, 404, 409, 422, 429, 500 })
        {
            await using var f = await ClientFixture.StartAsync(request => Reply.Json("{\"message\":\"echo " + request.Header("Authorization")?.Length + "\"}", status), o => o.Retry.MaxRetries = 0);

            var error = await Assert.ThrowsAnyAsync<ApiException>(() => f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 1));

            Assert.DoesNotContain(ClientFixture.Token, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ClientFixture.Token, error.Details.ToString(), StringComparison.Ordinal);
        }
    }
}
