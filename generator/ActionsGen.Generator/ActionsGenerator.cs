using System.Collections.Immutable;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Emitting;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using ActionsGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActionsGen.Generator;

/// <summary>
/// Generates models, JSON code and clients from OpenAPI specs given as <c>AdditionalFiles</c> with
/// <c>ActionsGenSpec="true"</c>. Pipeline: spec files → parse (model + diagnostics as data) → one output per type.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionsGenerator : IIncrementalGenerator
{
    private const string DefaultNamespace = "GitHub.Actions";
    private const string DefaultClientName = "ActionsClient";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => new GeneratorSettings(
                Setting(options.GlobalOptions, "build_property.ActionsGenNamespace") ?? DefaultNamespace,
                Setting(options.GlobalOptions, "build_property.ActionsGenClientName") ?? DefaultClientName))
            .WithTrackingName(TrackingNames.Settings);

        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                if (!options.TryGetValue("build_metadata.AdditionalFiles.ActionsGenSpec", out var flag) || !string.Equals(flag.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var text = pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty;
                return new SpecFile(
                    pair.Left.Path,
                    text,
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenNamespace"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenClientName"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenPaths"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenOperations"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenSchemas"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenWriters"),
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenWebhooks"),
                    Simulator: Setting(options, "build_metadata.AdditionalFiles.ActionsGenSimulator"));
            })
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        // Whether the consumer can receive webhooks: turns them on where the spec item does not say, and adds the receiver.
        var aspNetCore = context.CompilationProvider
            .Select((compilation, _) => WebhookFilter.ReferencesAspNetCore(compilation.ReferencedAssemblyNames.Select(a => a.Name)))
            .WithTrackingName(TrackingNames.AspNetCore);

        var webhookSpecFiles = specFiles
            .Combine(aspNetCore)
            .Select((pair, _) => pair.Left with { ReferencesAspNetCore = pair.Right })
            .WithTrackingName(TrackingNames.WebhookSpecFiles);

        var parsed = webhookSpecFiles
            .Combine(settings)
            .Select((pair, _) => SpecParser.Parse(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Parse);

        // Each namespace belongs to one spec (the first by path); another spec that claims it gets ACTG010, not code.
        var namespaceOwners = parsed
            .Select((result, _) => result.Model is { } model ? (model.Namespace, model.SpecPath) : default)
            .Collect()
            .Select((all, _) => SpecParser.NamespaceOwners(all))
            .WithTrackingName(TrackingNames.NamespaceOwners);

        var accepted = parsed
            .Combine(namespaceOwners)
            .Select((pair, _) => SpecParser.RequireOwnNamespace(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Accepted);

        var diagnostics = accepted
            .Select((result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var types = accepted
            .SelectMany((result, _) => result.Model is { } model
                ? model.Types.Select(type => new EmitUnit(model.Namespace, type)).ToImmutableArray()
                : ImmutableArray<EmitUnit>.Empty)
            .WithTrackingName(TrackingNames.Types);

        var resolvers = accepted
            .Select((result, _) => result.Model is { } model
                ? new ResolverModel(model.Namespace, model.Types.Select(t => t.Name).ToEquatableArray())
                : null)
            .WithTrackingName(TrackingNames.Resolver);

        var clients = accepted
            .Select((result, _) => result.Model?.Client)
            .WithTrackingName(TrackingNames.Client);

        var clientGroups = clients
            .SelectMany((client, _) => client is null
                ? ImmutableArray<ClientGroupUnit>.Empty
                : client.Groups.Select(group => new ClientGroupUnit(client.Namespace, group)).ToImmutableArray())
            .WithTrackingName(TrackingNames.ClientGroups);

        // The DI registration, only for consumers that reference Microsoft.Extensions.Http.
        var registrations = clients
            .Combine(context.CompilationProvider.Select((compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.Extensions.Http")))
            .Select((pair, _) => pair.Right && pair.Left is { } client ? DependencyInjectionModel.From(client) : null)
            .WithTrackingName(TrackingNames.DependencyInjection);

        var simulators = accepted
            .Select((result, _) => result.Model?.Simulator)
            .WithTrackingName(TrackingNames.Simulator);

        var webhooks = accepted
            .Select((result, _) => result.Model?.Webhooks)
            .WithTrackingName(TrackingNames.Webhooks);

        var webhookReceivers = webhooks
            .Combine(aspNetCore)
            .Select((pair, _) => pair.Right ? pair.Left : null)
            .WithTrackingName(TrackingNames.WebhookReceiver);

        // Every output is guarded (an exception becomes ACTG099, never an exception to Roslyn); a file is named after the type it declares.
        context.RegisterSourceOutput(diagnostics, Guard.Output<EquatableArray<DiagnosticInfo>>(_ => "the diagnostics", ReportDiagnostics));
        context.RegisterSourceOutput(types, Guard.Source<EmitUnit>(unit => (unit.Namespace, unit.Type.Name), EmitType));
        context.RegisterSourceOutput(resolvers, Guard.Source<ResolverModel?>(
            model => model is null ? null : (model.Namespace, GeneratorTypeNames.Resolver),
            model => ResolverEmitter.Emit(model!)));
        context.RegisterSourceOutput(clients, Guard.Source<ClientModel?>(
            client => client is null ? null : (client.Namespace, client.ClientName),
            client => ClientEmitter.EmitRoot(client!)));
        context.RegisterSourceOutput(clientGroups, Guard.Source<ClientGroupUnit>(
            unit => (unit.Namespace, unit.Group.ClassName),
            unit => ClientEmitter.EmitGroup(unit.Namespace, unit.Group)));
        context.RegisterSourceOutput(registrations, Guard.Source<DependencyInjectionModel?>(
            model => model is null ? null : (model.Namespace, GeneratorTypeNames.Registration(model.ClientName)),
            model => DependencyInjectionEmitter.Emit(model!)));
        context.RegisterSourceOutput(webhooks, Guard.Source<WebhooksModel?>(
            model => model is null ? null : (model.Namespace, model.HandlerName),
            model => WebhookEmitter.Emit(model!)));
        context.RegisterSourceOutput(webhookReceivers, Guard.Source<WebhooksModel?>(
            model => model is null ? null : (model.Namespace, model.ExtensionsName),
            model => WebhookAspNetCoreEmitter.Emit(model!)));
        context.RegisterSourceOutput(simulators, Guard.Source<SimulatorModel?>(
            model => model is null ? null : (model.Namespace, model.ClassName),
            model => SimulatorEmitter.Emit(model!)));

        // ACTG040: in the compile of a project that references its own client assembly, a declaration of a generated type.
        context.RegisterSourceOutput(ClientAssemblyCheck.Diagnostics(context), Guard.Output<EquatableArray<DiagnosticInfo>>(_ => "the declarations of generated types", ReportDiagnostics));
    }

    private static string? Setting(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Find(info.Id), info.ToLocation(), info.Arguments.ToArray<object>()));
        }
    }

    private static string EmitType(EmitUnit unit) => unit.Type.Kind switch
    {
        TypeModelKind.Object => ModelEmitter.Emit(unit.Namespace, unit.Type),
        TypeModelKind.Enum => EnumEmitter.Emit(unit.Namespace, unit.Type),
        TypeModelKind.Union => UnionEmitter.Emit(unit.Namespace, unit.Type),
        _ => IntegerOrStringEmitter.Emit(unit.Namespace, unit.Type),
    };
}
