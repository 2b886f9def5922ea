using ActionsGen.Testing;

namespace ActionsGen.Benchmarks.BuildCost;

/// <summary>A description both clients are generated from: its file, or why it could not be had.</summary>
internal sealed record BuildCostInput(string Name, string Label, string? Path, string? SkipReason)
{
    /// <summary>Longest a build of this input may take before its cell reads "failed (timed out)".</summary>
    public TimeSpan BuildTimeout => Name == "whole" ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(5);

    public static async Task<BuildCostInput> ResolveAsync(string name)
    {
        switch (name)
        {
            case "spec":
                return new(name, "spec/actions.yaml (the built-in spec)", System.IO.Path.Combine(DotNetCli.RepositoryRoot(), "spec", "actions.yaml"), null);
            case "cut":
                return new(name, "GitHub's 23-operation cut (tests/Fixtures/github/api.github.com.actions.json)", OctokitDescriptions.FixturePath("api.github.com.actions.json"), null);
            default:
                var whole = await OctokitDescriptions.WholeDescriptionPathAsync("23.0.2", "generated/api.github.com.json", TimeSpan.FromMinutes(5));
                return new(name, "whole api.github.com description (@octokit/openapi 23.0.2)", whole.Path, whole.SkipReason);
        }
    }
}
