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

    // Union branches defined inline, each told apart by something else.
    private const string UnionsSpec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            conditions:
              oneOf:
              - {title: repository_name_and_ref_name, type: object, properties: {name: {type: string}}}
              - {title: repository_id_and_ref_name, type: object, properties: {id: {type: integer}}}
            rule-creation:
              type: object
              properties: {kind: {type: string}}
            rule-deletion:
              type: object
              properties: {kind: {type: string}}
            rule-info:
              type: object
              properties: {ruleset_id: {type: integer}}
            rule-detailed:
              oneOf:
              - allOf: [{$ref: '#/components/schemas/rule-creation'}, {$ref: '#/components/schemas/rule-info'}]
              - allOf: [{$ref: '#/components/schemas/rule-deletion'}, {$ref: '#/components/schemas/rule-info'}]
            field:
              oneOf:
              - {type: object, required: [name, data_type], properties: {name: {type: string}, data_type: {type: string, enum: [text, number]}}}
              - type: object
                required: [name, data_type, options]
                properties: {name: {type: string}, data_type: {type: string, enum: [single_select]}, options: {type: array, items: {type: string}}}
            codespace:
              oneOf:
              - {type: object, required: [repository_id], properties: {repository_id: {type: integer}}}
              - {type: object, required: [pull_request], properties: {pull_request: {type: integer}}}
            label:
              oneOf:
              - {type: string}
              - {type: object, properties: {name: {type: string}}}
            labels:
              oneOf:
              - {type: object, properties: {labels: {type: array, items: {type: string}}}}
              - {type: object, properties: {labels: {type: array, items: {type: integer}}}}
        """;

    [Theory]
    [InlineData("Conditions", "RepositoryNameAndRefName", "RepositoryIdAndRefName")]
    [InlineData("RuleDetailed", "Creation", "Deletion")]
    [InlineData("Field", "NameAndDataType", "SingleSelect")]
    [InlineData("Codespace", "RepositoryId", "PullRequest")]
    [InlineData("Label", "String", "Object")]
    [InlineData("Labels", "Option1", "Option2")]
    public void A_union_case_is_named_by_what_tells_its_branch_apart(string union, string first, string second)
    {
        var (_, output) = OperationTests.Clean(UnionsSpec);

        var cases = output.GetTypeByMetadataName("GitHub.Actions." + union)!.GetMembers()
            .Where(m => m.Name.StartsWith("Is", StringComparison.Ordinal) && m.Name != "IsUnknown").Select(m => m.Name.Substring(2));
        Assert.Equal(new[] { first, second }, cases);
        var own = new[] { first, second }.Where(c => c != "String").Select(c => union + c);
        Assert.All(own, type => Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions." + type)));
    }

    // The type of a method's parameter, without its nullability.
    private static string Parameter(Compilation output, string groupInterface, string parameter)
    {
        var type = output.GetTypeByMetadataName("GitHub.Actions." + groupInterface)!.GetMembers().OfType<IMethodSymbol>()
            .SelectMany(m => m.Parameters).First(p => p.Name == parameter).Type;
        return type is INamedTypeSymbol { Name: "Nullable" } nullable ? nullable.TypeArguments[0].Name : type.Name;
    }
}
