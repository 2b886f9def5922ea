using System.Text;
using ActionsGen.Generator.Naming;
using ActionsGen.Generator.Tests.Infrastructure;

namespace ActionsGen.Generator.Tests;

public partial class NamingTests
{
    [Theory]
    [InlineData("workflow-run", "WorkflowRun")]
    [InlineData("head_sha", "HeadSha")]
    [InlineData("UBUNTU", "Ubuntu")]
    [InlineData("nodeId", "NodeId")]
    [InlineData("html_url", "HtmlUrl")]
    [InlineData("+1", "Plus1")]
    [InlineData("-1", "Minus1")]
    [InlineData("1st", "_1st")]
    [InlineData("event", "Event")]
    [InlineData("", "Value")]
    [InlineData("***", "Value")]
    [InlineData("a.b/c d", "ABCD")]
    [InlineData("café_au_lait", "CaféAuLait")]
    public void Spec_names_become_PascalCase_identifiers(string name, string expected)
    {
        Assert.Equal(expected, Identifiers.Pascal(name));
    }

    [Theory]
    [InlineData("event", "@event")]
    [InlineData("class", "@class")]
    [InlineData("per_page", "perPage")]
    public void Parameter_names_are_camelCase_and_keywords_are_escaped(string name, string expected)
    {
        Assert.Equal(expected, Identifiers.Camel(name));
    }

    [Fact]
    public void Awkward_names_generate_valid_unique_identifiers_that_compile()
    {
        var spec = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                thing:
                  type: object
                  required: [class]
                  properties:
                    class: {type: string}
                    event: {type: string}
                    head_sha: {type: string}
                    headSha: {type: string}
                    thing: {type: string}
                    ToString: {type: string}
                    "+1": {type: integer}
                    "-1": {type: integer}
                    2fa: {type: boolean}
                    "": {type: string}
                reaction:
                  type: string
                  enum: ["+1", "-1", "laugh", "Laugh", "1st", "value", ""]
                Thing:
                  type: object
                  properties:
                    x: {type: string}
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var sources = run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var thing = sources["GitHub.Actions.Thing2.g.cs"];
        foreach (var member in new[] { "Class", "Event", "HeadSha", "HeadSha2", "Thing", "ToString2", "Plus1", "Minus1", "_2fa", "Value" })
        {
            Assert.Contains($" {member} {{ get => ", thing);
        }

        Assert.Contains("GitHub.Actions.Thing.g.cs", sources.Keys);
        var reaction = sources["GitHub.Actions.Reaction.g.cs"];
        foreach (var member in new[] { "Plus1", "Minus1", "Laugh", "Laugh2", "_1st", "Value2" })
        {
            Assert.Contains($" {member} => ", reaction);
        }
    }

    [Fact]
    public void Type_names_differ_in_more_than_case_so_their_files_do()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HostileSpecs", "44-names-differing-in-case-or-punctuation.yaml"));
        var (run, output, compile) = GeneratorHarness.Generate(text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenSchemas"] = "all" });

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile);
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // Components in key order (FOOBAR, foo-bar, foo.bar, foobar): the first keeps its name, later ones get the next free suffix.
        string[] Names(params string[] names) => names.Where(n => output.GetTypeByMetadataName("GitHub.Actions." + n) is not null).ToArray();
        Assert.Equal(new[] { "Foobar", "FooBar2", "FooBar3", "Foobar4" }, Names("Foobar", "FooBar", "FooBar2", "FooBar3", "Foobar4"));
        Assert.Equal(new[] { "Actionsclient2", "Actionsjsontypeinforesolver2", "ActionsClientServiceCollectionExtensions2" }, Names("Actionsclient2", "Actionsjsontypeinforesolver2", "ActionsClientServiceCollectionExtensions2"));
    }

    [Fact]
    public void A_hint_name_past_the_bound_keeps_a_readable_start_and_ends_in_a_stable_hash()
    {
        var name = new string('A', 300);

        var hint = HintNames.Of("GitHub.Actions", name);

        // FNV-1a of the UTF-8 of "GitHub.Actions.AAA…": the same in every process (string.GetHashCode is not).
        Assert.Equal("GitHub.Actions." + new string('A', 123) + "-b9e67c63d934205f.g.cs", hint);
        Assert.Equal(HintNames.MaxBytes, Encoding.UTF8.GetByteCount(hint));
        Assert.NotEqual(hint, HintNames.Of("GitHub.Actions", name + "B"));
        Assert.Equal("GitHub.Actions.WorkflowRun.g.cs", HintNames.Of("GitHub.Actions", "WorkflowRun"));
    }

    [Theory]
    [InlineData("é", 130)]
    [InlineData("\U0001D49C", 80)]
    public void A_hint_name_is_cut_between_characters_and_bounded_in_UTF8_bytes(string letter, int count)
    {
        var hint = HintNames.Of("GitHub.Actions", string.Concat(Enumerable.Repeat(letter, count)));

        Assert.True(Encoding.UTF8.GetByteCount(hint) <= HintNames.MaxBytes, hint);
        Assert.Equal(hint, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(hint)));
        Assert.EndsWith(".g.cs", hint);
    }
}
