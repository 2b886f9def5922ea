using ActionsGen.Testing;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>
/// The baseline: Kiota's generated C# client, from the dotnet tool Microsoft.OpenApi.Kiota 1.38.0 (installed on first
/// use with <c>dotnet tool install --tool-path</c> into ~/.cache/actionsgen/tools) and the Microsoft.Kiota.* 1.22.1
/// libraries it calls.
/// </summary>
internal static class KiotaClient
{
    public const string ToolVersion = "1.38.0";
    public const string LibraryVersion = "1.22.1";
    public const string OutputFolder = "Kiota";

    // Kiota 1.38 names a C# parameter `base` for this path (CS1001 in the whole description): left out for Kiota only.
    // It is an alias of /repos/{owner}/{repo}/compare/{basehead}, which stays.
    public const string ExcludedPath = "/repos/{owner}/{repo}/compare/{base}...{head}";

    private static readonly string[] Libraries =
    {
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart",
    };

    public static async Task<string> InstallToolAsync()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "actionsgen", "tools", "kiota-" + ToolVersion);
        var kiota = Path.Combine(folder, OperatingSystem.IsWindows() ? "kiota.exe" : "kiota");
        if (!File.Exists(kiota))
        {
            var install = await DotNetCli.RunAsync(Path.GetTempPath(), new[] { "tool", "install", "Microsoft.OpenApi.Kiota", "--version", ToolVersion, "--tool-path", folder });
            ConsumerProject.Require(install, "dotnet tool install Microsoft.OpenApi.Kiota " + ToolVersion);
        }

        return kiota;
    }

    /// <summary>Generates the client into the project's <see cref="OutputFolder"/> and references the libraries it needs.</summary>
    public static async Task GenerateAsync(string kiota, ConsumerProject project, string description)
    {
        var output = Path.Combine(project.Directory, OutputFolder);
        var generate = await ProcessRunner.RunAsync(kiota, "generate", "-l", "CSharp", "--ll", "Error", "-d", description, "-o", output,
            "-c", "GitHubClient", "-n", "GitHub.Kiota", "--exclude-backward-compatible", "--clean-output", "-e", ExcludedPath);
        ConsumerProject.Require(generate, "kiota generate");
        project.AddToProject("<ItemGroup>" + string.Concat(Libraries.Select(l => $"<PackageReference Include=\"{l}\" Version=\"{LibraryVersion}\" />")) + "</ItemGroup>");
    }

    public static IEnumerable<string> Files(ConsumerProject project) =>
        Directory.EnumerateFiles(Path.Combine(project.Directory, OutputFolder), "*.cs", SearchOption.AllDirectories);
}
