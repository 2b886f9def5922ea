using BenchmarkDotNet.Running;

namespace ActionsGen.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "startup")
        {
            return StartupHarness.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "build-cost")
        {
            BuildCost.BuildCostOptions options;
            try
            {
                options = BuildCost.BuildCostOptions.Parse(args.Skip(1).ToArray());
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            return BuildCost.BuildCostReport.RunAsync(options).GetAwaiter().GetResult();
        }

        if (args.Length == 3 && args[0] == "compile-cost")
        {
            return BuildCost.CompilerCost.RunChild(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length > 0 && args[0] == "aot-report")
        {
            var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            return PackageReports.AotReportAsync(runs).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "load-report")
        {
            return LoadReport.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "simulator")
        {
            return SimulatorReport.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "generator-cold")
        {
            return GeneratorColdStart.Run(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "generated-stats")
        {
            return GeneratedStats.Run(args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null);
        }

        if (args.Length > 0 && args[0] == "ratio")
        {
            return InterleavedRatio.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "loop")
        {
            return InterleavedRatio.Loop(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "drift-check")
        {
            return DriftReport.RunAsync(args.Skip(1).ToArray()).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "serve-pages")
        {
            return PagesServer.RunAsync().GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
