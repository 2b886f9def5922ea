using System.Text.Json.Nodes;
using ActionsGen.Runtime.Tests.Infrastructure;
using GitHub.Rest;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The client generated from GitHub's own description (the 23-operation cut of @octokit/openapi 23.0.2, namespace
/// GitHub.Rest): its unions over real HTTP.
/// </summary>
public class GitHubDescriptionClientTests
{
    [Fact]
    public void Only_types_a_request_body_holds_get_a_writer_and_writing_another_says_how_to_get_one()
    {
        // This spec's item has no Writers="all": request bodies (and what they hold) write, response-only models read.
        var body = ActionsGen.Runtime.Serialization.ActionsJson.SerializeToUtf8Bytes<ReviewCustomGatesForRunRequest>(
            new ReviewCustomGatesStateRequired { EnvironmentName = "prod", State = ReviewCustomGatesStateRequiredState.Approved });
        Assert.Equal("""{"environment_name":"prod","state":"approved"}""", System.Text.Encoding.UTF8.GetString(body));

        var job = ActionsGen.Runtime.Serialization.ActionsJson.Deserialize<Job>("""{"id":1,"run_id":2,"run_url":"u","node_id":"n","head_sha":"h","url":"u","html_url":null,"status":"queued","conclusion":null,"created_at":"2024-01-01T00:00:00Z","started_at":"2024-01-01T00:00:00Z","completed_at":null,"name":"build","check_run_url":"u","labels":[],"runner_id":null,"runner_name":null,"runner_group_id":null,"runner_group_name":null,"workflow_name":null,"head_branch":null}"""u8);
        var error = Assert.Throws<NotSupportedException>(() => ActionsGen.Runtime.Serialization.ActionsJson.SerializeToUtf8Bytes(job));
        Assert.Contains("GitHub.Rest.Job is only read from responses", error.Message);
        Assert.Contains("Writers=\"all\"", error.Message);
        Assert.Throws<NotSupportedException>(() => System.Text.Json.JsonSerializer.Serialize(job));
    }

    [Fact]
    public async Task A_union_request_body_is_sent_as_the_case_it_holds()
    {
        await using var server = await LoopbackServer.StartAsync(_ => Reply.NoBody(204));
        var client = Client(server, out var http);
        using var _ = http;

        // `anyOf: [review-custom-gates-comment-required, review-custom-gates-state-required]`: each case converts implicitly.
        await client.Actions.ReviewCustomGatesForRunAsync("octo-org", "hello-world", 30433642, new ReviewCustomGatesCommentRequired { EnvironmentName = "prod", Comment = "looks good" });
        ReviewCustomGatesForRunRequest approve = new ReviewCustomGatesStateRequired { EnvironmentName = "prod", State = ReviewCustomGatesStateRequiredState.Approved };
        await client.Actions.ReviewCustomGatesForRunAsync("octo-org", "hello-world", 30433642, approve);

        var requests = server.Requests.ToArray();
        Assert.Equal("/repos/octo-org/hello-world/actions/runs/30433642/deployment_protection_rule", requests[0].Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"environment_name":"prod","comment":"looks good"}"""), JsonNode.Parse(requests[0].BodyText)), requests[0].BodyText);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"environment_name":"prod","state":"approved"}"""), JsonNode.Parse(requests[1].BodyText)), requests[1].BodyText);
        Assert.True(approve.IsReviewCustomGatesStateRequired);
        Assert.False(approve.IsReviewCustomGatesCommentRequired);
    }

    [Fact]
    public async Task Union_values_are_read_by_their_shape_and_an_unknown_shape_is_kept_as_raw_JSON()
    {
        // GitHub's own example of pending deployments (a user and a team as reviewers), plus a reviewer of a shape
        // neither case has.
        var fixture = JsonNode.Parse(File.ReadAllText(OctokitDescriptions.FixturePath("api.github.com.actions.json")))!;
        var example = fixture["components"]!["examples"]!["pending-deployment-items"]!["value"]!.AsArray();

        // The example predates `type` joining the `team` schema's required properties: without it, it fits no case.
        example[0]!["reviewers"]![1]!["reviewer"]!["type"] = "organization";
        example[0]!["reviewers"]!.AsArray().Add(JsonNode.Parse("""{"type":"Bot","reviewer":{"app_slug":"gate-keeper"}}"""));
        await using var server = await LoopbackServer.StartAsync(_ => Reply.Json(example.ToJsonString()));
        var client = Client(server, out var http);
        using var _ = http;

        var pending = await client.Actions.GetPendingDeploymentsForRunAsync("octo-org", "hello-world", 30433642);

        var reviewers = pending[0].Reviewers!.Select(r => r.Reviewer!.Value).ToArray();
        Assert.Equal(3, reviewers.Length);
        Assert.True(reviewers[0].TryGetSimpleUser(out var user));
        Assert.Equal("octocat", user.Login);
        Assert.True(reviewers[1].TryGetTeam(out var team));
        Assert.Equal("justice-league", team.Slug);
        Assert.True(reviewers[2].IsUnknown);
        Assert.Equal("gate-keeper", reviewers[2].Unknown!.Value.GetProperty("app_slug").GetString());
        Assert.Equal(
            new[] { "user octocat", "team justice-league", "raw {\"app_slug\":\"gate-keeper\"}" },
            reviewers.Select(r => r.Match(u => "user " + u.Login, t => "team " + t.Slug, raw => "raw " + raw.GetRawText())));
    }

    private static GitHubClient Client(LoopbackServer server, out HttpClient http)
    {
        http = new HttpClient(ActionsClientOptions.CreateHttpHandler());
        return new GitHubClient(http, new ActionsClientOptions { BaseAddress = server.BaseAddress, Token = ClientFixture.Token });
    }
}
