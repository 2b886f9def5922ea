using System.Diagnostics;
using System.Text;

namespace ActionsGen.Testing;

/// <summary>Runs a program to its end and returns its exit code, output and wall time.</summary>
public static class ProcessRunner
{
    public static async Task<CliResult> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        watch.Stop();
        return new CliResult(process.ExitCode, new StringBuilder(await output).Append(await error).ToString(), watch.Elapsed);
    }
}
