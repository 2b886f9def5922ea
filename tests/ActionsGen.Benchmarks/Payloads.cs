using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ActionsGen.Testing;

namespace ActionsGen.Benchmarks;

/// <summary>The JSON the benchmarks read: the spec's own examples, and a realistic 100-run page built from one.</summary>
public sealed class Payload
{
    private Payload(string name, PayloadKind kind, string json)
    {
        Name = name;
        Kind = kind;
        Json = json;
        Utf8 = Encoding.UTF8.GetBytes(json);
    }

    public string Name { get; }

    public PayloadKind Kind { get; }

    public string Json { get; }

    public byte[] Utf8 { get; }

    public override string ToString() => Name;

    public static IEnumerable<Payload> All()
    {
        yield return RunsSeed;
        yield return RunsPage100;
        yield return JobsSeed;
        yield return SingleJob;
    }

    public static readonly Payload RunsSeed = new("runs-seed", PayloadKind.Runs, SpecExamples.Get("actions/list-workflow-runs-for-repo 200"));
    public static readonly Payload RunsPage100 = new("runs-page-100", PayloadKind.Runs, BuildRunsPage(100));
    public static readonly Payload JobsSeed = new("jobs-seed", PayloadKind.Jobs, SpecExamples.Get("actions/list-jobs-for-workflow-run 200"));
    public static readonly Payload SingleJob = new("single-job", PayloadKind.Job, SpecExamples.Get("actions/get-job-for-workflow-run 200"));

    /// <summary>
    /// A page as GitHub returns it for per_page=100 on one repository: every run has its own id, number, commit,
    /// title, times and run URLs; the repository, head repository and actors repeat (same repo, few committers).
    /// </summary>
    public static string BuildRunsPage(int count, int first = 0, int totalCount = 1000)
    {
        var seed = JsonNode.Parse(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))!["workflow_runs"]![0]!.ToJsonString();
        var runs = new JsonArray();
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var actors = new[] { "octocat", "hubot", "monalisa" };
        for (var i = first; i < first + count; i++)
        {
            var id = (30433642L + (i * 17)).ToString(CultureInfo.InvariantCulture);
            var sha = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(i))).ToLowerInvariant();
            var run = JsonNode.Parse(seed.Replace("30433642", id).Replace("acb5820ced9479c074f688cc328bf03f341a511d", sha))!.AsObject();
            var created = start.AddMinutes(-7 * i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            run["node_id"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("WorkflowRun" + id));
            run["check_suite_id"] = 414944374 + i;
            run["check_suite_node_id"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("CheckSuite" + (414944374 + i)));
            run["check_suite_url"] = "https://api.github.com/repos/octo-org/octo-repo/check-suites/" + (414944374 + i);
            run["run_number"] = 562 + totalCount - i;
            run["display_title"] = $"Update README.md ({i})";
            run["status"] = i % 10 == 0 ? "in_progress" : "completed";
            run["conclusion"] = i % 10 == 0 ? null : (i % 7 == 0 ? "failure" : "success");
            run["created_at"] = created;
            run["updated_at"] = created;
            run["run_started_at"] = created;
            run["head_commit"]!["message"] = $"Change number {i}";
            run["head_commit"]!["timestamp"] = created;
            run["actor"]!["login"] = actors[i % actors.Length];
            run["triggering_actor"]!["login"] = actors[i % actors.Length];
            runs.Add(run);
        }

        return new JsonObject { ["total_count"] = totalCount, ["workflow_runs"] = runs }.ToJsonString();
    }
}

public enum PayloadKind
{
    Runs,
    Jobs,
    Job,
}
