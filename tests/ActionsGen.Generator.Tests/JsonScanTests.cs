using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActionsGen.Generator.Parsing;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// The JSON fast path of the spec scan must be indistinguishable from YamlDotNet's: same positions for every node, same
/// references, same blanked text; and whatever it is unsure of goes the YAML way.
/// </summary>
public class JsonScanTests
{
    [Theory]
    [InlineData("api.github.com.actions.json")]
    [InlineData("ghes-3.8.actions.json")]
    public void The_json_scan_of_GitHubs_description_equals_the_yaml_scan(string fixture)
    {
        AssertSameScan(File.ReadAllText(OctokitDescriptions.FixturePath(fixture)));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    public void The_json_scan_of_the_checked_in_spec_as_json_equals_the_yaml_scan(bool indented, bool crlf, bool tabs)
    {
        var json = ToJson(File.ReadAllText(GeneratorHarness.SpecPath), indented);
        json = tabs ? Regex.Replace(json, "(?m)^(  )+", m => new string('\t', m.Length / 2)) : json;

        AssertSameScan(crlf ? json.Replace("\n", "\r\n") : json);
    }

    [Fact]
    public void Escaped_keys_make_the_same_pointers_as_yaml()
    {
        var json = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n    \"/a~b\\u0022\\\\ \\t\": { \"get\": { \"x\": [1, -2.5e3, true, null, \"\\u00e9\"] } }\n  }\n}\n";

        var scan = AssertSameScan(json);

        var line = json.Split('\n')[3];
        Assert.Equal(new(3, line.IndexOf("\"x\"", StringComparison.Ordinal)), scan.Find("#/paths/~1a~0b\"\\ \t/get/x"));
        Assert.Equal(new(3, line.IndexOf("-2.5e3", StringComparison.Ordinal)), scan.Find("#/paths/~1a~0b\"\\ \t/get/x/1"));
    }

    [Fact]
    public void Example_values_are_blanked_and_example_refs_and_properties_named_example_are_kept()
    {
        var json = """
            {
              "openapi": "3.0.3",
              "paths": { "/a": { "get": { "responses": { "200": { "content": { "application/json": {
                "schema": { "type": "object", "properties": { "example": { "type": "string", "example": "abc" } } },
                "examples": { "one": { "value": { "big": [1, 2, 3] } }, "two": { "$ref": "#/components/examples/x" } }
              } } } } } } },
              "components": { "examples": { "x": { "summary": "s", "value": [ { "id": 1 } ] } } }
            }
            """;

        var scan = AssertSameScan(json);

        Assert.DoesNotContain("abc", scan.TextForReader);
        Assert.DoesNotContain("big", scan.TextForReader);
        Assert.DoesNotContain("\"id\"", scan.TextForReader);
        Assert.Contains("\"example\": { \"type\"", scan.TextForReader);
        Assert.Contains("\"summary\": \"s\"", scan.TextForReader);
        Assert.NotNull(scan.FindReference("#/components/examples/x"));
        Assert.Equal(json.Length, scan.TextForReader.Length);
        Assert.Equal(json.Count(c => c == '\n'), scan.TextForReader.Count(c => c == '\n'));
    }

    [Fact]
    public void Yaml_with_example_values_blanked_still_reads_with_every_example_object_but_its_value()
    {
        var yaml = """
            openapi: 3.0.3
            info:
              title: t
              version: "1"
            paths:
              /a:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                          examples:
                            one:
                              summary: first
                              value:
                                id: 1
                                names:
                                  - a
                                  - b
                            two:
                              $ref: '#/components/examples/x'
            components:
              examples:
                x:
                  value:
                    - id: 2
                  summary: second
            """;

        var scan = YamlScan.Run(yaml);
        var document = new OpenApiStringReader().Read(scan.TextForReader, out var diagnostic);

        Assert.DoesNotContain("names", scan.TextForReader);
        Assert.DoesNotContain("id: 2", scan.TextForReader);
        Assert.Empty(diagnostic.Errors);
        Assert.Equal("second", document.Components.Examples["x"].Summary);
        var examples = document.Paths["/a"].Operations[OperationType.Get].Responses["200"].Content["application/json"].Examples;
        Assert.Equal("first", examples["one"].Summary);
        Assert.Equal("second", examples["two"].Summary);
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": 1, \"a\": 2}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": \"\\/\"}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": \"\\ud83d\\ude80\"}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": [1,]}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": yes}")]
    [InlineData("{\"openapi\": \"3.0.3\"} # trailing")]
    [InlineData("{\"openapi\": \"3.0.3\", \"a\": \"\u2028\"}")]
    public void Text_the_json_scan_is_unsure_of_goes_the_yaml_way(string text)
    {
        Assert.Null(JsonScan.TryRun(text));
    }

    [Fact]
    public void A_duplicate_key_in_json_is_reported_as_yaml_reports_it()
    {
        var text = "{\n  \"openapi\": \"3.0.3\",\n  \"openapi\": \"3.0.0\"\n}";

        var e = Assert.Throws<YamlException>(() => YamlScan.Run(text));

        Assert.Contains("'openapi' appears twice", e.Message);
        Assert.Equal(3, e.Start.Line);
    }

    private static YamlScan AssertSameScan(string text)
    {
        var yaml = YamlScan.RunYaml(text);
        var json = JsonScan.TryRun(text);

        Assert.NotNull(json);
        Assert.Equal(Sorted(yaml.Positions), Sorted(json.Positions));
        Assert.Equal(Sorted(yaml.ReferencePositions), Sorted(json.ReferencePositions));
        Assert.Equal(yaml.ExternalReferences, json.ExternalReferences);
        Assert.Equal(yaml.RootIsMapping, json.RootIsMapping);
        Assert.Equal(yaml.OpenApiVersion, json.OpenApiVersion);
        Assert.Equal(yaml.TextForReader, json.TextForReader);
        return json;
    }

    private static List<string> Sorted(IReadOnlyDictionary<string, Model.SpecPosition> map) =>
        map.Select(p => $"{p.Key} @ {p.Value.Line}:{p.Value.Column}").Order(StringComparer.Ordinal).ToList();

    // The YAML spec as JSON, scalars typed as YAML's core schema reads plain ones; escaping everything System.Text.Json
    // escapes by default, so keys and values carry \u escapes.
    internal static string ToJson(string yaml, bool indented)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = ToNode(stream.Documents[0].RootNode);
        var options = new JsonSerializerOptions { WriteIndented = indented, Encoder = JavaScriptEncoder.Default };
        return node!.ToJsonString(options);
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToNode(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToNode).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value!),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException(node.NodeType.ToString()),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "true" or "false" => JsonValue.Create(value == "true"),
        "null" or "~" or "" => null,
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
