using ActionsGen.Generator.Tests.Infrastructure;

namespace ActionsGen.Generator.Tests;

public class SnapshotTests
{
    [Fact]
    public void Every_file_generated_from_the_checked_in_spec_matches_its_snapshot()
    {
        var (run, _, _) = GeneratorHarness.Generate(File.ReadAllText(GeneratorHarness.SpecPath));

        var files = run.Results.Single().GeneratedSources.ToDictionary(
            s => s.HintName[..^".cs".Length],
            s => s.SourceText.ToString());
        Snapshot.Verify(Snapshot.Directory(), files);
    }
}
