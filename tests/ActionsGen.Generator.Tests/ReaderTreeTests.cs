using System.Text.RegularExpressions;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Parsing;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using SharpYaml;
using SharpYaml.Serialization;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// The tree the JSON scan builds for the OpenAPI reader must be the one SharpYaml parses from the blanked text, node for
/// node and style for style, and read into the same document; text SharpYaml would refuse gets no tree, and a tree that
/// reads with errors leaves the errors to the text path.
/// </summary>
public class ReaderTreeTests
{
    private static readonly OpenApiReaderSettings Settings = new() { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };

    [Theory]
    [InlineData("api.github.com.actions.json")]
    [InlineData("ghes-3.8.actions.json")]
    public void The_tree_of_GitHubs_description_is_the_one_SharpYaml_parses_and_reads_into_the_same_document(string fixture)
    {
        AssertSameTreeAndDocument(File.ReadAllText(OctokitDescriptions.FixturePath(fixture)));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    public void The_tree_of_the_checked_in_spec_as_json_is_the_one_SharpYaml_parses(bool indented, bool crlf, bool tabs)
    {
        var json = JsonScanTests.ToJson(File.ReadAllText(GeneratorHarness.SpecPath), indented);
        json = tabs ? Regex.Replace(json, "(?m)^(  )+", m => new string('\t', m.Length / 2)) : json;

        AssertSameTreeAndDocument(crlf ? json.Replace("\n", "\r\n") : json);
    }

    [Fact]
    public void Scalars_keep_the_style_that_tells_a_string_from_a_number()
    {
        var json = "{\"openapi\": \"3.0.3\", \"a\": [\"1\", 1, -2.5e3, true, \"true\", null, \"\\u00e9\\n\\\"\", \"\"], \"example\": 7, \"b\": {\"example\": [1]}}";

        var tree = AssertSameTree(json);

        var items = ((YamlSequenceNode)((YamlMappingNode)tree.RootNode).Children[new YamlScalarNode("a")]).Children.Cast<YamlScalarNode>();
        Assert.Equal(
            new[] { ("1", ScalarStyle.DoubleQuoted), ("1", ScalarStyle.Plain), ("-2.5e3", ScalarStyle.Plain), ("true", ScalarStyle.Plain), ("true", ScalarStyle.DoubleQuoted), ("null", ScalarStyle.Plain), ("é\n\"", ScalarStyle.DoubleQuoted), ("", ScalarStyle.DoubleQuoted) },
            items.Select(i => (i.Value, i.Style)));
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\"\n: 1}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\"\r\n  : 1}")]
    public void A_key_apart_from_its_colon_gets_no_tree_as_SharpYaml_refuses_it(string json)
    {
        AssertNoTree(json);
    }

    [Fact]
    public void A_key_longer_than_yaml_takes_gets_no_tree()
    {
        AssertNoTree("{\"openapi\": \"3.0.3\", \"" + new string('k', 1100) + "\": 1}");
        Assert.NotNull(JsonScan.TryRun("{\"openapi\": \"3.0.3\", \"" + new string('k', 900) + "\": 1}")!.ReaderTree);
    }

    [Fact]
    public void Text_past_the_readers_limits_gets_no_tree()
    {
        AssertNoTree("{\"openapi\": \"3.0.3\", \"a\": " + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "}");
        AssertNoTree("{\"openapi\": \"3.0.3\", \"a\": \"" + new string('x', (int)OpenApiReaderSettings.DefaultMaxScalarLength + 1) + "\"}");
    }

    [Fact]
    public void The_tree_reader_is_there_and_used_for_GitHubs_description()
    {
        var scan = YamlScan.Run(File.ReadAllText(OctokitDescriptions.FixturePath("api.github.com.actions.json")));

        Assert.True(OpenApiTreeReader.Available);
        Assert.True(OpenApiTreeReader.TryRead(scan.ReaderTree!, Settings, out _, out var diagnostic));
        Assert.Empty(diagnostic.Errors);
    }

    [Theory]
    [InlineData("\"required\": [true]")]
    [InlineData("\"schema\": [1]")]
    [InlineData("\"schema\": {\"$ref\": {\"a\": 1}}")] // "Expected scalar at line 9": a line only the text path knows
    public void A_tree_that_reads_with_errors_leaves_them_to_the_text_at_the_same_lines(string badMember)
    {
        var json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"operationId\": \"a\",\n"
            + "        \"parameters\": [\n          {\"name\": \"x\", \"in\": \"query\",\n           " + badMember + "}\n        ],\n"
            + "        \"responses\": {\"200\": {\"description\": \"ok\"}}\n      }\n    }\n  }\n}\n";
        var scan = YamlScan.Run(json);
        Assert.False(OpenApiTreeReader.TryRead(scan.ReaderTree!, Settings, out _, out _));

        // A trailing comment sends the same text the YAML way, without a tree.
        var viaTree = SpecReader.Read(new SpecFile("/a.json", json, null, null));
        var viaText = SpecReader.Read(new SpecFile("/a.json", json + "# end\n", null, null));

        Assert.Null(viaText.Scan!.ReaderTree);
        Assert.NotEmpty(viaText.Diagnostics);
        Assert.Equal(viaText.Diagnostics, viaTree.Diagnostics);
    }

    private static void AssertSameTreeAndDocument(string json)
    {
        var tree = AssertSameTree(json);
        var scan = JsonScan.TryRun(json)!;

        var read = OpenApiTreeReader.TryRead(tree, Settings, out var fromTree, out _);
        var fromText = new OpenApiStringReader(Settings).Read(scan.TextForReader, out var diagnostic);

        Assert.Empty(diagnostic.Errors);
        Assert.True(read);
        Assert.Equal(fromText.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0), fromTree.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0));
    }

    private static YamlDocument AssertSameTree(string json)
    {
        var scan = JsonScan.TryRun(json);
        Assert.NotNull(scan);
        Assert.NotNull(scan.ReaderTree);
        var stream = new YamlStream();
        stream.Load(new StringReader(scan.TextForReader));

        Assert.Equal(Dump(stream.Documents[0].RootNode), Dump(scan.ReaderTree.RootNode));
        return scan.ReaderTree;
    }

    private static void AssertNoTree(string json)
    {
        var scan = JsonScan.TryRun(json);
        Assert.NotNull(scan);
        Assert.Null(scan.ReaderTree);
    }

    // One line per node: where, what, its style, tag and anchor, and a scalar's value.
    private static List<string> Dump(YamlNode root)
    {
        var lines = new List<string>();
        void Walk(YamlNode node, string at)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    lines.Add($"{at} scalar {scalar.Style} {scalar.Tag} {scalar.Anchor} {scalar.Value}");
                    break;
                case YamlMappingNode mapping:
                    lines.Add($"{at} mapping {mapping.Style} {mapping.Tag} {mapping.Anchor}");
                    foreach (var (key, value) in mapping.Children)
                    {
                        Walk(key, at + "/key");
                        Walk(value, at + "/" + ((YamlScalarNode)key).Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    lines.Add($"{at} sequence {sequence.Style} {sequence.Tag} {sequence.Anchor}");
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Walk(sequence.Children[i], at + "/" + i);
                    }

                    break;
                default:
                    lines.Add($"{at} {node.GetType().Name}");
                    break;
            }
        }

        Walk(root, "#");
        return lines;
    }
}
