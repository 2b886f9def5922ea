using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>Degrade, don't fail: a problem confined to one operation or one schema is a warning, and the rest generates.</summary>
public class DegradeTests
{
    [Fact]
    public void A_null_request_body_schema_skips_only_its_operation_with_ACTG011_at_its_line()
    {
        var spec = OperationTests.Header + """
            paths:
              /items/{collection}:
                post:
                  operationId: createItems
                  tags: [items]
                  parameters:
                    - {name: collection, in: path, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: null
                  responses:
                    '204': {description: Created}
                get:
                  operationId: readItems
                  tags: [items]
                  parameters:
                    - {name: collection, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/item'}
            components:
              schemas:
                item:
                  type: object
                  properties:
                    id: {type: integer}
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);

        Assert.Empty(compile);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("ACTG011", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(OperationTests.LineOf(spec, "schema: null"), OperationTests.Line(diagnostic));
        Assert.Contains("POST /items/{collection}", diagnostic.GetMessage());
        Assert.Contains("the operation is skipped", diagnostic.GetMessage());
        var source = OperationTests.Source(run, "GitHub.Actions.ItemsOperations.g.cs");
        Assert.Contains("ReadItemsAsync(", source);
        Assert.DoesNotContain("CreateItems", source);
    }

    [Fact]
    public void A_dangling_reference_is_an_ACTG004_warning_and_the_value_is_raw_JSON()
    {
        var spec = File.ReadAllText(GeneratorHarness.SpecPath).Replace("#/components/schemas/job-step'", "#/components/schemas/job-stepp'");

        var (run, output, compile) = GeneratorHarness.Generate(spec);

        Assert.Empty(compile);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity > DiagnosticSeverity.Info);
        Assert.Equal(("ACTG004", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("raw JSON", diagnostic.GetMessage());
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.ActionsClient"));
    }

    [Fact]
    public void Directus_15_2_0_with_its_null_schema_builds_with_one_warning()
    {
        // A cut of @directus/specs 15.2.0 (RealSpecs/cut-directus.py says how it was made): POST /items/{collection}
        // has `schema: null`; before, that was ACTG003 and no client at all.
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RealSpecs", "directus-15.2.0-cut.json"));

        var (run, output, compile) = GeneratorHarness.Generate(spec, path: "/specs/directus.json", ns: "Directus.Api");

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var skipped = Assert.Single(run.Diagnostics, d => d.Id == "ACTG011");
        Assert.Contains("POST /items/{collection}", skipped.GetMessage());
        var generated = string.Join("\n", run.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("\"getItems\"", generated);
        Assert.Contains("\"ping\"", generated);
        Assert.DoesNotContain("\"createItem\"", generated);
        Assert.NotEmpty(output.GetSymbolsWithName(n => n.EndsWith("Operations", StringComparison.Ordinal), SymbolFilter.Type));
    }
}
