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

        if (args.Length > 0 && args[0] == "serve-pages")
        {
            return PagesServer.RunAsync().GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
