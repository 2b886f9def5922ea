using System.Text;
using System.Text.Json.Nodes;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Models.Tests;

/// <summary>
/// An object repeated whole in one document (a page's repository and actors) is read once and shared: what is read
/// is the same as reading each copy, a copy that differs in one byte is its own object, and drift is reported for
/// every copy it is in.
/// </summary>
public class RepeatedObjectTests
{
    private const int Runs = 40;

    // The seed's run, Runs times, each with its own id: over the size at which repeats are looked for.
    private static JsonObject Page(Action<int, JsonObject>? edit = null)
    {
        var seed = JsonNode.Parse(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))!["workflow_runs"]![0]!.ToJsonString();
        var runs = new JsonArray();
        for (var i = 0; i < Runs; i++)
        {
            var run = JsonNode.Parse(seed)!.AsObject();
            run["id"] = 1000 + i;
            edit?.Invoke(i, run);
            runs.Add(run);
        }

        return new JsonObject { ["total_count"] = Runs, ["workflow_runs"] = runs };
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [Fact]
    public void An_object_repeated_in_a_page_is_read_once_and_reads_as_each_copy_alone()
    {
        var json = Page();
        Assert.True(Utf8(json).Length > 16 * 1024, "the page must be long enough for repeats to be looked for");

        var page = ActionsJson.Deserialize<WorkflowRunList>(Utf8(json));

        var first = page.WorkflowRuns[0];
        Assert.All(page.WorkflowRuns, run => Assert.Same(first.Repository, run.Repository));
        Assert.All(page.WorkflowRuns, run => Assert.Same(first.Actor, run.Actor));
        Assert.Equal(Enumerable.Range(1000, Runs).Select(i => (long)i), page.WorkflowRuns.Select(r => r.Id));
        var alone = ActionsJson.Deserialize<MinimalRepository>(Utf8(json["workflow_runs"]![7]!["repository"]!));
        Assert.Equal(ActionsJson.SerializeToUtf8Bytes(alone), ActionsJson.SerializeToUtf8Bytes(page.WorkflowRuns[7].Repository));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ActionsJson.SerializeToUtf8Bytes(page)), JsonNode.Parse(ActionsJson.SerializeToUtf8Bytes(ActionsJson.Deserialize<WorkflowRunList>(Utf8(json))))));
    }

    [Fact]
    public void A_copy_that_differs_in_one_byte_is_its_own_object_with_its_own_values()
    {
        var json = Page((i, run) =>
        {
            if (i % 5 == 3)
            {
                run["repository"]!["name"] = "Hello-World" + i;
                run["actor"]!["login"] = "octocaT";
            }
        });

        var page = ActionsJson.Deserialize<WorkflowRunList>(Utf8(json));

        for (var i = 0; i < Runs; i++)
        {
            var run = page.WorkflowRuns[i];
            Assert.Equal(i % 5 == 3 ? "Hello-World" + i : "Hello-World", run.Repository.Name);
            Assert.Equal(i % 5 == 3 ? "octocaT" : "octocat", run.Actor!.Login);
            Assert.Equal(json["workflow_runs"]![i]!["repository"]!["id"]!.GetValue<long>(), run.Repository.Id);
        }

        Assert.NotSame(page.WorkflowRuns[3].Repository, page.WorkflowRuns[8].Repository);
        Assert.Same(page.WorkflowRuns[0].Repository, page.WorkflowRuns[9].Repository);
    }

    [Fact]
    public void Drift_in_a_repeated_object_is_reported_at_every_copy()
    {
        var json = Page((_, run) => run["repository"]!.AsObject().Remove("node_id"));

        var page = ActionsJson.Deserialize<WorkflowRunList>(Utf8(json), strict: false, out var report);

        Assert.Equal(Runs, page.WorkflowRuns.Count);
        Assert.NotNull(report);
        Assert.Equal(Runs, report!.CountOf(JsonDeviationKind.Missing));
        Assert.Equal(
            Enumerable.Range(0, JsonDeviationReport.MaxListed).Select(i => $"$.workflow_runs[{i}].repository.node_id"),
            report.Listed.Select(d => d.Path));
        var refusal = Assert.ThrowsAny<System.Text.Json.JsonException>(() => ActionsJson.Deserialize<WorkflowRunList>(Utf8(json), strict: true, out _));
        Assert.Equal("$.workflow_runs[0].repository.node_id", refusal.Path);
    }
}
