using ActionsGen.Runtime.Serialization;
using BenchmarkDotNet.Attributes;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Where the time goes: tokenizing alone and tokenizing plus creating every string are the floor any eager
/// Utf8JsonReader-based reader pays; reading without the per-document string de-duplication shows what
/// de-duplication costs (a single job: little repeats) or saves (a runs page: URL templates repeat).
/// </summary>
[MemoryDiagnoser]
public class ReadFloorBenchmarks
{
    private byte[] _json = null!;

    [Params("single-job", "runs-page-100")]
    public string Document { get; set; } = "single-job";

    [GlobalSetup]
    public void Setup() => _json = Payload.All().First(p => p.Name == Document).Utf8;

    [Benchmark(Baseline = true)]
    public object Generated() => Document == "single-job"
        ? ActionsJson.Deserialize<GitHub.Actions.Job>(_json)
        : ActionsJson.Deserialize<GitHub.Actions.WorkflowRunList>(_json);

    [Benchmark]
    public object GeneratedNoDedup()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_json);
        reader.Read();
        return Document == "single-job"
            ? ReadWithoutContext<GitHub.Actions.Job>(ref reader)
            : ReadWithoutContext<GitHub.Actions.WorkflowRunList>(ref reader);
    }

    private static T ReadWithoutContext<T>(ref System.Text.Json.Utf8JsonReader reader) where T : ActionsGen.Runtime.Serialization.IJsonModel<T> =>
        T.ReadJson(ref reader, null);

    [Benchmark]
    public int TokenizeOnly()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_json);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public int TokenizeAndStrings()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_json);
        var n = 0;
        while (reader.Read())
        {
            if (reader.TokenType == System.Text.Json.JsonTokenType.String)
            {
                n += reader.GetString()!.Length;
            }
        }

        return n;
    }
}
