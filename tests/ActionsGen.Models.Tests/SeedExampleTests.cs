using System.Text;
using ActionsGen.Runtime.Serialization;
using GitHub.Actions;

namespace ActionsGen.Models.Tests;

public class SeedExampleTests
{
    // Each example in the spec and the model the spec says it is.
    private static readonly Dictionary<string, Func<string, string>> RoundTrips = new()
    {
        ["actions/list-workflow-runs-for-repo 200"] = RoundTrip<WorkflowRunList>,
        ["actions/list-workflow-runs 200"] = RoundTrip<WorkflowRunList>,
        ["actions/get-workflow-run 200"] = RoundTrip<WorkflowRun>,
        ["actions/get-workflow-run-attempt 200"] = RoundTrip<WorkflowRun>,
        ["actions/get-reviews-for-run 200"] = RoundTripList<EnvironmentApprovals>,
        ["actions/get-pending-deployments-for-run 200"] = RoundTripList<PendingDeployment>,
        ["actions/review-pending-deployments-for-run request"] = RoundTrip<ReviewPendingDeploymentsRequest>,
        ["actions/review-pending-deployments-for-run 200"] = RoundTripList<Deployment>,
        ["actions/review-custom-gates-for-run request"] = RoundTrip<ReviewCustomGatesRequest>,
        ["actions/get-workflow-run-usage 200"] = RoundTrip<WorkflowRunUsage>,
        ["actions/get-job-for-workflow-run 200"] = RoundTrip<Job>,
        ["actions/list-jobs-for-workflow-run 200"] = RoundTrip<JobList>,
        ["actions/list-jobs-for-workflow-run-attempt 200"] = RoundTrip<JobList>,
    };

    public static TheoryData<string> ExampleKeys() => new(SpecExamples.Examples.Keys.Order());

    [Fact]
    public void The_spec_carries_every_seed_example()
    {
        Assert.Equal(RoundTrips.Keys.Order(), SpecExamples.Examples.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(ExampleKeys))]
    public void Seed_example_reads_into_its_model_and_writes_back_without_loss(string key)
    {
        var json = SpecExamples.Get(key);

        var written = RoundTrips[key](json);

        JsonAssert.Equivalent(json, written);
    }

    private static string RoundTrip<T>(string json) where T : IJsonModel<T>
    {
        var model = ActionsJson.Deserialize<T>(Encoding.UTF8.GetBytes(json));
        return Encoding.UTF8.GetString(ActionsJson.SerializeToUtf8Bytes(model));
    }

    private static string RoundTripList<T>(string json) where T : IJsonModel<T>
    {
        var items = ActionsJson.DeserializeList<T>(Encoding.UTF8.GetBytes(json));
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                ActionsJson.Serialize(writer, item);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
