using ActionsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Tests;

/// <summary>The operation side of the generated client: results, redirects, header and cookie parameters, external references, names.</summary>
public class OperationTests
{
    internal const string Header = """
        openapi: 3.0.3
        info:
          title: t
          version: "1"

        """;

    internal const string Integration = """
        components:
          schemas:
            integration:
              type: object
              nullable: true
              required: [id]
              properties:
                id: {type: integer}
                slug: {type: string}
        """;

    internal static string Source(GeneratorDriverRunResult run, string hintName) =>
        run.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    internal static (GeneratorDriverRunResult Run, Compilation Output) Clean(string spec, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var (run, output, compile) = GeneratorHarness.Generate(spec, metadata);
        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(run.Diagnostics.Where(d => d.Id != "ACTG016"));
        Assert.Empty(compile);
        return (run, output);
    }

    internal static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    internal static int LineOf(string spec, string marker) => spec[..spec.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_nullable_response_returns_a_nullable_model_read_with_SendForNullableAsync()
    {
        var spec = Header + """
            paths:
              /app:
                get:
                  operationId: apps/get-authenticated
                  tags: [apps]
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/integration'}
            """ + "\n" + Integration;

        var (run, _) = Clean(spec);
        var source = Source(run, "GitHub.Actions.AppsOperations.g.cs");

        Assert.Contains("SysTasks::Task<Integration?> GetAuthenticatedAsync(", source);
        Assert.Contains("_connection.SendForNullableAsync<Integration>(", source);
    }

    [Fact]
    public void A_302_without_a_declared_Location_is_a_redirect_with_a_Url_method_and_a_download()
    {
        var spec = Header + """
            paths:
              /orgs/{org}/migrations/{migration_id}/archive:
                get:
                  operationId: migrations/download-archive-for-org
                  tags: [migrations]
                  parameters:
                    - {name: org, in: path, required: true, schema: {type: string}}
                    - {name: migration_id, in: path, required: true, schema: {type: integer}}
                  responses:
                    '302':
                      description: Found
                    '304':
                      description: Not modified
            """;

        var (run, _) = Clean(spec);
        var source = Source(run, "GitHub.Actions.MigrationsOperations.g.cs");

        Assert.Contains("SysTasks::Task<Sys::Uri> DownloadArchiveForOrgUrlAsync(string org, long migrationId", source);
        Assert.Contains("SysTasks::Task<Sys::IO.Stream> DownloadArchiveForOrgAsync(string org, long migrationId", source);
        Assert.Contains("_connection.SendForRedirectAsync(", source);
        Assert.Contains("_connection.DownloadAsync(", source);
    }

    [Fact]
    public void Header_parameters_are_method_parameters_sent_as_headers_and_cookies_are_ACTG013_at_their_line()
    {
        var spec = Header + """
            paths:
              /things:
                get:
                  operationId: things/list
                  tags: [things]
                  parameters:
                    - {name: X-Trace-Depth, in: header, schema: {type: integer}}
                    - {name: per_page, in: query, schema: {type: integer}}
                    - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
                    - {name: session, in: cookie, schema: {type: string}}
                  responses:
                    '204':
                      description: No content
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);
        var source = Source(run, "GitHub.Actions.ThingsOperations.g.cs");

        Assert.Empty(compile);
        var cookie = Assert.Single(run.Diagnostics);
        Assert.Equal("ACTG013", cookie.Id);
        Assert.Equal(DiagnosticSeverity.Warning, cookie.Severity);
        Assert.Equal(LineOf(spec, "name: session"), Line(cookie));
        Assert.Contains("session", cookie.GetMessage());
        Assert.Contains("SysTasks::Task ListAsync(string xRequestId, long? perPage = null, long? xTraceDepth = null, Sys::Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("request.Header(\"X-Request-Id\", xRequestId);", source);
        Assert.Contains("request.Header(\"X-Trace-Depth\", xTraceDepth is null ? null : xTraceDepth.Value.ToString(Sys::Globalization.CultureInfo.InvariantCulture));", source);
        Assert.DoesNotContain("session", source);
    }

    [Fact]
    public void External_references_are_ACTG012_at_each_ref_and_the_value_is_raw_JSON()
    {
        var spec = Header + """
            paths:
              /things:
                get:
                  operationId: things/get
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: 'other.yaml#/components/schemas/thing'
              /remote:
                get:
                  operationId: remote/get
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: 'https://example.com/x.yaml#/components/schemas/thing'
            """;

        var (run, _, compile) = GeneratorHarness.Generate(spec);

        Assert.Empty(compile);
        var diagnostics = run.Diagnostics.OrderBy(Line).ToArray();
        Assert.All(diagnostics, d => Assert.Equal("ACTG012", d.Id));
        Assert.Equal(new[] { LineOf(spec, "other.yaml"), LineOf(spec, "https://example.com") }, diagnostics.Select(Line));
        Assert.Contains("other.yaml#/components/schemas/thing", diagnostics[0].GetMessage());
        Assert.Contains("Task<SysJson::JsonElement> ThingsGetAsync(", Source(run, "GitHub.Actions.DefaultOperations.g.cs"));
    }

    [Fact]
    public void A_202_with_an_empty_object_returns_Task()
    {
        var spec = Header + """
            paths:
              /runs/{id}/rerun:
                post:
                  operationId: actions/re-run-workflow
                  tags: [actions]
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses:
                    '201':
                      description: Created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/empty-object'}
            components:
              schemas:
                empty-object:
                  title: Empty Object
                  type: object
                  properties: {}
                  additionalProperties: false
            """;

        var (run, _) = Clean(spec);

        Assert.Contains("SysTasks::Task ReRunWorkflowAsync(long id, ", Source(run, "GitHub.Actions.ActionsOperations.g.cs"));
    }

    [Fact]
    public void A_spec_whose_only_tag_is_actions_gets_IActionsOperations_beside_ActionsClient()
    {
        var spec = Header + """
            paths:
              /a:
                get:
                  operationId: actions/get-a
                  tags: [actions]
                  responses:
                    '204': {description: No content}
            """;

        var (run, output) = Clean(spec);

        Assert.Contains("public IActionsOperations Actions { get; }", Source(run, "GitHub.Actions.ActionsClient.g.cs"));
        Assert.NotNull(output.GetTypeByMetadataName("GitHub.Actions.ActionsOperations"));
        Assert.Null(output.GetTypeByMetadataName("GitHub.Actions.ActionsClient2"));
    }

    [Fact]
    public void Page_walks_read_well_for_list_get_and_other_names()
    {
        var paged = """
                  parameters:
                    - {name: per_page, in: query, schema: {type: integer}}
                    - {name: page, in: query, schema: {type: integer}}
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/page'}
            """;
        var spec = Header + "paths:\n"
            + "  /caches:\n    get:\n      operationId: actions/get-actions-cache-list\n      tags: [actions]\n" + paged + "\n"
            + "  /search/code:\n    get:\n      operationId: search/code\n      tags: [actions]\n" + paged + "\n"
            + "  /things:\n    get:\n      operationId: things/things-by-owner\n      tags: [actions]\n" + paged + "\n"
            + "  /runs:\n    get:\n      operationId: actions/list-workflow-runs\n      tags: [actions]\n" + paged + "\n"
            + """
            components:
              schemas:
                page:
                  type: object
                  properties:
                    total_count: {type: integer}
                    items:
                      type: array
                      items: {type: object, properties: {id: {type: integer}}}
            """;

        var (run, _) = Clean(spec);
        var source = Source(run, "GitHub.Actions.ActionsOperations.g.cs");

        Assert.Contains(" GetAllActionsCacheListAsync(", source);
        Assert.Contains(" SearchAllCodeAsync(", source);
        Assert.Contains(" ListAllThingsByOwnerAsync(", source);
        Assert.Contains(" ListAllWorkflowRunsAsync(", source);
    }

    [Fact]
    public void A_response_of_any_generated_type_or_a_list_of_one_is_typed()
    {
        var spec = Header + """
            paths:
              /state:
                get:
                  operationId: things/get-state
                  tags: [things]
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/state'}
              /states:
                get:
                  operationId: things/list-states
                  tags: [things]
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: array
                            items: {$ref: '#/components/schemas/state'}
            components:
              schemas:
                state:
                  type: string
                  enum: [open, closed]
            """;

        var (run, _) = Clean(spec);
        var source = Source(run, "GitHub.Actions.ThingsOperations.g.cs");

        Assert.Contains("SysTasks::Task<State> GetStateAsync(", source);
        Assert.Contains("SysTasks::Task<SysCollections::IReadOnlyList<State>> ListStatesAsync(", source);
    }
}
