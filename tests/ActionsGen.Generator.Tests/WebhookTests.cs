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
