using System.Net.Http;
using ActionsGen.Runtime.Http;
using ActionsGen.Tests.Extra;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The generated client of Specs/extra.yaml (filtered by Paths and Operations) on the wire: a nullable response, a
/// 302 without a declared Location, header parameters.
/// </summary>
public class OperationShapeTests
{
    private static async Task<(LoopbackServer Server, HttpClient Http, ExtraClient Client)> StartAsync(Func<RecordedRequest, Reply> handler)
    {
        var server = await LoopbackServer.StartAsync(handler);
        var http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        return (server, http, new ExtraClient(http, new ActionsClientOptions { BaseAddress = server.BaseAddress, Token = "t" }));
    }

    [Fact]
    public async Task A_null_body_of_a_nullable_response_reads_as_null()
    {
        var (server, http, client) = await StartAsync(_ => Reply.Json("null"));
        await using var _ = server;
        using var __ = http;

        Integration? app = await client.Apps.GetAuthenticatedAsync();

        Assert.Null(app);
        Assert.Equal("/app", server.Single().Path);
    }

    [Fact]
    public async Task A_body_of_a_nullable_response_reads_as_the_model()
    {
        var (server, http, client) = await StartAsync(_ => Reply.Json("""{"id": 7, "slug": "octo-app"}"""));
        await using var _ = server;
        using var __ = http;

        var app = await client.Apps.GetAuthenticatedAsync();

        Assert.Equal(("octo-app", 7L), (app!.Slug, app.Id));
    }

    [Fact]
    public async Task A_302_without_a_declared_Location_returns_the_url_and_downloads_it()
    {
        await using var storage = await LoopbackServer.StartAsync(_ => new Reply(200, "archive", "application/gzip"));
        var target = new Uri(storage.BaseAddress, "archive.tar.gz?sig=abc");
        var (server, http, client) = await StartAsync(_ => Reply.NoBody(302).WithHeader("Location", target.AbsoluteUri));
        await using var _ = server;
        using var __ = http;

        var url = await client.Migrations.DownloadArchiveForOrgUrlAsync("octo-org", 79);
        await using var stream = await client.Migrations.DownloadArchiveForOrgAsync("octo-org", 79);

        Assert.Equal(target, url);
        Assert.Equal("archive", await new StreamReader(stream).ReadToEndAsync());
        Assert.All(server.Requests, r => Assert.Equal("/orgs/octo-org/migrations/79/archive", r.Path));
        Assert.Null(storage.Single().Header("Authorization"));
    }

    [Fact]
    public async Task Header_parameters_are_sent_as_headers_when_set()
    {
        var (server, http, client) = await StartAsync(_ => Reply.Json("""{"id": 1}"""));
        await using var _ = server;
        using var __ = http;

        await client.Things.GetThingAsync(1, "req-42", xTraceDepth: 3);
        await client.Things.GetThingAsync(2, "req-43");

        var requests = server.Requests.ToArray();
        Assert.Equal(("req-42", "3"), (requests[0].Header("X-Request-Id"), requests[0].Header("X-Trace-Depth")));
        Assert.Equal(("req-43", null), (requests[1].Header("X-Request-Id"), requests[1].Header("X-Trace-Depth")));
    }

    [Theory]
    [InlineData("req\r\nX-Injected: 1")]
    [InlineData("req\nX-Injected: 1")]
    [InlineData("req\r")]
    public async Task A_header_value_with_CR_or_LF_is_refused_before_anything_is_sent(string value)
    {
        var (server, http, client) = await StartAsync(_ => Reply.Json("""{"id": 1}"""));
        await using var _ = server;
        using var __ = http;

        await Assert.ThrowsAsync<ArgumentException>(() => client.Things.GetThingAsync(1, value));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_filters_generate_exactly_the_matching_operations_and_the_schemas_they_reach()
    {
        var groups = typeof(ExtraClient).GetProperties().Where(p => p.Name != nameof(ExtraClient.Connection)).Select(p => p.Name).Order();

        Assert.Equal(new[] { "Apps", "Migrations", "Things" }, groups);
        Assert.Null(typeof(ExtraClient).Assembly.GetType("ActionsGen.Tests.Extra.Unreached"));
        Assert.Null(typeof(ExtraClient).Assembly.GetType("ActionsGen.Tests.Extra.IExcludedOperations"));
    }
}
