using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The three 302 log endpoints: the API call returns the signed URL without following it; the download follows it
/// with a fresh request to the storage host (a second loopback server) that never sees the token.
/// </summary>
public class LogDownloadTests
{
    private static readonly byte[] Zip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4 };

    public static TheoryData<string, string> Endpoints => new()
    {
        { "job", "/repos/octo-org/hello-world/actions/jobs/399444496/logs" },
        { "run", "/repos/octo-org/hello-world/actions/runs/30433642/logs" },
        { "attempt", "/repos/octo-org/hello-world/actions/runs/30433642/attempts/2/logs" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_url_method_returns_the_Location_without_following_it(string endpoint, string path)
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, "log"));
        var signed = new Uri(storage.BaseAddress, "logs/blob?sig=abc%2Bdef&se=2026-11-26");
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", signed.AbsoluteUri));

        var url = await UrlAsync(f, endpoint);

        Assert.Equal(signed, url);
        Expect.Request(f.Server.Single(), "GET", path);
        Assert.Empty(storage.Requests);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_download_follows_the_redirect_without_the_token(string endpoint, string path)
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, System.Text.Encoding.Latin1.GetString(Zip), "application/zip"));
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", new Uri(storage.BaseAddress, "logs/blob?sig=s3cr3t").AbsoluteUri));

        await using var stream = await DownloadAsync(f, endpoint);
        using var content = new MemoryStream();
        await stream.CopyToAsync(content);

        Expect.Request(f.Server.Single(), "GET", path);
        var download = storage.Single();
        Assert.Equal("/logs/blob?sig=s3cr3t", download.RawTarget);
        Assert.Null(download.Header("Authorization"));
        Assert.DoesNotContain(download.Headers.Values, v => v.Contains(ClientFixture.Token, StringComparison.Ordinal));
        Assert.Equal(Zip, content.ToArray());
    }

    [Fact]
    public async Task The_job_log_arrives_as_plain_text()
    {
        const string Log = "2026-11-26T06:00:00.0000000Z ##[group]Run actions/checkout@v4\n2026-11-26T06:00:01.0000000Z Done\n";
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, Log, "text/plain"));
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", new Uri(storage.BaseAddress, "job.txt").AbsoluteUri));

        await using var stream = await f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("octo-org", "hello-world", 399444496);

        Assert.Equal(Log, await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task A_failed_download_names_the_operation()
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(403, "<Error>AuthenticationFailed</Error>", "application/xml"));
        await using var f = await ClientFixture.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", new Uri(storage.BaseAddress, "expired").AbsoluteUri));

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => f.Client.WorkflowRuns.DownloadWorkflowRunLogsAsync("octo-org", "hello-world", 30433642));

        Assert.Equal("actions/download-workflow-run-logs", error.OperationId);
    }

    [Fact]
    public async Task An_http_client_that_follows_redirects_itself_still_works_and_drops_the_token()
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, "log", "text/plain"));
        await using var api = await LoopbackServer.StartAsync(_ => Reply.NoBody(302).WithHeader("Location", new Uri(storage.BaseAddress, "job.txt").AbsoluteUri));
        using var http = new HttpClient(); // the default handler follows redirects
        var client = new GitHub.Actions.ActionsClient(http, new ActionsClientOptions { BaseAddress = api.BaseAddress, Token = ClientFixture.Token });

        var url = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync("o", "r", 1);
        await using var stream = await client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("o", "r", 1);

        Assert.Equal(new Uri(storage.BaseAddress, "job.txt"), url);
        Assert.Equal("log", await new StreamReader(stream).ReadToEndAsync());
        Assert.All(storage.Requests, r => Assert.Null(r.Header("Authorization")));
    }

    private static Task<Uri> UrlAsync(ClientFixture f, string endpoint) => endpoint switch
    {
        "job" => f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunUrlAsync("octo-org", "hello-world", 399444496),
        "run" => f.Client.WorkflowRuns.DownloadWorkflowRunLogsUrlAsync("octo-org", "hello-world", 30433642),
        _ => f.Client.WorkflowRuns.DownloadWorkflowRunAttemptLogsUrlAsync("octo-org", "hello-world", 30433642, 2),
    };

    private static Task<Stream> DownloadAsync(ClientFixture f, string endpoint) => endpoint switch
    {
        "job" => f.Client.WorkflowJobs.DownloadJobLogsForWorkflowRunAsync("octo-org", "hello-world", 399444496),
        "run" => f.Client.WorkflowRuns.DownloadWorkflowRunLogsAsync("octo-org", "hello-world", 30433642),
        _ => f.Client.WorkflowRuns.DownloadWorkflowRunAttemptLogsAsync("octo-org", "hello-world", 30433642, 2),
    };
}
