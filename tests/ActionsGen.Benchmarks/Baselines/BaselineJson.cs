using System.Text.Json.Serialization;
using Newtonsoft.Json.Serialization;

namespace ActionsGen.Benchmarks.Baselines;

/// <summary>System.Text.Json source generation for the hand-written models, snake_case as GitHub sends it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WorkflowRunList))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(Job))]
internal sealed partial class StjSourceGenContext : JsonSerializerContext
{
}

/// <summary>Newtonsoft.Json settings for the same hand-written models.</summary>
internal static class NewtonsoftSettings
{
    public static readonly Newtonsoft.Json.JsonSerializerSettings Instance = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        DateParseHandling = Newtonsoft.Json.DateParseHandling.DateTimeOffset,
    };
}
