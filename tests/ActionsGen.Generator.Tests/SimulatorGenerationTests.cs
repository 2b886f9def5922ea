using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Parsing;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace ActionsGen.Generator.Tests;

/// <summary>The simulator table (<c>Simulator="true"</c>): generated only when asked, data per operation, examples as JSON.</summary>
public class SimulatorGenerationTests(ITestOutputHelper output)
{
    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);
    private static readonly Dictionary<string, string> On = new() { ["build_metadata.AdditionalFiles.ActionsGenSimulator"] = "true" };
    private static readonly GeneratorSettings Settings = new("GitHub.Actions", "ActionsClient");

    [Fact]
    public void Without_the_setting_no_simulator_code_is_generated()
    {
        var (run, _, compile) = GeneratorHarness.Generate(Spec);

        Assert.Empty(compile);
        var sources = run.Results.Single().GeneratedSources;
        Assert.DoesNotContain(sources, s => s.HintName.Contains("Simulator", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.SourceText.ToString().Contains("Simulation.", StringComparison.Ordinal));
        Assert.Null(SpecParser.Parse(new SpecFile("/a.yaml", Spec, null, null), Settings).Model!.Simulator);
    }

    [Fact]
    public void With_the_setting_the_simulator_compiles_clean_with_one_line_per_operation()
    {
        var (run, compiled, compile) = GeneratorHarness.Generate(Spec, On);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var simulator = run.Results.Single().GeneratedSources.Single(s => s.HintName == "GitHub.Actions.ActionsSimulator.g.cs").SourceText.ToString();
        var rows = simulator.Split('\n').Where(line => line.TrimStart().StartsWith("new(\"", StringComparison.Ordinal) && line.Contains("\"actions/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(23, rows.Length);
        Assert.Contains(rows, r => r.Contains("\"GET\", \"/repos/{owner}/{repo}/actions/runs\", \"actions/list-workflow-runs-for-repo\", 200, ", StringComparison.Ordinal) && r.Contains("items: \"workflow_runs\"", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("\"actions/download-job-logs-for-workflow-run\", 302, ", StringComparison.Ordinal) && r.Contains("location: \"https://pipelines.actions.githubusercontent.com/", StringComparison.Ordinal));
        Assert.Contains("public sealed partial class ActionsSimulator : Ag::Simulation.ApiSimulator", simulator, StringComparison.Ordinal);

        // A simulator answers with response models, so they get writers too (without the setting, only request bodies do).
        var job = compiled.GetTypeByMetadataName("GitHub.Actions.Job")!;
        Assert.Contains(job.GetMembers(), m => m.Name.EndsWith("WriteJson", StringComparison.Ordinal));
        var without = GeneratorHarness.Generate(Spec);
        var plain = without.Output.GetTypeByMetadataName("GitHub.Actions.Job")!;
        Assert.DoesNotContain(plain.GetMembers(), m => m.Name.EndsWith("WriteJson", StringComparison.Ordinal));

        static int Lines(GeneratorDriverRunResult result) => result.Results.Single().GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        output.WriteLine($"generated lines: {Lines(without.Run)} without the setting, {Lines(run)} with it ({simulator.Split('\n').Length} in the simulator, {simulator.Length / 1024} KiB)");
    }

    [Fact]
    public void Every_operation_gets_its_examples_success_status_and_rules()
    {
        var simulator = Simulator(Spec);

        Assert.Equal(23, simulator.Operations.Length);
        foreach (var operation in simulator.Operations)
        {
            var expected = SpecExample(operation.OperationId, operation.Status);
            if (expected is null)
            {
                Assert.True(operation.Example is null || operation.Status is 200, $"{operation.OperationId}: {operation.Example}");
                continue;
            }

            // The spec's example, unchanged as JSON (the YAML scan read it; here an independent YAML reader does).
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(operation.Example!).RootElement), operation.OperationId);
        }

        var list = simulator.Operations.Single(o => o.OperationId == "actions/list-workflow-runs-for-repo");
        using var parameters = JsonDocument.Parse(list.Parameters);
        var perPage = parameters.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "per_page");
        Assert.Equal("""{"name":"per_page","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}}""", perPage.GetRawText());
        var status = parameters.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal("""{"$ref":"workflow-run-status-filter"}""", status.GetProperty("schema").GetRawText());
        Assert.Contains(simulator.Schemas, s => s.Name == "workflow-run-status-filter" && s.Schema.StartsWith("""{"type":"string","enum":["completed","action_required",""", StringComparison.Ordinal));

        var review = simulator.Operations.Single(o => o.OperationId == "actions/review-custom-gates-for-run");
        Assert.Equal("""{"required":true,"schema":{"$ref":"review-custom-gates-request"}}""", review.Body);
        Assert.Contains(simulator.Schemas, s => s.Name == "review-custom-gates-request" && s.Schema.Contains("""
            "required":["environment_name","state"]
            """, StringComparison.Ordinal));
    }

    [Fact]
    public void Block_yaml_component_examples_and_header_examples_are_read_and_a_missing_example_is_made_from_the_schema()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /things/{id}:
                get:
                  operationId: things/get
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: integer } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/thing' }
                          examples:
                            default:
                              $ref: '#/components/examples/thing'
              /things:
                get:
                  operationId: things/list
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { type: array, items: { $ref: '#/components/schemas/thing' } }
                          example:
                            - id: 1
                              name: 'one: 1'
                              tags: [a, "b"]
                              ratio: 0.5
                              done: true
                              note: ~
                post:
                  operationId: things/create
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/thing' }
                  responses:
                    '201':
                      description: Created
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/thing' }
              /things/{id}/file:
                get:
                  operationId: things/file
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: integer } }
                  responses:
                    '302':
                      description: Found
                      headers:
                        Location:
                          example: https://files.example.com/thing?sig=a%2Bb
                          schema: { type: string }
            components:
              examples:
                thing:
                  value:
                    id: 7
                    name: seven
              schemas:
                thing:
                  type: object
                  required: [id, name, kind, created_at]
                  properties:
                    id: { type: integer, minimum: 5 }
                    name: { type: string }
                    kind: { type: string, enum: [big, small] }
                    created_at: { type: string, format: date-time }
                    tags: { type: array, items: { type: string } }
            """;
        var simulator = Simulator(spec);

        Assert.Equal("""{"id":7,"name":"seven"}""", simulator.Operations.Single(o => o.OperationId == "things/get").Example);
        Assert.Equal("""[{"id":1,"name":"one: 1","tags":["a","b"],"ratio":0.5,"done":true,"note":null}]""", simulator.Operations.Single(o => o.OperationId == "things/list").Example);
        var create = simulator.Operations.Single(o => o.OperationId == "things/create");
        Assert.Equal(201, create.Status);
        Assert.Equal("""{"id":5,"name":"x","kind":"big","created_at":"2024-01-01T00:00:00Z"}""", create.Example);
        Assert.Equal("https://files.example.com/thing?sig=a%2Bb", simulator.Operations.Single(o => o.OperationId == "things/file").Location);
    }

    [Fact]
    public void The_same_examples_in_json_read_the_same()
    {
        // spec/actions.yaml as JSON goes the JSON scan's way: its example ranges are compacted, not parsed as YAML.
        var fromYaml = Simulator(Spec);
        var fromJson = Simulator(AsJson(Spec), "/a.json");

        Assert.Equal(fromYaml.Operations, fromJson.Operations);
        Assert.Equal(fromYaml.Schemas, fromJson.Schemas);
    }

    [Fact]
    public void Two_parses_with_the_setting_are_equal_and_the_simulator_step_stays_cached_on_an_unrelated_edit()
    {
        var first = SpecParser.Parse(new SpecFile("/s.yaml", Spec, null, null, Simulator: "true"), Settings);
        var second = SpecParser.Parse(new SpecFile("/s.yaml", new string(Spec.ToCharArray()), null, null, Simulator: "true"), Settings);
        Assert.NotNull(first.Model!.Simulator);
        Assert.Equal(first, second);

        var compilation = GeneratorHarness.Compilation("class A { }");
        var texts = ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText("/specs/actions.yaml", Spec));
        var driver = GeneratorHarness.Driver(texts, metadata: On).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.Preview)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var outputs = result.TrackedSteps[TrackingNames.Simulator].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void A_client_name_without_the_Client_suffix_gets_Simulator_added_and_a_taken_name_a_number()
    {
        Assert.Equal("ActionsSimulator", Naming.SimulatorNames.Class("ActionsClient"));
        Assert.Equal("GitHubSimulator", Naming.SimulatorNames.Class("GitHubClient"));
        Assert.Equal("GhesSimulator", Naming.SimulatorNames.Class("Ghes"));
        Assert.Equal("ClientSimulator", Naming.SimulatorNames.Class("Client"));

        // A schema called actions-simulator already has the name.
        var spec = Spec.Replace("    basic-error:\n", "    actions-simulator:\n      type: object\n      properties:\n        a: { type: string }\n    basic-error:\n", StringComparison.Ordinal);
        var simulator = SpecParser.Parse(new SpecFile("/s.yaml", spec, null, null, Schemas: "all", Simulator: "true"), Settings).Model!.Simulator!;
        Assert.Equal("ActionsSimulator2", simulator.ClassName);
    }

    [Fact]
    public async Task Every_operation_of_GitHubs_cut_is_answered_by_its_simulator_with_GitHubs_own_examples()
    {
        var path = OctokitDescriptions.FixturePath("api.github.com.actions.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var (_, compilation, compile) = GeneratorHarness.Generate(File.ReadAllText(path), On, "/specs/cut.json");
        Assert.Empty(compile);
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var assembly = Assembly.Load(image.ToArray());
        var simulator = (ActionsGen.Runtime.Simulation.ApiSimulator)Activator.CreateInstance(assembly.GetType("GitHub.Actions.ActionsSimulator", throwOnError: true)!)!;
        var client = Activator.CreateInstance(assembly.GetType("GitHub.Actions.ActionsClient", throwOnError: true)!, new HttpClient(simulator), null)!;

        var methods = 0;
        foreach (var (group, method) in OperationInvoker.Methods(client))
        {
            await OperationInvoker.CallAsync(group, method, (m, type) => RequestExample(document, m, type));
            methods++;
        }

        // Each answered with its success status; GitHub's examples (Example Objects under components) as the bodies.
        Assert.All(simulator.Requests, r => Assert.True((int)r.StatusCode is >= 200 and < 400, $"{r.OperationId}: {r.StatusCode}"));
        Assert.Equal(simulator.Operations.Select(o => o.OperationId).Order(), simulator.Requests.Select(r => r.OperationId!).Distinct().Order());
        output.WriteLine($"{simulator.Operations.Count} operations answered through {methods} methods");
        var job = document["components"]!["examples"]!["job"]!["value"]!;
        var row = simulator.Operations.Single(o => o.OperationId == "actions/get-job-for-workflow-run");
        Assert.Equal(200, row.Status);
        using var http = simulator.CreateHttpClient();
        Assert.True(JsonNode.DeepEquals(job, JsonNode.Parse(await http.GetStringAsync("https://api.github.com/repos/o/r/actions/jobs/1"))));
    }

    // GitHub's request example for the operation whose method this is, read into the body's type.
    private static object? RequestExample(JsonNode document, MethodInfo method, Type type)
    {
        foreach (var pathItem in document["paths"]!.AsObject())
        {
            foreach (var operation in pathItem.Value!.AsObject().Where(o => o.Value is JsonObject))
            {
                if (operation.Value!["operationId"]?.GetValue<string>() is { } id && OperationInvoker.MethodName(id) == method.Name
                    && Resolve(document, operation.Value!["requestBody"])?["content"]?["application/json"]?["examples"] is JsonObject examples)
                {
                    return Resolve(document, examples.First().Value)?["value"] is { } value ? OperationInvoker.Read(type, value.ToJsonString()) : null;
                }
            }
        }

        return null;
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (n, part) => n?[part.Replace("~1", "/").Replace("~0", "~")])
            : node;

    [Fact]
    public async Task GitHubs_whole_description_with_a_simulator_still_compiles()
    {
        var description = await OctokitDescriptions.WholeDescriptionPathAsync();
        if (!description.Found)
        {
            output.WriteLine(description.SkipReason);
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var texts = ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText(description.Path!, File.ReadAllText(description.Path!)));
        var driver = GeneratorHarness.Driver(texts, trackSteps: false, metadata: On).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var compilation, out _);
        var run = driver.GetRunResult();
        var generated = watch.Elapsed;
        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var simulator = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("Simulator.g.cs", StringComparison.Ordinal)).SourceText;

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToArray();
        output.WriteLine($"generated in {generated.TotalSeconds:F1} s, compiled in {(watch.Elapsed - generated).TotalSeconds:F1} s; simulator: {simulator.Lines.Count} lines, {simulator.Length / 1024} KiB");
        Assert.Empty(errors);
    }

    private static SimulatorModel Simulator(string spec, string path = "/s.yaml")
    {
        var result = SpecParser.Parse(new SpecFile(path, spec, null, null, Simulator: "true"), Settings);
        Assert.True(result.Model is not null, string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        return result.Model!.Simulator!;
    }

    private static string? SpecExample(string operationId, int status) =>
        SpecExamples.Examples.TryGetValue(operationId + " " + status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var json) ? json : null;

    // The spec as JSON: plain scalars as JSON reads them (numbers, booleans, null), anything else a string.
    private static string AsJson(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, stream.Documents[0].RootNode);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlDotNet.RepresentationModel.YamlNode node)
    {
        switch (node)
        {
            case YamlDotNet.RepresentationModel.YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key.ToString());
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlDotNet.RepresentationModel.YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var text }:
                if (text is "null" or "~" or "")
                {
                    writer.WriteNullValue();
                }
                else if (text is "true" or "false")
                {
                    writer.WriteBooleanValue(text == "true");
                }
                else if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) && !text.StartsWith('+'))
                {
                    writer.WriteRawValue(text);
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            case YamlDotNet.RepresentationModel.YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    private static string Shape(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => p.Name + ":" + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Shape)) + "]",
        _ => "v",
    };
}
