using System.Collections.Immutable;
using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

public class DiagnosticTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: t
          version: "1"
        """;

    private static Diagnostic Single(string spec, string id, string? ns = null)
    {
        var (run, _, compile) = GeneratorHarness.Generate(spec, ns: ns);
        Assert.DoesNotContain(run.Diagnostics.Concat(compile), d => d.Id == "CS8785");
        Assert.Null(run.Results.Single().Exception);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal("/specs/actions.yaml", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    // The 1-based line of the first occurrence of marker.
    private static int LineOf(string spec, string marker)
    {
        var index = spec.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, marker);
        return spec[..index].Count(c => c == '\n') + 1;
    }

    [Fact]
    public void Invalid_yaml_is_ACTG001_at_the_broken_line()
    {
        var spec = Header + "\npaths:\n  /a:\n    get: [unclosed\n    post: x\n";

        var diagnostic = Single(spec, "ACTG001");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.InRange(Line(diagnostic), LineOf(spec, "get: [unclosed"), LineOf(spec, "post: x") + 1);
    }

    [Fact]
    public void Bad_indentation_is_ACTG001_at_its_line()
    {
        var spec = Header + "\npaths:\n  /a:\n    get:\n      responses: {}\n   bad: indentation\n";

        var diagnostic = Single(spec, "ACTG001");

        Assert.Equal(LineOf(spec, "bad: indentation"), Line(diagnostic));
    }

    [Fact]
    public void Empty_file_is_ACTG002()
    {
        Assert.Contains("empty", Single("   \n", "ACTG002").GetMessage());
    }

    [Fact]
    public void Yaml_that_is_not_OpenAPI_is_ACTG002()
    {
        Assert.Contains("'openapi'", Single("name: CI\non: [push]\njobs: {}\n", "ACTG002").GetMessage());
    }

    [Fact]
    public void A_json_array_is_ACTG002()
    {
        Single("[1, 2, 3]", "ACTG002");
    }

    [Fact]
    public void Unsupported_OpenAPI_version_is_ACTG002_at_the_version()
    {
        var diagnostic = Single("info: {title: t, version: '1'}\nopenapi: 3.1.0\npaths: {}\n", "ACTG002");

        Assert.Equal(2, Line(diagnostic));
        Assert.Contains("3.1.0", diagnostic.GetMessage());
    }

    [Fact]
    public void Dangling_reference_is_ACTG004_at_the_ref()
    {
        var spec = Header + """

            paths: {}
            components:
              schemas:
                run:
                  type: object
                  properties:
                    id:
                      type: integer
                    actor:
                      $ref: '#/components/schemas/missing-user'
            """;

        var diagnostic = Single(spec, "ACTG004");

        Assert.Equal(LineOf(spec, "$ref: '#/components/schemas/missing-user'"), Line(diagnostic));
        Assert.Contains("#/components/schemas/missing-user", diagnostic.GetMessage());
    }

    [Fact]
    public void Dangling_reference_in_the_checked_in_spec_points_at_its_line()
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath);
        var index = spec.IndexOf("$ref: '#/components/schemas/job-step'", StringComparison.Ordinal);
        var expectedLine = spec[..index].Count(c => c == '\n') + 1;

        var diagnostic = Single(spec.Replace("#/components/schemas/job-step'", "#/components/schemas/job-stepp'"), "ACTG004");

        Assert.Equal(expectedLine, Line(diagnostic));
    }

    [Fact]
    public void OneOf_beside_properties_is_an_ACTG005_warning_and_the_value_is_kept_as_JsonElement()
    {
        var spec = Header + """

            paths: {}
            components:
              schemas:
                reviewer:
                  type: object
                  properties:
                    who:
                      type: object
                      properties: {kind: {type: string}}
                      oneOf:
                        - type: object
                          properties: {login: {type: string}}
                        - type: object
                          properties: {slug: {type: string}}
            """;

        var (run, output, compile) = GeneratorHarness.Generate(spec);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ACTG005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(LineOf(spec, "who:"), Line(diagnostic));
        Assert.Contains("oneOf", diagnostic.GetMessage());
        Assert.Empty(compile);
        Assert.Contains("SysJson::JsonElement? Who", run.Results.Single().GeneratedSources.Single(s => s.HintName == "GitHub.Actions.Reviewer.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Unknown_type_is_ACTG006_at_the_property()
    {
        var spec = Header + """

            paths: {}
            components:
              schemas:
                run:
                  type: object
                  properties:
                    id:
                      type: integr
            """;

        var diagnostic = Single(spec, "ACTG006");

        Assert.Equal(LineOf(spec, "id:"), Line(diagnostic));
        Assert.Contains("integr", diagnostic.GetMessage());
    }

    [Fact]
    public void Invalid_namespace_is_ACTG007_and_nothing_is_generated()
    {
        var (run, _, _) = GeneratorHarness.Generate(File.ReadAllText(GeneratorHarness.SpecPath), ns: "GitHub.Actions; class Evil { }");

        Assert.Equal("ACTG007", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Errors_reported_by_the_OpenAPI_reader_inside_an_operation_are_ACTG011_at_the_pointer_and_skip_it()
    {
        // Degrade, don't fail: before, this was ACTG003 and no client at all.
        var spec = Header + """

            paths:
              /a:
                get:
                  operationId: a
                  responses: 7
              /b:
                get:
                  operationId: b
                  responses:
                    '204': {description: No content}
            """;

        var diagnostic = Single(spec, "ACTG011");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(LineOf(spec, "responses: 7"), Line(diagnostic));
        Assert.Contains("#/paths/~1a/get/responses", diagnostic.GetMessage());
        Assert.Contains("GET /a", diagnostic.GetMessage());
    }

    [Fact]
    public void Errors_reported_by_the_OpenAPI_reader_about_the_whole_document_are_ACTG003()
    {
        var spec = Header + """

            paths: 7
            """;

        var diagnostic = Single(spec, "ACTG003");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LineOf(spec, "paths: 7"), Line(diagnostic));
    }

    [Fact]
    public void Two_specs_in_one_namespace_are_ACTG010_not_CS8785()
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath);
        var compilation = GeneratorHarness.Compilation("class A { }");

        var run = GeneratorHarness.Driver(new[] { ("/specs/a.yaml", spec), ("/specs/b.yaml", spec) }).RunGenerators(compilation).GetRunResult();

        SecondSpecIsACTG010(run, "GitHub.Actions");
        Assert.Single(run.Results.Single().GeneratedSources, s => s.HintName == "GitHub.Actions.WorkflowRun.g.cs");
    }

    [Fact]
    public void Specs_whose_namespaces_differ_only_in_case_are_ACTG010_not_CS8785()
    {
        // Foo.Api.Thing.g.cs and foo.api.Thing.g.cs are one file name to Roslyn (and to Windows and macOS).
        const string spec = Header + "\npaths: {}\ncomponents: {schemas: {thing: {type: object, properties: {a: {type: string}}}}}\n";
        var texts = ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText("/specs/a.yaml", spec), new GeneratorHarness.InMemoryAdditionalText("/specs/b.yaml", spec));
        var namespaces = new Dictionary<string, string> { ["/specs/a.yaml"] = "Foo.Api", ["/specs/b.yaml"] = "foo.api" };

        var run = GeneratorHarness.Driver(texts, metadataOf: path => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenNamespace"] = namespaces[path] })
            .RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        SecondSpecIsACTG010(run, "foo.api");
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Foo.Api.Thing.g.cs");
    }

    // Of /specs/a.yaml and /specs/b.yaml, the second is refused with ACTG010 naming its namespace; nothing throws.
    private static void SecondSpecIsACTG010(GeneratorDriverRunResult run, string ns)
    {
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        var duplicate = Assert.Single(run.Diagnostics, d => d.Id == "ACTG010");
        Assert.Equal("/specs/b.yaml", duplicate.Location.GetLineSpan().Path);
        Assert.Contains("'" + ns + "'", duplicate.GetMessage());
    }

    [Fact]
    public void A_discriminator_mapping_entry_that_names_no_schema_is_ACTG018_at_its_line()
    {
        var spec = Header + """

            paths: {}
            components:
              schemas:
                pet:
                  oneOf:
                  - $ref: '#/components/schemas/cat'
                  - $ref: '#/components/schemas/dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/cat'
                      dog: dog
                      bird: '#/components/schemas/bird'
                      fish: fish
                      snake: 'reptiles.yaml#/components/schemas/snake'
                cat: {type: object, properties: {kind: {type: string}, purrs: {type: boolean}}}
                dog: {type: object, properties: {kind: {type: string}, barks: {type: boolean}}}
                animal:
                  type: object
                  properties:
                    kind: {type: string}
                  discriminator:
                    propertyName: kind
                    mapping:
                      horse: '#/components/schemas/horse'
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile);
        var dangling = run.Diagnostics.Where(d => d.Id == "ACTG018").ToArray();
        Assert.All(dangling, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(new[] { LineOf(spec, "bird:"), LineOf(spec, "fish:"), LineOf(spec, "horse:") }, dangling.Select(Line).Order());
        Assert.Contains("maps 'bird' to '#/components/schemas/bird'", dangling.Single(d => Line(d) == LineOf(spec, "bird:")).GetMessage());
        var external = Assert.Single(run.Diagnostics, d => d.Id == "ACTG012");
        Assert.Equal(LineOf(spec, "snake:"), Line(external));
        Assert.Equal(4, run.Diagnostics.Length);
    }
}
