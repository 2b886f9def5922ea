using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Models.Tests;

public class ReadingTests
{
    private static Job ReadJob(string json) => ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(json));

    private static Job ReadJobStrictly(string json) => ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(json), strict: true, out _);

    private static string JobWith(Action<JsonObject> edit)
    {
        var job = JsonNode.Parse(SpecExamples.Get("actions/get-job-for-workflow-run 200"))!.AsObject();
        edit(job);
        return job.ToJsonString();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public void A_blank_document_is_an_empty_document_error(string json)
    {
        var error = Assert.Throws<JsonException>(() => ActionsJson.Deserialize<GitActor>(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("The JSON document is empty.", error.Message);
    }

    [Fact]
    public void Whitespace_around_a_document_is_allowed()
    {
        var actor = ActionsJson.Deserialize<GitActor>(Encoding.UTF8.GetBytes(" \r\n\t{\"name\":\"Mona\",\"email\":\"mona@github.com\"}\n "));

        Assert.Equal("Mona", actor.Name);
    }

    [Fact]
    public void Unknown_enum_value_is_kept_and_written_back()
    {
        var job = ReadJob(JobWith(j => j["status"] = "hibernating"));

        Assert.Equal("hibernating", job.Status.Value);
        Assert.False(job.Status.IsKnown);
        Assert.NotEqual(JobStatus.Completed, job.Status);
        Assert.Contains("\"status\":\"hibernating\"", Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(job)));
    }

    [Fact]
    public void Known_enum_values_compare_equal_to_their_static_members()
    {
        var job = ReadJob(SpecExamples.Get("actions/get-job-for-workflow-run 200"));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(job.Status.IsKnown);
        Assert.Equal(JobConclusion.Success, job.Conclusion);
        Assert.True(job.Status == "completed");
    }

    [Fact]
    public void Unknown_properties_of_any_shape_are_skipped()
    {
        var job = ReadJob(JobWith(j =>
        {
            j["future_field"] = JsonNode.Parse("""{"a":[1,2,{"b":null,"c":[[],{}]}],"d":"x"}""");
            j["future_flag"] = true;
        }));

        Assert.Equal(399444496, job.Id);
        Assert.Equal("build", job.Name);
    }

    [Fact]
    public void Properties_are_matched_whatever_their_order_from_one_document_to_the_next()
    {
        // The reader guesses each name from the order of the last object of the type, and the generated code jumps from
        // each property to the one the description lists next: every order, of the job and of its steps, must still read right.
        var seed = SpecExamples.Get("actions/get-job-for-workflow-run 200");
        var expected = Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(ReadJob(seed)));
        var random = new Random(9);
        for (var round = 0; round < 20; round++)
        {
            var job = JsonNode.Parse(seed)!.AsObject();
            var steps = job["steps"]!.AsArray().Select(step => Reordered(step!.AsObject(), round, random));
            job["steps"] = JsonNode.Parse("[" + string.Join(",", steps) + "]");
            var json = Reordered(job, round, random);

            Assert.Equal(expected, Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(ReadJob(json))));
        }
    }

    // The object's members as written (round 0), reversed (round 1) or shuffled, with an unknown member among them.
    private static string Reordered(JsonObject value, int round, Random random)
    {
        var members = value.Select(p => (p.Key, Json: p.Value?.ToJsonString() ?? "null")).ToList();
        var order = round switch
        {
            0 => members,
            1 => Enumerable.Reverse(members).ToList(),
            _ => members.OrderBy(_ => random.Next()).ToList(),
        };
        var parts = order.Select(m => $"\"{m.Key}\":{m.Json}").ToList();
        parts.Insert(random.Next(parts.Count + 1), "\"future_field\":{\"id\":1,\"name\":\"x\"}");
        return "{" + string.Join(",", parts) + "}";
    }

    [Fact]
    public void A_null_or_a_repeated_member_between_declared_neighbours_is_read_as_in_any_order()
    {
        // The generated code goes from each property to the one declared after it; a null (not returned by the object
        // reader) or a repeated name leaves that chain for the switch, and the last value of a repeated name wins.
        var json = JobWith(j => j["html_url"] = null).Replace("\"status\":\"completed\"", "\"status\":\"queued\",\"status\":\"completed\"", StringComparison.Ordinal);

        var job = ReadJob(json);

        Assert.Contains("\"status\":\"queued\"", json);
        Assert.Null(job.HtmlUrl);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(JobConclusion.Success, job.Conclusion);
        Assert.Equal(new DateTimeOffset(2020, 1, 20, 17, 42, 40, TimeSpan.Zero), job.StartedAt);
        Assert.Equal("build", job.Name);
    }

    [Fact]
    public void Strict_read_refuses_an_enum_of_another_json_type_naming_its_path()
    {
        var error = Assert.Throws<JsonException>(() => ReadJobStrictly(JobWith(j => j["conclusion"] = 7)));

        Assert.Contains("expected a string but found a number at $.conclusion", error.Message);
    }

    [Fact]
    public void Ids_beyond_32_bits_are_read_exactly()
    {
        var job = ReadJob(JobWith(j => j["id"] = 9007199254740993L));

        Assert.Equal(9007199254740993L, job.Id);
    }

    [Fact]
    public void Date_times_keep_their_offsets()
    {
        var job = ReadJob(SpecExamples.Get("actions/get-job-for-workflow-run 200"));

        Assert.Equal(new DateTimeOffset(2020, 1, 20, 17, 42, 40, TimeSpan.Zero), job.StartedAt);
        Assert.Equal(TimeSpan.FromHours(-8), job.Steps[0].StartedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2020, 1, 20, 9, 42, 40, TimeSpan.FromHours(-8)), job.Steps[0].StartedAt);
    }

    [Fact]
    public void Escaped_property_names_are_matched()
    {
        var job = ReadJob(JobWith(j => { }).Replace("\"name\":\"build\"", "\"n\\u0061me\":\"build\""));

        Assert.Equal("build", job.Name);
    }

    [Fact]
    public void Nulls_are_honoured_for_nullable_properties()
    {
        var job = ReadJob(JobWith(j =>
        {
            j["conclusion"] = null;
            j["completed_at"] = null;
            j["runner_id"] = null;
        }));

        Assert.Null(job.Conclusion);
        Assert.Null(job.CompletedAt);
        Assert.Null(job.RunnerId);
    }

    [Fact]
    public void Strict_read_refuses_a_missing_required_property_naming_it_and_its_path()
    {
        var error = Assert.Throws<JsonException>(() => ReadJobStrictly(JobWith(j => j.Remove("head_sha"))));

        Assert.Contains("'head_sha'", error.Message);
        Assert.Contains("Job", error.Message);
        Assert.Equal("$.head_sha", error.Path);
    }

    [Fact]
    public void Strict_read_refuses_null_for_a_non_nullable_property()
    {
        var error = Assert.Throws<JsonException>(() => ReadJobStrictly(JobWith(j => j["id"] = null)));

        Assert.Contains("'id'", error.Message);
        Assert.Contains("(null,", error.Message);
    }

    [Fact]
    public void Strict_read_refuses_a_wrong_token_type_with_the_path_and_byte_offset()
    {
        var json = JobWith(j => j["run_id"] = "not a number");

        var error = Assert.Throws<JsonException>(() => ReadJobStrictly(json));

        Assert.Contains("expected an integer but found a string at $.run_id", error.Message);
        Assert.Contains("byte offset " + json.IndexOf("\"not a number\"", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Lenient_read_leaves_drifted_members_at_their_default_and_reports_each()
    {
        var json = JobWith(j =>
        {
            j.Remove("head_sha");
            j["id"] = null;
            j["run_id"] = "not a number";
            j["created_at"] = "yesterday";
            j["run_attempt"] = 1e30;
            j["labels"] = new JsonArray("a", null, 3, "b");
            j["status"] = 7;
            j["conclusion"] = JsonNode.Parse("""{"value":"success"}""");
        });

        var job = ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(json), strict: false, out var report);

        Assert.Null(job.HeadSha);
        Assert.Equal(0, job.Id);
        Assert.Equal(0, job.RunId);
        Assert.Equal(default, job.CreatedAt);
        Assert.Null(job.RunAttempt);
        Assert.Equal(["a", "b"], job.Labels);
        Assert.Equal(default, job.Status);
        Assert.Null(job.Conclusion);
        Assert.NotEmpty(job.Steps);
        Assert.NotNull(report);
        var found = report!.Listed.Select(d => d.Path + " " + d.KindName).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { "$.conclusion wrong_type", "$.created_at invalid_format", "$.head_sha missing", "$.id null", "$.labels[1] null_element", "$.labels[2] wrong_type", "$.run_attempt out_of_range", "$.run_id wrong_type", "$.status wrong_type" },
            found);
        Assert.Equal(9, report.Count);
    }

    [Fact]
    public void Lenient_read_of_a_clean_document_reports_nothing()
    {
        ActionsJson.Deserialize<Job>(Encoding.UTF8.GetBytes(SpecExamples.Get("actions/get-job-for-workflow-run 200")), strict: false, out var report);

        Assert.Null(report);
    }

    [Fact]
    public void Corruption_is_still_refused_by_a_lenient_read()
    {
        var json = SpecExamples.Get("actions/get-job-for-workflow-run 200");

        Assert.ThrowsAny<JsonException>(() => ReadJob(json[..(json.Length / 2)]));
        Assert.ThrowsAny<JsonException>(() => ReadJob("\"a string, not a job\""));
        Assert.ThrowsAny<JsonException>(() => ReadJob(new string('[', 100) + new string(']', 100)));
    }

    [Fact]
    public void Truncated_json_is_a_JsonException()
    {
        var json = SpecExamples.Get("actions/get-job-for-workflow-run 200");

        Assert.ThrowsAny<JsonException>(() => ReadJob(json[..(json.Length / 2)]));
    }

    [Fact]
    public void Workflow_id_accepts_an_integer_or_a_file_name()
    {
        WorkflowId byId = 159038;
        WorkflowId byFile = "main.yaml";

        Assert.True(byId.IsInteger);
        Assert.Equal(159038, byId.Integer);
        Assert.Equal("159038", byId.ToString());
        Assert.False(byFile.IsInteger);
        Assert.Equal("main.yaml", byFile.ToString());
        Assert.Equal(byFile, ActionsJson.Deserialize<WorkflowId>("\"main.yaml\""u8));
        Assert.Equal(byId, ActionsJson.Deserialize<WorkflowId>("159038"u8));
        Assert.Equal("159038", Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(byId)));
    }

    [Fact]
    public void Required_request_properties_are_required_members()
    {
        var request = new ReviewPendingDeploymentsRequest { EnvironmentIds = new long[] { 161171787 }, State = DeploymentReviewState.Approved, Comment = "Ship it!" };

        var json = Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(request));

        JsonAssert.Equivalent(SpecExamples.Get("actions/review-pending-deployments-for-run request"), json);
    }

    [Fact]
    public void Optional_properties_left_unset_are_not_sent()
    {
        var json = Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(new RerunRequest()));

        Assert.Equal("{}", json);
    }
}

public class SystemTextJsonInteropTests
{
    [Fact]
    public void JsonSerializer_uses_the_generated_converter()
    {
        var json = SpecExamples.Get("actions/get-job-for-workflow-run 200");

        var job = JsonSerializer.Deserialize<Job>(json)!;

        Assert.Equal(399444496, job.Id);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(job));
    }

    [Fact]
    public void Generated_type_info_resolver_serves_JsonSerializer_without_reflection()
    {
        var json = SpecExamples.Get("actions/list-workflow-runs-for-repo 200");
        var options = new JsonSerializerOptions { TypeInfoResolver = ActionsJsonTypeInfoResolver.Instance };
        var typeInfo = (JsonTypeInfo<WorkflowRunList>)options.GetTypeInfo(typeof(WorkflowRunList));

        var page = JsonSerializer.Deserialize(json, typeInfo)!;

        Assert.Equal(30433642, page.WorkflowRuns[0].Id);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(page, typeInfo));
        Assert.Null(ActionsJsonTypeInfoResolver.Instance.GetTypeInfo(typeof(string), options));
    }
}
