using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ActionsGen.Benchmarks.Baselines;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Start-up cost: the first deserialization of the 100-run page in a fresh process (JIT included), measured in
/// child processes. `startup report [runs]` starts them and prints a table; `startup once LIBRARY` is one child.
/// </summary>
internal static class StartupHarness
{
    private static readonly string[] Libraries = { "stj-sourcegen", "actionsgen", "octokit", "newtonsoft", "tokenize" };

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "once")
        {
            return Once(args[1]);
        }

        var runs = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        Report(runs);
        return 0;
    }

    private static int Once(string library)
    {
        // Built before timing: the payload is the same for every library.
        var json = Payload.BuildRunsPage(100);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var timer = Stopwatch.StartNew();
        object result = library switch
        {
            "stj-sourcegen" => System.Text.Json.JsonSerializer.Deserialize(utf8, StjSourceGenContext.Default.WorkflowRunList)!,
            "actionsgen" => ActionsJson.Deserialize<GitHub.Actions.WorkflowRunList>(utf8),
            "octokit" => new Octokit.Internal.SimpleJsonSerializer().Deserialize<Octokit.WorkflowRunsResponse>(json),
            "newtonsoft" => Newtonsoft.Json.JsonConvert.DeserializeObject<WorkflowRunList>(json, NewtonsoftSettings.Instance)!,
            "tokenize" => Tokenize(utf8),
            _ => throw new ArgumentException("unknown library " + library),
        };
        timer.Stop();
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        GC.KeepAlive(result);
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        Console.WriteLine(FormattableString.Invariant($"{timer.Elapsed.TotalMilliseconds:F2} {methods} {jit.TotalMilliseconds:F2}"));
        return 0;
    }

    /// <summary>The floor under every reader here: the framework's tokenizer alone, building nothing.</summary>
    private static object Tokenize(byte[] utf8)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Whether the ActionsGen runtime this process loads carries precompiled (ReadyToRun) code, as the package's does.</summary>
    private static bool RuntimeIsPrecompiled()
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(typeof(ActionsJson).Assembly.Location));
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Report(int runs)
    {
        Console.WriteLine($"First deserialization of the 100-run page in a fresh process: median of {runs} processes.");
        Console.WriteLine("ActionsGen runtime: " + (RuntimeIsPrecompiled() ? "precompiled (ReadyToRun), as packed" : "IL only, not as packed (no precompiled image for this platform, or the build made none)") + ".");
        Console.WriteLine("tokenize: the framework's Utf8JsonReader over the page, building nothing (the floor).");
        Console.WriteLine();
        Console.WriteLine("| library | mode | first call (ms) | methods JIT-compiled | JIT during it, all threads (ms) | ratio to STJ source-gen |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (mode, readyToRun) in new[] { ("default (framework ReadyToRun)", "1"), ("no ReadyToRun (DOTNET_ReadyToRun=0)", "0") })
        {
            double? baseline = null;
            foreach (var library in Libraries)
            {
                var samples = new List<(double Ms, long Methods, double Jit)>();
                for (var i = 0; i < runs; i++)
                {
                    var start = SelfProcess.StartInfo("startup", "once", library);
                    start.Environment["DOTNET_ReadyToRun"] = readyToRun;
                    start.Environment["DOTNET_TieredPGO"] = "1";
                    using var process = Process.Start(start)!;
                    var output = process.StandardOutput.ReadToEnd().Trim().Split(' ');
                    process.WaitForExit();
                    samples.Add((double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture), double.Parse(output[2], CultureInfo.InvariantCulture)));
                }

                var median = Median(samples.Select(s => s.Ms));
                var methods = Median(samples.Select(s => s.Methods));
                var jit = Median(samples.Select(s => s.Jit));
                baseline ??= median;
                Console.WriteLine(FormattableString.Invariant($"| {library} | {mode} | {median:F1} | {methods} | {jit:F1} | {median / baseline.Value:F2} |"));
            }
        }
    }
}
