using System.Diagnostics;
using System.Globalization;
using ActionsGen.Benchmarks.Baselines;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Benchmarks;

/// <summary>
/// ActionsGen's read time over STJ source generation's, measured in alternating slices of about 40 ms so both see the
/// same machine load: on a shared machine whose speed moves by 3× over minutes, the median of the per-slice ratios is
/// steadier than two separately measured means. Run with <c>ratio [payload|all] [rounds] [stj|tokenize]</c> (tokenize: the
/// floor, a Utf8JsonReader reading every token and creating nothing); <c>loop payload seconds</c>
/// only reads (for a sampling profiler such as <c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>).
/// </summary>
internal static class InterleavedRatio
{
    public static int Run(string[] args)
    {
        var names = args.Length > 0 && args[0] != "all" ? [args[0]] : new[] { "runs-page-100", "single-job", "jobs-seed", "runs-seed" };
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 41;
        var baseline = args.Length > 2 ? args[2] : "stj";
        foreach (var name in names)
        {
            var payload = Payload.All().First(p => p.Name == name);
            Func<object> stj = baseline == "tokenize" ? () => Tokenize(payload) : () => Stj(payload);
            Func<object> ours = () => Ours(payload);
            Warm(stj);
            Warm(ours);
            var perSlice = OpsPerSlice(stj);
            var ratios = new double[rounds];
            var stjTimes = new double[rounds];
            var ourTimes = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first so a load change inside a round does not favour one side.
                double a, b;
                if (round % 2 == 0)
                {
                    a = Slice(stj, perSlice);
                    b = Slice(ours, perSlice);
                }
                else
                {
                    b = Slice(ours, perSlice);
                    a = Slice(stj, perSlice);
                }

                stjTimes[round] = a;
                ourTimes[round] = b;
                ratios[round] = b / a;
            }

            Array.Sort(ratios);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-14} ratio median {ratios[rounds / 2]:0.000}  quartiles {ratios[rounds / 4]:0.000}-{ratios[3 * rounds / 4]:0.000}  best {baseline} {stjTimes.Min():0.00} us  best ActionsGen {ourTimes.Min():0.00} us  ({rounds} rounds of {perSlice} reads)"));
        }

        return 0;
    }

    public static int Loop(string[] args)
    {
        var payload = Payload.All().First(p => p.Name == args[0]);
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var stopwatch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long reads = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++)
            {
                GC.KeepAlive(Ours(payload));
            }

            reads += 100;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reads} reads, {stopwatch.Elapsed.TotalMicroseconds / reads:0.00} us each, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)reads:0} bytes allocated each"));
        return 0;
    }

    // Boxed once per read, as the others return an object.
    private static object Tokenize(Payload payload)
    {
        var reader = new System.Text.Json.Utf8JsonReader(payload.Utf8);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    private static object Stj(Payload payload) => payload.Kind switch
    {
        PayloadKind.Runs => System.Text.Json.JsonSerializer.Deserialize(payload.Utf8, StjSourceGenContext.Default.WorkflowRunList)!,
        PayloadKind.Jobs => System.Text.Json.JsonSerializer.Deserialize(payload.Utf8, StjSourceGenContext.Default.JobList)!,
        _ => System.Text.Json.JsonSerializer.Deserialize(payload.Utf8, StjSourceGenContext.Default.Job)!,
    };

    private static object Ours(Payload payload) => payload.Kind switch
    {
        PayloadKind.Runs => ActionsJson.Deserialize<GitHub.Actions.WorkflowRunList>(payload.Utf8),
        PayloadKind.Jobs => ActionsJson.Deserialize<GitHub.Actions.JobList>(payload.Utf8),
        _ => ActionsJson.Deserialize<GitHub.Actions.Job>(payload.Utf8),
    };

    // Long enough for tiered compilation and PGO to reach the final code.
    private static void Warm(Func<object> read)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.ElapsedMilliseconds < 1500)
        {
            GC.KeepAlive(read());
        }
    }

    private static int OpsPerSlice(Func<object> read)
    {
        var stopwatch = Stopwatch.StartNew();
        var ops = 0;
        while (stopwatch.ElapsedMilliseconds < 40)
        {
            GC.KeepAlive(read());
            ops++;
        }

        return Math.Max(ops, 1);
    }

    // Microseconds of this thread's CPU time per read: time the thread spent descheduled (other builds on the
    // machine) is not counted, so only cache and memory-bus sharing remain as noise.
    private static double Slice(Func<object> read, int ops)
    {
        var start = ThreadCpuTime.Nanoseconds();
        for (var i = 0; i < ops; i++)
        {
            GC.KeepAlive(read());
        }

        return (ThreadCpuTime.Nanoseconds() - start) / 1000.0 / ops;
    }
}
