using ActionsGen.Generator.Naming;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>Names on the operation side: methods that would collide, and the inline types of operations.</summary>
public partial class NamingTests
{
    // GitHub's shape: `pull-request-stacks/…` under the `pulls` tag beside `pulls/create`, and `api-insights/…` under
    // `orgs` with nothing to collide with.
    private const string StacksSpec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pulls:
            post:
              operationId: pulls/create
              tags: [pulls]
              responses: {'204': {description: ok}}
          /stacks:
            get:
              operationId: pull-request-stacks/list
              tags: [pulls]
              responses: {'204': {description: ok}}
            post:
              operationId: pull-request-stacks/create
              tags: [pulls]
              responses: {'204': {description: ok}}
          /stacks/{n}/add:
            post:
              operationId: pull-request-stacks/add
              tags: [pulls]
              parameters: [{name: n, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: ok}}
          /insights:
            get:
              operationId: api-insights/get-summary-stats
              tags: [orgs]
              responses: {'204': {description: ok}}
        """;

    [Fact]
    public void A_method_that_would_collide_in_its_group_is_named_with_its_operationId_prefix_and_so_is_its_family()
    {
        var (_, output) = OperationTests.Clean(StacksSpec);

        Assert.Equal(
            new[] { "CreateAsync", "PullRequestStacksAddAsync", "PullRequestStacksCreateAsync", "PullRequestStacksListAsync" },
            Methods(output, "IPullsOperations"));
        Assert.Equal(new[] { "GetSummaryStatsAsync" }, Methods(output, "IOrgsOperations"));
    }

    [Fact]
    public void A_filter_never_renames_a_method()
    {
        var filter = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenOperations"] = "pull-request-stacks/create" };

        var (_, output) = OperationTests.Clean(StacksSpec, filter);

        Assert.Equal(new[] { "PullRequestStacksCreateAsync" }, Methods(output, "IPullsOperations"));
    }

    // Two tags with an `update` and a `list` each, every one with inline schemas; one operation with three inline responses.
    private const string TagsSpec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /repos/{id}:
            patch:
              operationId: repos/update
              tags: [repos]
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses: {'204': {description: ok}}
          /issues/{id}:
            patch:
              operationId: issues/update
              tags: [issues]
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              requestBody: {content: {application/json: {schema: {type: object, properties: {title: {type: string}}}}}}
              responses: {'204': {description: ok}}
          /repos:
            get:
              operationId: repos/list
              tags: [repos]
              parameters: [{name: sort, in: query, schema: {type: string, enum: [created, pushed]}}]
              responses: {'204': {description: ok}}
          /packages:
            get:
              operationId: packages/list
              tags: [packages]
              parameters: [{name: sort, in: query, schema: {type: string, enum: [name, downloads]}}]
              responses: {'204': {description: ok}}
          /tasks/{id}:
            get:
              operationId: agents/get-task-by-id
              tags: [agents]
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}
                '404': {description: no, content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}}
                '503': {description: down, content: {application/json: {schema: {type: object, properties: {code: {type: string}}}}}}
        """;

    [Fact]
    public void Inline_types_of_operations_whose_method_names_meet_across_groups_start_with_the_operationId_prefix()
    {
        var (_, output) = OperationTests.Clean(TagsSpec);

        Assert.Equal(
            new[] { "IssuesUpdateRequest", "PackagesListSort", "ReposListSort", "ReposUpdateRequest" },
            Types(output).Where(n => n.Contains("Update", StringComparison.Ordinal) || n.Contains("Sort", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_filter_never_renames_an_operations_inline_type()
    {
        var filter = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ActionsGenOperations"] = "issues/update" };

        var (_, output) = OperationTests.Clean(TagsSpec, filter);

        Assert.Equal(new[] { "IssuesUpdateRequest" }, Types(output));
    }

    [Fact]
    public void Inline_responses_other_than_the_result_are_named_by_their_status()
    {
        var (_, output) = OperationTests.Clean(TagsSpec);

        Assert.Equal(
            new[] { "GetTaskByIdNotFoundResponse", "GetTaskByIdResponse", "GetTaskByIdServiceUnavailableResponse" },
            Types(output).Where(n => n.StartsWith("GetTaskById", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("422", "UnprocessableEntity")]
    [InlineData("207", "MultiStatus")]
    [InlineData("4XX", "ClientError")]
    [InlineData("default", "Default")]
    [InlineData("499", "Status499")]
    public void A_status_is_named_by_its_meaning(string status, string expected)
    {
        Assert.Equal(expected, StatusNames.Reason(status));
    }

    // The types the spec's schemas became (not the clients, the resolver or the registration).
    private static string[] Types(Compilation output) =>
        output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            .Select(t => t.Identifier.Text)
            .Where(n => !n.EndsWith("Operations", StringComparison.Ordinal) && !n.EndsWith("Client", StringComparison.Ordinal) && n != "ActionsJsonTypeInfoResolver" && !n.EndsWith("Extensions", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string[] Methods(Compilation output, string groupInterface) =>
        output.GetTypeByMetadataName("GitHub.Actions." + groupInterface)!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
}
