using System.Text.Json.Nodes;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Xunit.Abstractions;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// The drift corpus over GitHub's own description (the cuts under tests/Fixtures/github): every response example, each
/// member removed, null, of another JSON type, each date-time unparseable, each list given a null item, read with the
/// model generated from the cut. GitHub's examples drift already (its job examples lack the required <c>created_at</c>):
/// the oracle expects that in every mutation of them too.
/// </summary>
public class GitHubDriftCorpusTests(ITestOutputHelper output)
{
    // Mutations the reader gets wrong, by "key: mutation", each with why: none known.
    private static readonly Dictionary<string, string> Skips = new();

    // How many 2xx examples with a value each cut has (the api.github.com cut also has actions/get-workflow-run-usage).
    [Theory]
    [InlineData("api.github.com.actions.json", 11)]
    [InlineData("ghes-3.8.actions.json", 10)]
    public void Every_mutation_of_every_response_example_in_a_cut_of_GitHubs_description_reads_as_the_oracle_expects(string fixture, int examples)
    {
        var assembly = CompiledCuts.Load(fixture);
        var corpus = new DriftCorpus(JsonNode.Parse(File.ReadAllText(OctokitDescriptions.FixturePath(fixture)))!);
        var tally = new DriftTally();
        var read = 0;
        foreach (var example in corpus.ResponseExamples())
        {
            var reader = DriftReaders.ForOperation(assembly, example.OperationId);
            Assert.True(reader is not null, example.Key + ": the generated method returns no JSON model");
            var mutations = corpus.Mutations(example.Schema, example.Example).ToList();

            tally.Replay(example.Key, mutations, reader.Value.Read, Skips);

            output.WriteLine($"{example.Key} as {reader.Value.Model.Name}: {mutations.Count} mutations, {mutations.Count(m => m.Drifts)} drift; as given: [{string.Join(", ", mutations[0].Expected)}]");
            read++;
        }

        output.WriteLine($"{fixture}: {read} examples; {tally}");
        Assert.True(tally.Failures.Count == 0, string.Join(Environment.NewLine, tally.Failures.Take(40)));
        Assert.Equal(examples, read);
        Assert.True(tally.Drifting >= 2000, tally.ToString());
    }

    [Fact]
    public void GitHubs_job_examples_lack_created_at_and_the_mutations_of_them_expect_it_missing_where_the_job_is_still_read()
    {
        var corpus = new DriftCorpus(JsonNode.Parse(File.ReadAllText(OctokitDescriptions.FixturePath("api.github.com.actions.json")))!);
        var jobs = corpus.ResponseExamples().Single(e => e.Key == "actions/list-jobs-for-workflow-run 200 default");

        var mutations = corpus.Mutations(jobs.Schema, jobs.Example).ToList();

        Assert.Equal(["$.jobs[0].created_at missing"], mutations[0].Expected);
        Assert.Contains(mutations, m => m.Name == "$.jobs[0].name = 12345" && m.Expected.SequenceEqual(["$.jobs[0].name wrong_type", "$.jobs[0].created_at missing"]));
        Assert.Contains(mutations, m => m.Name == "$.jobs[0] inserted null" && m.Expected.SequenceEqual(["$.jobs[0] null_element", "$.jobs[1].created_at missing"]));
        // A list of another type is left out whole: the job that lacked created_at is no longer read.
        Assert.Contains(mutations, m => m.Name == "$.jobs = \"x\"" && m.Expected.SequenceEqual(["$.jobs wrong_type"]));
    }
}
