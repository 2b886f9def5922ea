using ActionsGen.Generator.Tests.Infrastructure;
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

    private static string[] Methods(Compilation output, string groupInterface) =>
        output.GetTypeByMetadataName("GitHub.Actions." + groupInterface)!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
}
