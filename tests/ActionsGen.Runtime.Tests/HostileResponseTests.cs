using System.Diagnostics;
using System.Text;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Tests.Infrastructure;

namespace ActionsGen.Runtime.Tests;

/// <summary>Bodies that are not what the spec says: corruption (and, with StrictResponses, drift) is an InvalidResponseException naming the operation, fast, with bounded memory.</summary>
[Collection(Isolated.Name)]
public class HostileResponseTests
{
    [Fact]
    public async Task An_empty_body_is_an_invalid_response()
    {
        await using var f = await ClientFixture.StartAsync(_ => new Reply(200, string.Empty));

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetWorkflowRunAsync("o", "r", 1));

        Assert.Contains("actions/get-workflow-run", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public async Task A_number_beyond_long_is_an_invalid_response_at_its_offset_when_strict()
    {
        var body = """{"total_count":1,"jobs":[{"id":99999999999999999999}]}""";
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(body), o => o.StrictResponses = true);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("64-bit", error.Message);
        Assert.Equal(body.IndexOf("9999", StringComparison.Ordinal), error.BytePosition);
        Assert.Equal("$.jobs[0].id", error.JsonPath);
    }

    [Fact]
    public async Task Null_where_the_spec_says_non_null_is_an_invalid_response_when_strict()
    {
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("""{"total_count":null,"jobs":[]}"""), o => o.StrictResponses = true);

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("total_count", error.Message);
    }

    [Fact]
    public async Task Deeply_nested_input_is_refused_without_a_stack_overflow()
    {
        var nested = new string('[', 100_000) + new string(']', 100_000);
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json("{\"total_count\":1,\"unknown\":" + nested + ",\"jobs\":[]}"));

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_50_MB_body_fails_at_the_size_limit()
    {
        var chunk = Encoding.ASCII.GetBytes("[" + new string(' ', 65_534));
        await using var f = await ClientFixture.StartAsync(_ => new Reply(200) { Chunk = chunk, ChunkCount = 800 });

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetPendingDeploymentsForRunAsync("o", "r", 1));

        Assert.Contains("MaxResponseBytes", error.Message);
    }

    [Fact]
    public async Task Reading_a_huge_body_stops_at_the_limit_so_memory_stays_bounded()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 65_536));
        await using var f = await ClientFixture.StartAsync(_ => new Reply(200) { Chunk = chunk, ChunkCount = 800 }, o => o.MaxResponseBytes = 1024 * 1024);
        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetPendingDeploymentsForRunAsync("o", "r", 1));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowRuns.GetPendingDeploymentsForRunAsync("o", "r", 1));

        // 50 MB were on offer; the client (and the server in this process) may allocate a few MB, not 50.
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 16 * 1024 * 1024);
    }

    [Fact]
    public async Task A_body_that_stalls_ends_at_the_HttpClient_timeout_instead_of_hanging()
    {
        await using var f = await ClientFixture.StartAsync(_ => new Reply(200, "{\"total_count\":1,") { StallAfterBody = TimeSpan.FromSeconds(60) });
        f.Http.Timeout = TimeSpan.FromSeconds(2);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InvalidResponseException>(() => f.Client.WorkflowJobs.ListJobsForWorkflowRunAsync("o", "r", 1));

        Assert.Contains("did not arrive", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Unknown_properties_and_enum_values_never_fail()
    {
        var job = SpecExamples.Get("actions/get-job-for-workflow-run 200")
            .Replace("\"status\":\"completed\"", "\"status\":\"teleporting\"", StringComparison.Ordinal)
            .Replace("\"id\":399444496,", "\"id\":399444496,\"brand_new_field\":{\"nested\":[1,{\"x\":null}]},", StringComparison.Ordinal);
        Assert.Contains("brand_new_field", job);
        Assert.Contains("teleporting", job);
        await using var f = await ClientFixture.StartAsync(_ => Reply.Json(job));

        var read = await f.Client.WorkflowJobs.GetJobForWorkflowRunAsync("o", "r", 399444496);

        Assert.Equal("teleporting", read.Status.Value);
        Assert.False(read.Status.IsKnown);
    }
}
