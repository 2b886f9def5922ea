using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ActionsGen.Testing;

/// <summary>
/// npm packages tests use, installed on first use into a cache folder outside the repository
/// (<c>ACTIONSGEN_NPM_CACHE</c>, default <c>~/.cache/actionsgen/npm</c>): one folder per package and version,
/// <c>&lt;cache&gt;/&lt;scope&gt;-&lt;name&gt;-&lt;version&gt;</c> (the folder tests/Fixtures/github/make-cuts.sh uses).
/// </summary>
public static class NpmCache
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The cache root.</summary>
    public static string Root => Environment.GetEnvironmentVariable("ACTIONSGEN_NPM_CACHE") is { Length: > 0 } cache
        ? cache
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "actionsgen", "npm");

    /// <summary>The folder npm installs <paramref name="package"/>@<paramref name="version"/> into, e.g. <c>&lt;cache&gt;/octokit-openapi-23.0.2</c>.</summary>
    public static string Folder(string package, string version) =>
        Path.Combine(Root, package.TrimStart('@').Replace('/', '-') + "-" + version);

    /// <summary>
    /// The path of <paramref name="file"/> inside <paramref name="package"/>@<paramref name="version"/>, installing the
    /// package with npm when the cache lacks it; when npm cannot be run or cannot reach its registry, no path and the reason.
    /// </summary>
    public static async Task<DescriptionFile> FileAsync(string package, string version, string file, TimeSpan timeout)
    {
        var folder = Folder(package, version);
        var path = Path.Combine(folder, "node_modules", package, file);
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return new DescriptionFile(path, null);
            }

            var failure = await InstallAsync(folder, package + "@" + version, timeout);
            return failure is not null ? new DescriptionFile(null, "skipped: " + failure)
                : File.Exists(path) ? new DescriptionFile(path, null)
                : new DescriptionFile(null, $"skipped: {package}@{version} has no {file}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    // Installs into a fresh sibling folder and moves it into place, so another process never sees half a package.
    private static async Task<string?> InstallAsync(string folder, string package, TimeSpan timeout)
    {
        var staging = folder + ".installing-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        try
        {
            var (exitCode, output) = await RunNpmAsync(staging, timeout, "install", "--prefix", staging, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", package);
            if (exitCode != 0)
            {
                return "npm could not reach its registry: npm install " + package + " exited with " + exitCode + ": " + LastLines(output);
            }

            if (!Directory.Exists(folder))
            {
                Directory.Move(staging, folder);
            }

            return null;
        }
        catch (Win32Exception e)
        {
            return "npm could not be started (is Node.js installed?): " + e.Message;
        }
        catch (TimeoutException e)
        {
            return "npm could not reach its registry: " + e.Message;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNpmAsync(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("npm " + string.Join(' ', arguments) + " did not finish in " + timeout.TotalSeconds + " s");
        }

        return (process.ExitCode, new StringBuilder(await output).Append(await error).ToString());
    }

    private static string LastLines(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(4));
}
