using ActionsGen.Runtime.Serialization;
using BenchmarkDotNet.Attributes;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Where the time goes on a single job (a 2.6 KB document with few repeated strings): tokenizing alone and
/// tokenizing plus creating every string are the floor any eager reader pays; reading without the per-document
/// string de-duplication shows what de-duplication costs when little repeats.
/// </summary>
[MemoryDiagnoser]
public class SingleJobFloorBenchmarks
{
    private byte[] _job = null!;

    [GlobalSetup]
    public void Setup() => _job = Payload.All().First(p => p.Kind == PayloadKind.Job).Utf8;

    [Benchmark(Baseline = true)]
    public object WithDedup() => ActionsJson.Deserialize<GitHub.Actions.Job>(_job);

    [Benchmark]
    public object NoDedup()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_job);
        reader.Read();
        return GitHub.Actions.Job.ReadCore(ref reader, null);
    }

    [Benchmark]
    public int TokenizeOnly()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_job);
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
        var reader = new System.Text.Json.Utf8JsonReader(_job);
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
