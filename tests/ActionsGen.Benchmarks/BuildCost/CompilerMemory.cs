using System.Globalization;
using ActionsGen.Testing;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>
/// Peak memory of the C# compiler in one build: the build runs with <c>-p:UseSharedCompilation=false</c>, so csc is a
/// process of its own instead of a request to the shared VBCSCompiler server, and /proc is polled every 50 ms for the
/// largest <c>VmHWM</c> (peak resident set, kept by the kernel, so a poll after the peak still sees it) of every csc
/// (or VBCSCompiler) process started under the build's folder (an ancestor's working directory is the project).
/// Linux only; elsewhere the figure is absent.
/// </summary>
internal static class CompilerMemory
{
    // The SDK starts its apphost (Roslyn/bincore/csc) or, on older SDKs, "dotnet csc.dll".
    private static readonly HashSet<string> CompilerNames = new(StringComparer.Ordinal) { "csc", "csc.dll", "csc.exe", "VBCSCompiler", "VBCSCompiler.dll", "VBCSCompiler.exe" };

    public static async Task<(CliResult Build, long? PeakBytes)> MeasureAsync(string projectDirectory, Func<Task<CliResult>> build)
    {
        var directory = Path.GetFullPath(projectDirectory).TrimEnd('/');
        long? peak = null;
        var running = build();
        while (!running.IsCompleted)
        {
            if (OperatingSystem.IsLinux())
            {
                foreach (var pid in CompilerProcesses(directory))
                {
                    var hwm = PeakResidentBytes(pid);
                    if (hwm is { } bytes && bytes > (peak ?? 0))
                    {
                        peak = bytes;
                    }
                }
            }

            await Task.WhenAny(running, Task.Delay(50));
        }

        return (await running, peak);
    }

    private static IEnumerable<int> CompilerProcesses(string directory)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read($"/proc/{pid}/cmdline") is { } cmdline
                && cmdline.Split('\0').Take(2).Any(argument => CompilerNames.Contains(Path.GetFileName(argument)))
                && StartedUnder(pid, directory))
            {
                yield return pid;
            }
        }
    }

    private static bool StartedUnder(int pid, string directory)
    {
        for (var current = pid; current > 1;)
        {
            try
            {
                if (string.Equals(new DirectoryInfo($"/proc/{current}/cwd").LinkTarget?.TrimEnd('/'), directory, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces or parentheses, so read after the last ')'.
            var stat = Read($"/proc/{current}/stat");
            var fields = stat?[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields is null || fields.Length < 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out current))
            {
                return false;
            }
        }

        return false;
    }

    private static long? PeakResidentBytes(int pid)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
