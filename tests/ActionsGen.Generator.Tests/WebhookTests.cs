using System.Collections.Immutable;
using ActionsGen.Generator.Tests.Infrastructure;
using ActionsGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace ActionsGen.Generator.Tests;

/// <summary>
/// Webhooks (x-webhooks) become a handler with one method per webhook and a dispatch table, and, for ASP.NET Core
/// consumers, the registration and endpoint; a consumer that does not receive webhooks gets none of it.
/// </summary>
public class WebhookTests(ITestOutputHelper output)
{
    private const string WebhooksKey = "build_metadata.AdditionalFiles.ActionsGenWebhooks";
    private const string HandlerHint = "GitHub.Actions.ActionsWebhookHandler.g.cs";
    private const string ExtensionsHint = "GitHub.Actions.ActionsWebhookExtensions.g.cs";

    private static readonly string Spec = File.ReadAllText(GeneratorHarness.SpecPath);

    /// <summary>Every assembly of the ASP.NET Core shared framework, as a web project references them.</summary>
    internal static readonly Lazy<MetadataReference[]> AspNetCore = new(() =>
        Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "Microsoft.*.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    [Fact]
    public void A_console_consumer_of_the_built_in_spec_gets_no_webhook_code_and_stays_under_4000_lines()
    {
        var (run, _, compile) = GeneratorHarness.Generate(Spec);

        Assert.Empty(compile);
        Assert.Empty(run.Diagnostics);
        var sources = run.Results.Single().GeneratedSources;
        Assert.DoesNotContain(sources, s => s.HintName.Contains("Webhook", StringComparison.Ordinal));
        var lines = sources.Sum(s => s.SourceText.Lines.Count);
        output.WriteLine($"{sources.Length} files, {lines} lines");
        Assert.True(lines <= 4000, $"{lines} lines");
    }

    [Fact]
    public void Webhooks_all_gives_a_handler_with_one_method_per_webhook_and_no_ASP_NET_Core_code()
    {
        var (run, compilation, compile) = GeneratorHarness.Generate(Spec, new Dictionary<string, string> { [WebhooksKey] = "all" }, extraSources: Handler);

        Assert.Empty(compile);
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.EndsWith(HandlerHint, StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.EndsWith(ExtensionsHint, StringComparison.Ordinal));
        var handler = compilation.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler")!;
        Assert.True(handler.IsAbstract);
        Assert.Equal("ActionsGen.Runtime.Webhooks.WebhookHandler", handler.BaseType!.ToDisplayString());
        var methods = handler.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsVirtual).Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "OnPingAsync", "OnWorkflowDispatchAsync", "OnWorkflowJobCompletedAsync", "OnWorkflowJobInProgressAsync", "OnWorkflowJobQueuedAsync",
                "OnWorkflowJobWaitingAsync", "OnWorkflowRunCompletedAsync", "OnWorkflowRunInProgressAsync", "OnWorkflowRunRequestedAsync",
            },
            methods);
    }

    [Fact]
    public void Payloads_share_the_REST_clients_types()
    {
        var (_, compilation, compile) = GeneratorHarness.Generate(Spec, new Dictionary<string, string> { [WebhooksKey] = "all" });
        Assert.Empty(compile);

        var completed = compilation.GetTypeByMetadataName("GitHub.Actions.WebhookWorkflowJobCompleted")!;
        Assert.Equal("GitHub.Actions.Job", Property(completed, "WorkflowJob"));
        Assert.Equal("GitHub.Actions.SimpleUser", Property(completed, "Sender"));
        Assert.Equal("GitHub.Actions.MinimalRepository", Property(completed, "Repository"));
        var run = compilation.GetTypeByMetadataName("GitHub.Actions.WebhookWorkflowRunCompleted")!;
        Assert.Equal("GitHub.Actions.WorkflowRun", Property(run, "WorkflowRun"));

        // The method's payload parameter is the payload model.
        var method = compilation.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler")!.GetMembers("OnWorkflowJobCompletedAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(completed, method.Parameters[0].Type, SymbolEqualityComparer.Default);

        static string Property(INamedTypeSymbol type, string name) =>
            ((IPropertySymbol)type.GetMembers(name).Single()).Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
    }

    [Fact]
    public void The_dispatch_table_goes_by_event_then_action_and_sends_the_rest_to_OnUnknownAsync()
    {
        var (run, _, _) = GeneratorHarness.Generate(Spec, new Dictionary<string, string> { [WebhooksKey] = "all" });
        var source = run.GeneratedTrees.Single(t => t.FilePath.EndsWith(HandlerHint, StringComparison.Ordinal)).ToString();

        Assert.Contains("case \"workflow_job\":", source);
        Assert.Contains("case \"in_progress\":", source);
        Assert.Contains("return OnWorkflowJobInProgressAsync(Payload<WebhookWorkflowJobInProgress>(delivery, \"workflow-job/in-progress\"), delivery, cancellationToken);", source);
        Assert.Contains("case \"workflow_dispatch\":", source);
        Assert.Contains("return OnWorkflowDispatchAsync(Payload<WebhookWorkflowDispatch>(delivery, \"workflow-dispatch\"), delivery, cancellationToken);", source);
        Assert.Contains("return Unknown(delivery, cancellationToken);", source);
    }

    [Fact]
    public void An_ASP_NET_Core_consumer_gets_the_handler_the_registration_and_the_endpoint_and_they_compile()
    {
        var compilation = GeneratorHarness.Compilation(Handler, Startup).AddReferences(AspNetCore.Value);

        var driver = GeneratorHarness.Driver(Spec).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        var run = driver.GetRunResult();
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.EndsWith(HandlerHint, StringComparison.Ordinal));
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.EndsWith(ExtensionsHint, StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.WithNullableWarnings(generated).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Webhooks_none_turns_them_off_in_an_ASP_NET_Core_consumer()
    {
        var compilation = GeneratorHarness.Compilation().AddReferences(AspNetCore.Value);
        var texts = ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText("/specs/actions.yaml", Spec));

        var run = GeneratorHarness.Driver(texts, metadata: new Dictionary<string, string> { [WebhooksKey] = "none" }).RunGenerators(compilation).GetRunResult();

        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains("Webhook", StringComparison.Ordinal));
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Webhooks_globs_keep_the_webhooks_they_name_and_an_entry_that_names_none_is_ACTG031()
    {
        var metadata = new Dictionary<string, string> { [WebhooksKey] = "workflow-job/*|ping|nothing-*" };
        var (run, compilation, compile) = GeneratorHarness.Generate(Spec, metadata);

        Assert.Empty(compile);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("ACTG031", warning.Id);
        Assert.Contains("'nothing-*'", warning.GetMessage());
        var methods = compilation.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler")!.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsVirtual).Select(m => m.Name).ToArray();
        Assert.Equal(5, methods.Length);
        Assert.Contains("OnPingAsync", methods);
        Assert.DoesNotContain("OnWorkflowRunCompletedAsync", methods);
        Assert.Null(compilation.GetTypeByMetadataName("GitHub.Actions.WebhookWorkflowRunCompleted"));
    }

    [Fact]
    public void An_Operations_filter_applies_to_webhooks_by_operationId()
    {
        var metadata = new Dictionary<string, string>
        {
            [WebhooksKey] = "all",
            ["build_metadata.AdditionalFiles.ActionsGenOperations"] = "actions/get-job-for-workflow-run|workflow-run/*",
        };
        var (run, compilation, compile) = GeneratorHarness.Generate(Spec, metadata);

        Assert.Empty(compile);
        Assert.Empty(run.Diagnostics.Where(d => d.Id != "ACTG016"));
        var methods = compilation.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler")!.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsVirtual).Select(m => m.Name).ToArray();
        Assert.Equal(3, methods.Length);
        Assert.All(methods, m => Assert.StartsWith("OnWorkflowRun", m, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_webhook_steps_cached()
    {
        var compilation = GeneratorHarness.Compilation("class A { }").AddReferences(AspNetCore.Value);
        var driver = GeneratorHarness.Driver(Spec).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.Preview)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.AspNetCore, TrackingNames.WebhookSpecFiles, TrackingNames.Parse, TrackingNames.Webhooks, TrackingNames.WebhookReceiver })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }

        Assert.NotNull(result.TrackedSteps[TrackingNames.WebhookReceiver].Single().Outputs.Single().Value);
    }

    [Fact]
    public void Two_parses_of_the_same_spec_give_equal_webhook_models()
    {
        var file = new Model.SpecFile("/specs/actions.yaml", Spec, null, null, Webhooks: "all");
        var settings = new Model.GeneratorSettings("GitHub.Actions", "ActionsClient");
        var first = Generator.Parsing.SpecParser.Parse(file with { Text = Spec + "\n" }, settings).Model!.Webhooks;
        var second = Generator.Parsing.SpecParser.Parse(file with { Text = Spec + "\n\n" }, settings).Model!.Webhooks;

        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(9, first!.Webhooks.Length);
    }

    [Fact]
    public async Task GitHubs_whole_description_generates_a_method_for_every_webhook_and_compiles()
    {
        var description = await OctokitDescriptions.WholeDescriptionPathAsync();
        if (!description.Found)
        {
            output.WriteLine(description.SkipReason);
            return;
        }

        var compilation = GeneratorHarness.Compilation().AddReferences(AspNetCore.Value);
        var texts = ImmutableArray.Create<AdditionalText>(new GeneratorHarness.InMemoryAdditionalText(description.Path!, File.ReadAllText(description.Path!)));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var driver = GeneratorHarness.Driver(texts, trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var generating = started.Elapsed;

        var run = driver.GetRunResult();
        Assert.Null(run.Results.Single().Exception);
        var webhookDiagnostics = run.Diagnostics.Where(d => d.Id is "ACTG030" or "ACTG031" or "ACTG099").ToArray();
        Assert.Empty(webhookDiagnostics);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var handler = generated.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler")!;
        var methods = handler.GetMembers().OfType<IMethodSymbol>().Count(m => m.IsVirtual && m.Name.StartsWith("On", StringComparison.Ordinal));
        Assert.Equal(270, methods);
        Assert.NotNull(generated.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookExtensions"));
        var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToArray();
        Assert.Empty(errors);
        output.WriteLine($"{methods} webhook methods; {run.Results.Single().GeneratedSources.Length} files; generated in {generating.TotalSeconds:F1} s, compiled in {(started.Elapsed - generating).TotalSeconds:F1} s");
    }

    [Fact]
    public void Hostile_webhooks_degrade_one_by_one_at_their_lines_and_the_rest_generates_and_compiles()
    {
        var (run, compilation, compile) = GeneratorHarness.Generate(Hostile, new Dictionary<string, string> { [WebhooksKey] = "all" }, ns: "Hostile");

        Assert.Null(run.Results.Single().Exception);
        Assert.Empty(compile);
        var lines = Hostile.Split('\n');
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        var found = run.Diagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line)).OrderBy(d => d.Line).ToArray();
        foreach (var d in run.Diagnostics)
        {
            output.WriteLine(d.ToString());
        }

        Assert.Equal(
            new[]
            {
                ("ACTG030", Line("no-body:") + 1),
                ("ACTG030", Line("requestBody: {content: {application/x-www-form")),
                ("ACTG004", Line("#/components/schemas/nope'")),
                ("ACTG030", Line("not-a-path-item:")),
                ("ACTG030", Line("no-operation:")),
                ("ACTG004", Line("#/components/schemas/nope2'")),
                ("ACTG030", Line("inline-nested:") + 1),
            }.OrderBy(d => d.Item2),
            found);

        var handler = compilation.GetTypeByMetadataName("Hostile.ActionsWebhookHandler")!;
        var methods = handler.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsVirtual && m.Name.StartsWith("On", StringComparison.Ordinal))
            .ToDictionary(m => m.Name, m => m.Parameters[0].Type.ToDisplayString());
        Assert.Equal("Hostile.Thing", methods["OnThingHappenedAsync"]);
        Assert.Equal("Hostile.WebhookThingHappened", methods["OnThingHappened2Async"]);
        Assert.Equal("System.Text.Json.JsonElement", methods["OnAnyAsync"]);
        Assert.Equal("System.Text.Json.JsonElement", methods["OnNoBodyAsync"]);
        Assert.Equal("System.Text.Json.JsonElement", methods["OnFormAsync"]);
        Assert.Equal("System.Text.Json.JsonElement", methods["OnDanglingAsync"]);
        // Webhooks are read in name order (as paths are): of two with one event and action, the second by name is left out.
        Assert.Equal("Hostile.WebhookDuplicateRoute", methods["OnInlineCreatedAgainAsync"]);
        Assert.DoesNotContain("OnInlineCreatedAsync", methods.Keys);
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("'inline-nested' is dispatched by the same event and action as the webhook 'duplicate-route' ('inline' with action 'created')", StringComparison.Ordinal));
        Assert.Contains(methods.Keys, m => m.StartsWith("OnXSystemEnvironmentExit", StringComparison.Ordinal));

        // Spec text lands in string literals and doc comments escaped, never as code.
        var source = run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Hostile.ActionsWebhookHandler.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("case \"evt\\\"; return null; //\":", source);
        Assert.Contains("case \"a\\\"b\":", source);
        Assert.DoesNotContain("<script>", source);
    }

    [Theory]
    [InlineData("x-webhooks: [1, 2]")]
    [InlineData("x-webhooks: just text")]
    [InlineData("x-webhooks: {}")]
    [InlineData("x-webhooks: ~")]
    public void An_x_webhooks_that_is_not_a_map_of_webhooks_generates_the_rest(string webhooks)
    {
        var spec = Minimal + webhooks + "\n";
        var (run, compilation, compile) = GeneratorHarness.Generate(spec, new Dictionary<string, string> { [WebhooksKey] = "all" });

        Assert.Empty(compile);
        Assert.All(run.Diagnostics, d => Assert.Equal("ACTG030", d.Id));
        Assert.NotNull(compilation.GetTypeByMetadataName("GitHub.Actions.ActionsClient"));
        Assert.Null(compilation.GetTypeByMetadataName("GitHub.Actions.ActionsWebhookHandler"));
    }

    private const string Minimal = """
        openapi: 3.0.3
        info: {title: minimal, version: '1'}
        paths:
          /a:
            get:
              operationId: get-a
              responses:
                '204': {description: none}

        """;

    private const string Hostile = """
        openapi: 3.0.3
        info: {title: hostile, version: '1'}
        paths:
          /a:
            get:
              operationId: get-a
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/thing'}
        x-webhooks:
          Thing-Happened:
            post:
              operationId: thing/happened
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/thing'}}}}
          thing-happened:
            post:
              operationId: thing/Happened
              x-github: {subcategory: thing}
              requestBody: {content: {application/json: {schema: {type: object, properties: {action: {type: string, enum: [again]}}}}}}
          no-body:
            post: {operationId: no-body}
          any-schema:
            post: {operationId: any, requestBody: {content: {application/json: {schema: {}}}}}
          form-only:
            post:
              operationId: form
              requestBody: {content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {payload: {type: string}}}}}}
          dangling:
            post: {operationId: dangling, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/nope'}}}}}
          "inject\"; } class X { //":
            post:
              operationId: "x\"); System.Environment.Exit(1); //"
              summary: "*/ </summary> <script> \" ; } }"
              x-github: {subcategory: "evt\"; return null; //"}
              requestBody: {content: {application/json: {schema: {type: object, properties: {action: {type: string, enum: ["a\"b"]}}}}}}
          not-a-path-item: 42
          no-operation: {summary: nothing}
          inline-nested:
            post:
              operationId: inline/created
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        action: {type: string, enum: [created]}
                        thing: {$ref: '#/components/schemas/thing'}
                        items: {type: array, items: {$ref: '#/components/schemas/nope2'}}
          duplicate-route:
            post:
              operationId: inline/created-again
              x-github: {subcategory: inline}
              requestBody: {content: {application/json: {schema: {type: object, properties: {action: {type: string, enum: [created]}}}}}}
        components:
          schemas:
            thing: {type: object, properties: {id: {type: integer}}}
        """;

    private const string Handler = """
        using System.Threading;
        using System.Threading.Tasks;
        using ActionsGen.Runtime.Webhooks;
        using GitHub.Actions;

        public sealed class JobHandler : ActionsWebhookHandler
        {
            public override Task OnWorkflowJobCompletedAsync(WebhookWorkflowJobCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken) =>
                Task.FromResult(payload.WorkflowJob.Conclusion);
        }
        """;

    private const string Startup = """
        using GitHub.Actions;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static void Run(WebApplicationBuilder builder)
            {
                builder.Services.AddActionsWebhookHandler<JobHandler>(o => o.Secrets.Add("s"));
                var app = builder.Build();
                app.MapActionsWebhooks("/github/webhooks", "secret").AllowAnonymous();
                app.MapActionsWebhooks("/rotating");
                app.MapActionsWebhooks("/options", o => { o.Secrets = new[] { "old", "new" }; o.MaxBodyBytes = 1 << 20; });
            }
        }
        """;
}
