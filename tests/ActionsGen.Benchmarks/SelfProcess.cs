using System.Diagnostics;

namespace ActionsGen.Benchmarks;

/// <summary>Starts this benchmark program again as a child process (fresh JIT, or a server out of the measured process).</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
