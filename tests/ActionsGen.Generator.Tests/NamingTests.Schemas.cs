using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>Names on the schema side: inline types whose natural name is taken, and union cases.</summary>
public partial class NamingTests
{
    [Fact]
    public void Component_parameters_are_named_before_inline_types_and_an_inline_type_whose_name_is_taken_gets_its_kind()
    {
        var spec = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /packages:
                get:
                  operationId: packages/list
                  tags: [packages]
                  parameters:
                  - $ref: '#/components/parameters/package-visibility'
                  - $ref: '#/components/parameters/status'
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/package'}}}}
            components:
              parameters:
                package-visibility: {name: visibility, in: query, schema: {type: string, enum: [public, private, internal]}}
                status: {name: status, in: query, schema: {type: string, enum: [queued, completed]}}
              schemas:
                package:
                  type: object
                  properties:
                    visibility: {type: string, enum: [public, private]}
                    status: {$ref: '#/components/schemas/status'}
                    commit: {$ref: '#/components/schemas/commit'}
                status:
                  type: object
                  properties:
                    state: {type: string}
                commit:
                  type: object
                  properties:
                    commit:
                      type: object
                      properties:
                        sha: {type: string}
            """;

        var (_, output) = OperationTests.Clean(spec);

        Assert.Equal(
            new[] { "Commit", "CommitCommit", "Package", "PackageVisibility", "PackageVisibilityEnum", "Status", "StatusParameter" },
            Types(output));
        Assert.Equal("PackageVisibility", Parameter(output, "IPackagesOperations", "visibility"));
        Assert.Equal("StatusParameter", Parameter(output, "IPackagesOperations", "status"));
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.Commit")!.GetMembers("Commit2").SingleOrDefault());
    }

    // The type of a method's parameter, without its nullability.
    private static string Parameter(Compilation output, string groupInterface, string parameter)
    {
        var type = output.GetTypeByMetadataName("GitHub.Actions." + groupInterface)!.GetMembers().OfType<IMethodSymbol>()
            .SelectMany(m => m.Parameters).First(p => p.Name == parameter).Type;
        return type is INamedTypeSymbol { Name: "Nullable" } nullable ? nullable.TypeArguments[0].Name : type.Name;
    }
}
