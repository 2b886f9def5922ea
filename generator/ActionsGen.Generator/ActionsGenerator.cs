using System.Collections.Immutable;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Emitting;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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
                    Setting(options, "build_metadata.AdditionalFiles.ActionsGenClientName"));
            })
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Combine(settings)
            .Select((pair, _) => SpecParser.Parse(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select((result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var types = parsed
            .SelectMany((result, _) => result.Model is { } model
                ? model.Types.Select(type => new EmitUnit(model.Namespace, type)).ToImmutableArray()
                : ImmutableArray<EmitUnit>.Empty)
            .WithTrackingName(TrackingNames.Types);

        var resolvers = parsed
            .Select((result, _) => result.Model is { } model
                ? new ResolverModel(model.Namespace, model.Types.Select(t => t.Name).ToEquatableArray())
                : null)
            .WithTrackingName(TrackingNames.Resolver);

        var clients = parsed
            .Select((result, _) => result.Model?.Client)
            .WithTrackingName(TrackingNames.Client);

        var clientGroups = clients
            .SelectMany((client, _) => client is null
                ? ImmutableArray<ClientGroupUnit>.Empty
                : client.Groups.Select(group => new ClientGroupUnit(client.Namespace, group)).ToImmutableArray())
            .WithTrackingName(TrackingNames.ClientGroups);

        context.RegisterSourceOutput(diagnostics, ReportDiagnostics);
        context.RegisterSourceOutput(types, EmitType);
        context.RegisterSourceOutput(resolvers, EmitResolver);
        context.RegisterSourceOutput(clients, EmitClient);
        context.RegisterSourceOutput(clientGroups, EmitClientGroup);
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

    private static void EmitResolver(SourceProductionContext context, ResolverModel? model)
    {
        if (model is not null)
        {
            context.AddSource(model.Namespace + "." + ResolverEmitter.ClassName + ".g.cs", SourceText.From(ResolverEmitter.Emit(model), System.Text.Encoding.UTF8));
        }
    }

    private static void EmitClient(SourceProductionContext context, ClientModel? client)
    {
        if (client is not null)
        {
            context.AddSource(client.Namespace + "." + client.ClientName + ".g.cs", SourceText.From(ClientEmitter.EmitRoot(client), System.Text.Encoding.UTF8));
        }
    }

    private static void EmitClientGroup(SourceProductionContext context, ClientGroupUnit unit) =>
        context.AddSource(unit.Namespace + "." + unit.Group.ClassName + ".g.cs", SourceText.From(ClientEmitter.EmitGroup(unit.Namespace, unit.Group), System.Text.Encoding.UTF8));

    private static void EmitType(SourceProductionContext context, EmitUnit unit)
    {
        var prefix = unit.Namespace + "." + unit.Type.Name;
        switch (unit.Type.Kind)
        {
            case TypeModelKind.Object:
                context.AddSource(prefix + ".g.cs", SourceText.From(ModelEmitter.Emit(unit.Namespace, unit.Type), System.Text.Encoding.UTF8));
                break;
            case TypeModelKind.Enum:
                context.AddSource(prefix + ".g.cs", SourceText.From(EnumEmitter.Emit(unit.Namespace, unit.Type), System.Text.Encoding.UTF8));
                break;
            default:
                context.AddSource(prefix + ".g.cs", SourceText.From(UnionEmitter.Emit(unit.Namespace, unit.Type), System.Text.Encoding.UTF8));
                break;
        }

        context.AddSource(prefix + ".Json.g.cs", SourceText.From(JsonEmitter.Emit(unit.Namespace, unit.Type), System.Text.Encoding.UTF8));
    }
}
