using System.Runtime.InteropServices;
using ActionsGen.Testing;

namespace ActionsGen.Benchmarks;

/// <summary>
/// Whole-process figures for the package as users get it (not BenchmarkDotNet: they time builds and processes):
/// `aot-report [runs]` (`build-cost` is BuildCost/BuildCostReport). It packs ActionsGen into a local feed and creates fresh projects.
/// </summary>
internal static class PackageReports
{
    public static async Task<int> AotReportAsync(int runs)
    {
        var feed = await PackageFeed.PackAsync();
        var rid = RuntimeInformation.RuntimeIdentifier;
        using var aot = await ConsumerProject.CreateAsync(feed, "AotConsumer");
        aot.AddToProject("<PropertyGroup><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>");
        aot.WriteFile("Program.cs", AotPrograms.Consumer);
        using var jit = await ConsumerProject.CreateAsync(feed, "JitConsumer");
        jit.WriteFile("Program.cs", AotPrograms.Consumer);
        using var octokit = await ConsumerProject.CreateAsync(feed, "OctokitConsumer", addPackage: false);
        ConsumerProject.Require(await DotNetCli.RunAsync(octokit.Directory, new[] { "add", "package", "Octokit", "--version", "14.0.0" }), "add Octokit");
        octokit.WriteFile("Program.cs", AotPrograms.Octokit);

        ConsumerProject.Require(await DotNetCli.RunAsync(aot.Directory, new[] { "publish", "-c", "Release", "-r", rid, "-o", "publish" }, TimeSpan.FromMinutes(10)), "AOT publish");
        ConsumerProject.Require(await DotNetCli.RunAsync(jit.Directory, new[] { "publish", "-c", "Release", "-o", "publish" }), "publish");
        ConsumerProject.Require(await DotNetCli.RunAsync(octokit.Directory, new[] { "publish", "-c", "Release", "-o", "publish" }), "publish");

        await using var server = await LoopbackServer.StartAsync(request =>
            request.Path.EndsWith("/actions/jobs/399444496", StringComparison.Ordinal) ? Reply.Json(SpecExamples.Get("actions/get-job-for-workflow-run 200"))
            : request.Path.EndsWith("/actions/runs", StringComparison.Ordinal) ? Reply.Json(SpecExamples.Get("actions/list-workflow-runs-for-repo 200"))
            : Reply.NoBody(404));
        // Octokit.net sends a non-github.com host to /api/v3/: serve both roots.
        var api = server.BaseAddress.ToString();
        var rows = new[]
        {
            ("ActionsGen, Native AOT", Path.Combine(aot.Directory, "publish", "AotConsumer"), PublishSize(aot, "AotConsumer")),
            ("ActionsGen, JIT (framework-dependent)", Path.Combine(jit.Directory, "publish", "JitConsumer"), PublishSize(jit, "JitConsumer")),
            ("Octokit.net 14, JIT (framework-dependent)", Path.Combine(octokit.Directory, "publish", "OctokitConsumer"), PublishSize(octokit, "OctokitConsumer")),
        };

        Console.WriteLine($"The same calls (get a job, list the runs, {rid}) against a loopback server: process start to exit, median of {runs}.");
        Console.WriteLine();
        Console.WriteLine("| consumer | size on disk | start to exit (ms) | ratio to Octokit |");
        Console.WriteLine("|---|---:|---:|---:|");
        var results = new List<(string Name, long Size, double Ms)>();
        foreach (var (name, binary, size) in rows)
        {
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var run = await ProcessRunner.RunAsync(binary, api);
                if (run.ExitCode != 0 || !run.Output.Contains("runs: 1", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(name + " failed:\n" + run.Output);
                }

                times.Add(run.Elapsed.TotalMilliseconds);
            }

            results.Add((name, size, Median(times)));
        }

        foreach (var (name, size, ms) in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {name} | {size / 1024.0 / 1024.0:F1} MB | {ms:F0} | {ms / results[^1].Ms:F2} |"));
        }

        return 0;
    }

    // What ships: the native binary alone, or the app's own assemblies and its dependencies (the runtime is shared).
    private static long PublishSize(ConsumerProject project, string name)
    {
        var folder = Path.Combine(project.Directory, "publish");
        var native = Path.Combine(folder, name);
        return File.Exists(Path.Combine(folder, name + ".dll"))
            ? Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length)
            : new FileInfo(native).Length;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
