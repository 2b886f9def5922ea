namespace ActionsGen.Testing;

/// <summary>Where a description (or another file of an npm package) is, or why it could not be had (a test then skips with <see cref="SkipReason"/>).</summary>
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
    /// <summary>The folder npm installs each version into: <c>&lt;cache&gt;/octokit-openapi-&lt;version&gt;</c>.</summary>
    public static string CacheFolder(string version) => NpmCache.Folder("@octokit/openapi", version);

    /// <summary>
    /// The path of <paramref name="file"/> in @octokit/openapi@<paramref name="version"/>, installing the package with
    /// npm when the cache lacks it; when npm cannot be run or cannot reach its registry, no path and the reason.
    /// </summary>
    public static Task<DescriptionFile> WholeDescriptionPathAsync(string version = "23.0.2", string file = "generated/api.github.com.json", TimeSpan? timeout = null) =>
        NpmCache.FileAsync("@octokit/openapi", version, file, timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>A checked-in cut, e.g. <c>api.github.com.actions.json</c>: tests/Fixtures/github/&lt;name&gt; under the repository root.</summary>
    public static string FixturePath(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Fixtures", "github", name);
        return File.Exists(path) ? path : throw new FileNotFoundException("No fixture " + name + " (see tests/Fixtures/github/README.md)", path);
    }

    /// <summary>The folder holding ActionsGen.sln, found above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActionsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ActionsGen.sln not found above " + AppContext.BaseDirectory);
    }
}
