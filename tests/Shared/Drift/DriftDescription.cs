using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActionsGen.Testing.Drift;

/// <summary>
/// One of GitHub's current descriptions in npm @octokit/openapi, cut to the operations of spec/actions.yaml by
/// tests/Fixtures/github/cut.mjs (the script the checked-in fixtures were cut with).
/// </summary>
public sealed record DriftDescription(string Name, string PackageVersion, string File)
{
    /// <summary>The newest @octokit/openapi (23.0.2) for api.github.com, GHEC and GHES 3.17/3.19; GHES 3.8 was last published in 14.0.0.</summary>
    public static readonly IReadOnlyList<DriftDescription> All =
    [
        new("api.github.com", "23.0.2", "generated/api.github.com.json"),
        new("ghec", "23.0.2", "generated/ghec.json"),
        new("ghes-3.17", "23.0.2", "generated/ghes-3.17.json"),
        new("ghes-3.19", "23.0.2", "generated/ghes-3.19.json"),
        new("ghes-3.8", "14.0.0", "generated/ghes-3.8.json"),
    ];

    /// <summary>The descriptions named in <paramref name="names"/> (all when none is named).</summary>
    public static IReadOnlyList<DriftDescription> Named(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? All : names.Select(n => All.FirstOrDefault(d => d.Name == n)
            ?? throw new ArgumentException($"no description '{n}': one of {string.Join(", ", All.Select(d => d.Name))}")).ToArray();

    /// <summary>The operationIds of spec/actions.yaml, as tests/Fixtures/github/make-cuts.sh reads them.</summary>
    public static IReadOnlyList<string> SpecOperationIds()
    {
        // The REST operations only: the operationIds under the top-level `paths:` key (x-webhooks have their own).
        var text = System.IO.File.ReadAllText(Path.Combine(OctokitDescriptions.RepositoryRoot(), "spec", "actions.yaml"));
        var paths = Regex.Match(text, @"^paths:\s*$(.*?)(?=^\S|\z)", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(paths, @"^\s*operationId:\s*(\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
    }

    /// <summary>
    /// Installs the package when the cache lacks it and writes the cut into <paramref name="folder"/>; no cut and the
    /// reason when npm or its registry is unavailable.
    /// </summary>
    public async Task<(Cut? Cut, string? SkipReason)> CutAsync(string folder)
    {
        var whole = await OctokitDescriptions.WholeDescriptionPathAsync(PackageVersion, File, TimeSpan.FromMinutes(5));
        if (!whole.Found)
        {
            return (null, whole.SkipReason);
        }

        var ids = Path.Combine(folder, Name + ".operations.txt");
        await System.IO.File.WriteAllLinesAsync(ids, SpecOperationIds());
        var cut = Path.Combine(folder, Name + ".actions.json");
        var run = await ProcessRunner.RunAsync("node", OctokitDescriptions.FixturePath("cut.mjs"), whole.Path!, ids, cut, $"npm @octokit/openapi@{PackageVersion}, {File}");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("cut.mjs failed on " + whole.Path + ": " + run.Output);
        }

        using var document = JsonDocument.Parse(await System.IO.File.ReadAllBytesAsync(cut));
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(method => method.Value.ValueKind == JsonValueKind.Object && method.Value.TryGetProperty("operationId", out _))
            .Select(method => method.Value.GetProperty("operationId").GetString()!)
            .ToHashSet();
        return (new Cut(this, cut, described), null);
    }

    /// <summary>A cut on disk and the operationIds it describes.</summary>
    public sealed record Cut(DriftDescription Description, string Path, IReadOnlySet<string> Operations);
}
