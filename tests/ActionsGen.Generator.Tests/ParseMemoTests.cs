using ActionsGen.Generator.Model;
using ActionsGen.Generator.Tests.Infrastructure;

namespace ActionsGen.Generator.Tests;

/// <summary>The process-wide parse memo: its entries are shared by every test, so these run alone.</summary>
[Collection(ProcessWideState.Name)]
public class ParseMemoTests
{
    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);

    [Fact]
    public void A_new_build_of_an_unchanged_spec_reuses_the_parse_of_an_earlier_one_and_an_edit_parses_again()
    {
        // Each build on the compiler server starts a new driver: the parse is remembered by the process (ParseMemo).
        var spec = Spec.Replace("title: 'GitHub Actions", "title: 'memo " + Guid.NewGuid().ToString("N") + " GitHub Actions");
        var compilation = GeneratorHarness.Compilation("class A { }");
        object ParseOutput(string text) =>
            GeneratorHarness.Driver(text).RunGenerators(compilation).GetRunResult().Results.Single().TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Value;

        var first = ParseOutput(spec);
        var second = ParseOutput(spec);
        var edited = ParseOutput(spec.Replace("The name of the job.", "The job's name."));

        Assert.NotNull(((ParseResult)first).Model);
        Assert.Same(first, second);
        Assert.NotSame(first, edited);
        Assert.NotEqual(first, edited);
    }
}
