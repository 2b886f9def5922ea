using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// GitHub's own OpenAPI description, unmodified, as a fixture: the 23-operation cuts checked in under tests/Fixtures/github
/// (api.github.com from @octokit/openapi 23.0.2, GHES 3.8 from 14.0.0), and the whole api.github.com description from npm.
/// </summary>
public class GitHubDescriptionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("api.github.com.actions.json")]
    [InlineData("ghes-3.8.actions.json")]
    public void A_cut_of_GitHubs_description_generates_every_schema_typed_and_compiles_clean(string fixture)
    {
        var (run, _, compile) = GeneratorHarness.Generate(File.ReadAllText(OctokitDescriptions.FixturePath(fixture)), "/specs/" + fixture);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.SourceText.ToString().Contains("public readonly partial struct", StringComparison.Ordinal) && s.SourceText.ToString().Contains("JsonUnionTable", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_example_in_the_api_github_com_cut_reads_into_its_model_and_writes_back_the_same()
    {
        var path = OctokitDescriptions.FixturePath("api.github.com.actions.json");
        // Writing every example back needs every model's writer, not only request bodies': the compiled cut has them.
        var assembly = CompiledCuts.Load("api.github.com.actions.json");

        // System.Text.Json's own switch: a missing required member fails the read (by default it is drift, read past).
        var options = Options(assembly);
        options.RespectRequiredConstructorParameters = true;
        var lenient = Options(assembly);
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var read = 0;
        var refused = new List<string>();
        foreach (var (operationId, example) in Examples(document))
        {
            // The model is what the generated method returns: Task<T> or Task<IReadOnlyList<T>>.
            var method = assembly.GetTypes().SelectMany(t => t.GetMethods())
                .First(m => m.Name == Naming.Identifiers.Pascal(operationId.Substring(operationId.IndexOf('/') + 1)) + "Async");
            if (!method.ReturnType.IsGenericType)
            {
                continue;
            }

            var result = method.ReturnType.GetGenericArguments()[0];
            var isList = result.IsGenericType && result.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
            var type = isList ? result.GetGenericArguments()[0] : result;
            var json = JsonSerializer.SerializeToUtf8Bytes(example);
            object model;
            try
            {
                model = Read(type, json, isList, options);
            }
            catch (JsonException e)
            {
                refused.Add(operationId + ": " + e.Message);
                Assert.NotNull(Read(type, json, isList, lenient));
                continue;
            }

            var written = Write(type, model, isList, options);
            Assert.True(JsonNode.DeepEquals(example, JsonNode.Parse(written)), $"{operationId}: {System.Text.Encoding.UTF8.GetString(written)}");
            read++;
        }

        output.WriteLine($"{read} examples read and written back; refused: {string.Join(" | ", refused)}");
        Assert.True(read >= 8, $"only {read} examples read");

        // GitHub's examples of a job omit `created_at`, which its own `job` schema requires: with System.Text.Json's
        // RespectRequiredConstructorParameters the reader refuses them, naming it and its path (the three operations that
        // return jobs); without it (above) they read, the member left at its default.
        Assert.Equal(3, refused.Count);
        Assert.All(refused, message => Assert.Contains("the required property 'created_at' of Job is missing", message));
        Assert.Contains(refused, message => message.Contains("$.jobs[0].created_at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_whole_api_github_com_description_generates_with_no_errors()
    {
        var description = await OctokitDescriptions.WholeDescriptionPathAsync();
        if (!description.Found)
        {
            output.WriteLine(description.SkipReason);
            return;
        }

        var driver = GeneratorHarness.Driver(File.ReadAllText(description.Path!), description.Path!, trackSteps: false)
            .RunGenerators(GeneratorHarness.Compilation());
        var run = driver.GetRunResult();

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var unsupported = run.Diagnostics.Where(d => d.Id == "ACTG005").ToArray();
        output.WriteLine($"{run.Results.Single().GeneratedSources.Length} files; ACTG005: {unsupported.Length}");
        foreach (var diagnostic in unsupported)
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.True(unsupported.Length <= 10, $"{unsupported.Length} ACTG005 (at most 10 allowed, each named in the README)");
    }

    // (operationId, example value) for every 2xx JSON response example.
    private static IEnumerable<(string OperationId, JsonNode Example)> Examples(JsonNode document)
    {
        foreach (var pathItem in document["paths"]!.AsObject())
        {
            foreach (var operation in pathItem.Value!.AsObject().Where(o => o.Value is JsonObject { } op && op["responses"] is not null))
            {
                foreach (var response in operation.Value!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')))
                {
                    if (Resolve(document, response.Value!)?["content"]?["application/json"]?["examples"] is not JsonObject examples)
                    {
                        continue;
                    }

                    foreach (var example in examples)
                    {
                        if (Resolve(document, example.Value!)?["value"] is { } value)
                        {
                            yield return (operation.Value!["operationId"]!.GetValue<string>(), value);
                        }
                    }
                }
            }
        }
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (n, part) => n?[part.Replace("~1", "/").Replace("~0", "~")])
            : node;

    // Through System.Text.Json with the generated resolver: the converters run the generated code (lists via STJ's own).
    private static object Read(Type type, byte[] json, bool isList, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(json, isList ? typeof(List<>).MakeGenericType(type) : type, options) ?? throw new InvalidOperationException("null");

    private static byte[] Write(Type type, object model, bool isList, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(model, isList ? typeof(List<>).MakeGenericType(type) : type, options);

    private static JsonSerializerOptions Options(Assembly assembly) => new()
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            (System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)assembly.GetType("GitHub.Actions.ActionsJsonTypeInfoResolver", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!,
            new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };
}
