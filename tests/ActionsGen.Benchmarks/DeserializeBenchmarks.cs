using ActionsGen.Benchmarks.Baselines;
using ActionsGen.Runtime.Serialization;
using BenchmarkDotNet.Attributes;
using Octokit.Internal;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Reading GitHub's JSON into models: ActionsGen's generated code vs System.Text.Json source generation on
/// equivalent hand-written classes (the baseline) vs Octokit.net's own models and serializer vs Newtonsoft.Json.
/// UTF-8 readers get bytes; Octokit and Newtonsoft take the string their APIs take.
/// </summary>
[MemoryDiagnoser]
public class DeserializeBenchmarks
{
    private static readonly SimpleJsonSerializer Octokit = new();

    [ParamsSource(nameof(Payloads))]
    public Payload Payload { get; set; } = Payload.RunsSeed;

    public static IEnumerable<Payload> Payloads() => Payload.All();

    [Benchmark(Baseline = true)]
    public object StjSourceGen() => Payload.Kind switch
    {
        PayloadKind.Runs => System.Text.Json.JsonSerializer.Deserialize(Payload.Utf8, StjSourceGenContext.Default.WorkflowRunList)!,
        PayloadKind.Jobs => System.Text.Json.JsonSerializer.Deserialize(Payload.Utf8, StjSourceGenContext.Default.JobList)!,
        _ => System.Text.Json.JsonSerializer.Deserialize(Payload.Utf8, StjSourceGenContext.Default.Job)!,
    };

    [Benchmark]
    public object ActionsGenGenerated() => Payload.Kind switch
    {
        PayloadKind.Runs => ActionsJson.Deserialize<GitHub.Actions.WorkflowRunList>(Payload.Utf8),
        PayloadKind.Jobs => ActionsJson.Deserialize<GitHub.Actions.JobList>(Payload.Utf8),
        _ => ActionsJson.Deserialize<GitHub.Actions.Job>(Payload.Utf8),
    };

    [Benchmark]
    public object Octokit14() => Payload.Kind switch
    {
        PayloadKind.Runs => Octokit.Deserialize<Octokit.WorkflowRunsResponse>(Payload.Json),
        PayloadKind.Jobs => Octokit.Deserialize<Octokit.WorkflowJobsResponse>(Payload.Json),
        _ => Octokit.Deserialize<Octokit.WorkflowJob>(Payload.Json),
    };

    [Benchmark]
    public object NewtonsoftJson() => Payload.Kind switch
    {
        PayloadKind.Runs => global::Newtonsoft.Json.JsonConvert.DeserializeObject<WorkflowRunList>(Payload.Json, NewtonsoftSettings.Instance)!,
        PayloadKind.Jobs => global::Newtonsoft.Json.JsonConvert.DeserializeObject<JobList>(Payload.Json, NewtonsoftSettings.Instance)!,
        _ => global::Newtonsoft.Json.JsonConvert.DeserializeObject<Job>(Payload.Json, NewtonsoftSettings.Instance)!,
    };
}
