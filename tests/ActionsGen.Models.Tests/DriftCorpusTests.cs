using GitHub.Actions;
using Xunit.Abstractions;

namespace ActionsGen.Models.Tests;

/// <summary>
/// The drift corpus over the spec's own response examples: each member of each example removed, null, of another JSON
/// type, each date-time unparseable, each list given a null item, read with the model generated for the operation.
/// </summary>
public class DriftCorpusTests(ITestOutputHelper output)
{
    private static readonly DriftCorpus Corpus = new(SpecExamples.Document);

    // Mutations the reader gets wrong, by "key: mutation", each with why: none known.
    private static readonly Dictionary<string, string> Skips = new();

    public static TheoryData<string> ExampleKeys() => new(Corpus.ResponseExamples().Select(e => e.Key));

    [Fact]
    public void The_corpus_walks_every_response_example_of_the_spec()
    {
        var responses = SpecExamples.Examples.Keys.Where(k => !k.EndsWith(" request", StringComparison.Ordinal));

        Assert.Equal(responses.Order(), Corpus.ResponseExamples().Select(e => e.Key).Order());
        Assert.All(Corpus.ResponseExamples(), e => Assert.Equal(SpecExamples.Get(e.Key), e.Example.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(ExampleKeys))]
    public void Every_mutation_of_a_response_example_reads_leniently_with_the_expected_deviations_and_strictly_fails_at_the_first(string key)
    {
        var example = Corpus.ResponseExamples().Single(e => e.Key == key);
        var reader = DriftReaders.ForOperation(typeof(Job).Assembly, example.OperationId);
        Assert.NotNull(reader);
        var tally = new DriftTally();

        tally.Replay(key, Corpus.Mutations(example.Schema, example.Example), reader.Value.Read, Skips);

        output.WriteLine($"{key} as {reader.Value.Model.Name}: {tally}");
        Assert.True(tally.Failures.Count == 0, string.Join(Environment.NewLine, tally.Failures.Take(40)));
        Assert.True(tally.Drifting >= 10, $"{key}: only {tally.Drifting} mutations drift");
    }

    [Fact]
    public void The_corpus_of_the_spec_holds_thousands_of_mutations_most_of_them_drift()
    {
        var mutations = Corpus.ResponseExamples().SelectMany(e => Corpus.Mutations(e.Schema, e.Example)).ToList();
        var drifting = mutations.Count(m => m.Drifts);

        output.WriteLine($"{mutations.Count} mutations, {drifting} of them drift, {mutations.Sum(m => m.Expected.Count)} deviations expected in all");
        Assert.True(mutations.Count >= 2000, $"only {mutations.Count} mutations");
        Assert.True(drifting >= 1500, $"only {drifting} mutations drift");
        Assert.Contains(mutations, m => m.Expected.Any(d => d.EndsWith(" null_element", StringComparison.Ordinal)));
        Assert.Contains(mutations, m => m.Expected.Any(d => d.EndsWith(" invalid_format", StringComparison.Ordinal)));
    }
}
