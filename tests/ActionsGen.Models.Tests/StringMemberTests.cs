using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Models.Tests;

/// <summary>
/// String members: in a short document (a job, a run) they are the document's bytes until first read; in a long one
/// (a page) each distinct short value is created once. Either way a member reads as System.Text.Json reads it, bad
/// UTF-8 fails the read itself, and what the caller does with its buffer afterwards changes nothing.
/// </summary>
public class StringMemberTests
{
    private static readonly string Seed = SpecExamples.Get("actions/get-job-for-workflow-run 200");

    private static string JobWith(Action<JsonObject> edit)
    {
        var job = JsonNode.Parse(Seed)!.AsObject();
        edit(job);
        return job.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [Fact]
    public void Every_string_member_of_a_short_document_reads_as_System_Text_Json_reads_it()
    {
        // Plain, escaped, non-ASCII as raw UTF-8 and as \u escapes, a surrogate pair, empty.
        var names = new[] { "build", "say \"hi\"\\n\ttab", "caf\u00e9 \u2603 \ud83d\ude00", string.Empty, "x" };
        var text = JobWith(j =>
        {
            j["name"] = names[1];
            j["workflow_name"] = names[2];
            j["runner_name"] = names[3];
            var steps = j["steps"]!.AsArray();
            for (var i = 0; i < steps.Count; i++)
            {
                steps[i]!["name"] = names[i % names.Length];
            }
        });
        var utf8 = Encoding.UTF8.GetBytes(text.Replace("caf\u00e9", "caf\\u00e9", StringComparison.Ordinal));

        var job = ActionsJson.Deserialize<Job>(utf8);
        using var expected = JsonDocument.Parse(utf8);

        var root = expected.RootElement;
        Assert.Equal(root.GetProperty("name").GetString(), job.Name);
        Assert.Equal(root.GetProperty("workflow_name").GetString(), job.WorkflowName);
        Assert.Equal(string.Empty, job.RunnerName);
        Assert.Equal(root.GetProperty("html_url").GetString(), job.HtmlUrl);
        Assert.Equal(root.GetProperty("head_sha").GetString(), job.HeadSha);
        Assert.Equal(root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()), job.Steps!.Select(s => s.Name));
        Assert.Null(ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(JobWith(j => j["runner_group_name"] = null))).RunnerGroupName);
    }

    [Fact]
    public void A_member_read_twice_is_one_string()
    {
        var job = ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(Seed));

        Assert.Same(job.Name, job.Name);
        Assert.Same(job.Steps![0].Name, job.Steps[0].Name);
    }

    [Fact]
    public void Bad_UTF_8_in_a_string_member_fails_the_read_not_a_later_access()
    {
        var utf8 = Encoding.UTF8.GetBytes(JobWith(j => j["workflow_name"] = "BADBYTES"));
        var at = utf8.AsSpan().IndexOf("BADBYTES"u8);
        utf8[at] = 0xC3;
        utf8[at + 1] = 0x28; // a lead byte followed by no continuation

        var error = Assert.ThrowsAny<JsonException>(() => ActionsJson.Deserialize<Job>(utf8));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callers_buffer_can_change_after_the_read()
    {
        var utf8 = Encoding.UTF8.GetBytes(Seed);
        var job = ActionsJson.Deserialize<Job>(utf8);
        var expected = JsonNode.Parse(Seed)!;

        utf8.AsSpan().Fill((byte)'x');

        Assert.Equal(expected["name"]!.GetValue<string>(), job.Name);
        Assert.Equal(expected["check_run_url"]!.GetValue<string>(), job.CheckRunUrl);
        Assert.Equal(expected["steps"]![2]!["name"]!.GetValue<string>(), job.Steps![2].Name);
    }

    [Fact]
    public void A_model_written_before_or_after_its_members_are_read_writes_the_same_document()
    {
        var text = JobWith(j => j["name"] = "say \"hi\" caf\u00e9");
        var unread = ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(text));
        var read = ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(text));
        _ = (read.Name, read.Url, read.NodeId, read.Steps!.Select(s => s.Name).ToList());

        var fromBytes = ActionsJson.SerializeToUtf8Bytes(unread);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fromBytes), JsonNode.Parse(ActionsJson.SerializeToUtf8Bytes(read))));
        Assert.Equal("say \"hi\" caf\u00e9", ActionsJson.Deserialize<Job>(fromBytes).Name);
        Assert.Equal(JsonNode.Parse(text)!["steps"]!.AsArray().Select(s => (string?)s!["name"]), JsonNode.Parse(fromBytes)!["steps"]!.AsArray().Select(s => (string?)s!["name"]));
    }

    [Fact]
    public void Threads_reading_the_same_member_all_see_its_value()
    {
        for (var round = 0; round < 50; round++)
        {
            var job = ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(Seed));
            var seen = new string[8][];
            Parallel.For(0, seen.Length, t => seen[t] = job.Steps!.Select(s => s.Name).Append(job.Name).Append(job.HeadSha).ToArray());
            Assert.All(seen, names => Assert.Equal(seen[0], names));
        }
    }

    [Fact]
    public void In_a_long_document_string_members_read_as_System_Text_Json_reads_them()
    {
        // Runs with distinct head repositories (not repeated whole) and escaped titles, on a page over 16 KB.
        var seed = JsonNode.Parse(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))!["workflow_runs"]![0]!.ToJsonString();
        var runs = new JsonArray();
        for (var i = 0; i < 40; i++)
        {
            var run = JsonNode.Parse(seed)!.AsObject();
            run["id"] = 1000 + i;
            run["head_repository"]!["name"] = "fork-" + i;
            run["display_title"] = "Fix \"" + i + "\" caf\u00e9";
            runs.Add(run);
        }

        var utf8 = Encoding.UTF8.GetBytes(new JsonObject { ["total_count"] = 40, ["workflow_runs"] = runs }.ToJsonString());
        Assert.True(utf8.Length > 16 * 1024);

        var page = ActionsJson.Deserialize<WorkflowRunList>(utf8);
        using var expected = JsonDocument.Parse(utf8);

        var expectedRuns = expected.RootElement.GetProperty("workflow_runs").EnumerateArray().ToList();
        Assert.Equal(expectedRuns.Select(r => r.GetProperty("display_title").GetString()), page.WorkflowRuns.Select(r => r.DisplayTitle));
        Assert.Equal(expectedRuns.Select(r => r.GetProperty("head_repository").GetProperty("full_name").GetString()), page.WorkflowRuns.Select(r => r.HeadRepository.FullName));
        Assert.Equal(expectedRuns.Select(r => r.GetProperty("repository").GetProperty("owner").GetProperty("login").GetString()), page.WorkflowRuns.Select(r => r.Repository.Owner.Login));
        Assert.NotSame(page.WorkflowRuns[3].HeadRepository, page.WorkflowRuns[4].HeadRepository);
    }
}
