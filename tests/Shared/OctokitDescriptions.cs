using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ActionsGen.Testing;

/// <summary>Where a description is, or why it could not be had (a test then skips with <see cref="SkipReason"/>).</summary>
public sealed record DescriptionFile(string? Path, string? SkipReason)
{
    public bool Found => Path is not null;
}

/// <summary>
/// GitHub's OpenAPI descriptions for tests: the cuts checked in under tests/Fixtures/github, and the whole files of the
/// npm package @octokit/openapi, installed on first use into a cache folder outside the repository
/// (<c>ACTIONSGEN_NPM_CACHE</c>, default <c>~/.cache/actionsgen/npm</c>), the folder tests/Fixtures/github/make-cuts.sh uses.
/// </summary>
public static class OctokitDescriptions
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The folder npm installs each version into: <c>&lt;cache&gt;/octokit-openapi-&lt;version&gt;</c>.</summary>
    public static string CacheFolder(string version) => Path.Combine(
        Environment.GetEnvironmentVariable("ACTIONSGEN_NPM_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "actionsgen", "npm"),
        "octokit-openapi-" + version);

    /// <summary>
    /// The path of <paramref name="file"/> in @octokit/openapi@<paramref name="version"/>, installing the package with
    /// npm when the cache lacks it; when npm cannot be run or cannot reach its registry, no path and the reason.
    /// </summary>
    public static async Task<DescriptionFile> WholeDescriptionPathAsync(string version = "23.0.2", string file = "generated/api.github.com.json", TimeSpan? timeout = null)
    {
        var folder = CacheFolder(version);
        var path = Path.Combine(folder, "node_modules", "@octokit", "openapi", file);
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return new DescriptionFile(path, null);
            }

            var failure = await NpmInstallAsync(folder, "@octokit/openapi@" + version, timeout ?? TimeSpan.FromMinutes(3));
            return failure is not null ? new DescriptionFile(null, "skipped: " + failure)
                : File.Exists(path) ? new DescriptionFile(path, null)
                : new DescriptionFile(null, $"skipped: @octokit/openapi@{version} has no {file}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>A checked-in cut, e.g. <c>api.github.com.actions.json</c>: tests/Fixtures/github/&lt;name&gt; under the repository root.</summary>
    public static string FixturePath(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActionsGen.sln")))
            {
                var path = Path.Combine(directory.FullName, "tests", "Fixtures", "github", name);
                return File.Exists(path) ? path : throw new FileNotFoundException("No fixture " + name + " (see tests/Fixtures/github/README.md)", path);
            }
        }

        throw new InvalidOperationException("ActionsGen.sln not found above " + AppContext.BaseDirectory);
    }

    // Installs into a fresh sibling folder and moves it into place, so another process never sees half a package.
    private static async Task<string?> NpmInstallAsync(string folder, string package, TimeSpan timeout)
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
