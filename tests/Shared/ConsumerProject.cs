namespace ActionsGen.Testing;

/// <summary>
/// ActionsGen packed into a local folder feed with a version of its own (so the NuGet cache never serves a stale
/// copy), and brand-new projects outside the repository that add it from there.
/// </summary>
public sealed class PackageFeed
{
    private PackageFeed(string folder, string version, string package)
    {
        Folder = folder;
        Version = version;
        Package = package;
    }

    public string Folder { get; }

    public string Version { get; }

    /// <summary>The .nupkg file.</summary>
    public string Package { get; }

    public static async Task<PackageFeed> PackAsync()
    {
        var folder = Directory.CreateTempSubdirectory("actionsgen-feed-").FullName;
        var version = "0.1.0-local." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var result = await DotNetCli.RunAsync(DotNetCli.RepositoryRoot(), new[] { "pack", "runtime/ActionsGen.Runtime/ActionsGen.Runtime.csproj", "-c", "Release", "-o", folder, "-p:Version=" + version });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
        }

        return new PackageFeed(folder, version, Path.Combine(folder, "ActionsGen." + version + ".nupkg"));
    }
}

/// <summary>
/// A project in a temporary folder, created with <c>dotnet new</c> from a template (<c>console</c> unless told, e.g.
/// <c>web</c> for an ASP.NET Core app), that uses the package.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static async Task<ConsumerProject> CreateAsync(PackageFeed feed, string name = "Consumer", bool addPackage = true, string template = "console")
    {
        var root = System.IO.Directory.CreateTempSubdirectory("actionsgen-consumer-").FullName;
        // The local feed first; the machine's own sources stay (no <clear/>) for anything else a build needs.
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="actionsgen-local" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """);
        var created = await DotNetCli.RunAsync(root, new[] { "new", template, "-n", name, "-o", name, "--framework", "net10.0" });
        Require(created, "dotnet new " + template);
        var project = new ConsumerProject(Path.Combine(root, name), name);
        if (addPackage)
        {
            Require(await DotNetCli.RunAsync(project.Directory, new[] { "add", "package", "ActionsGen", "--version", feed.Version }), "dotnet add package");
        }

        return project;
    }

    public Task<CliResult> BuildAsync(params string[] extra) =>
        DotNetCli.RunAsync(Directory, new[] { "build", "-c", "Release", "--nologo" }.Concat(extra));

    public Task<CliResult> RunAsync(params string[] arguments) =>
        DotNetCli.RunAsync(Directory, new[] { "run", "-c", "Release", "--no-build", "--" }.Concat(arguments));

    public void WriteFile(string relativePath, string text) => File.WriteAllText(Path.Combine(Directory, relativePath), text);

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Adds XML inside the project's root element, before its end.</summary>
    public void AddToProject(string xml)
    {
        var text = File.ReadAllText(ProjectFile);
        File.WriteAllText(ProjectFile, text.Replace("</Project>", xml + "\n</Project>", StringComparison.Ordinal));
    }

    public static void Require(CliResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(what + " failed (exit " + result.ExitCode + "):\n" + result.Output);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
