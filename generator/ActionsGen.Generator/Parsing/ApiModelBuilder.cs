using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>OpenAPI document → <see cref="ApiModel"/>: schemas first (so names are stable), then operations. The only place that reads Microsoft.OpenApi objects, with its two halves.</summary>
internal static class ApiModelBuilder
{
    /// <param name="skipped">Pointers of operations or paths the reader found broken (left out with ACTG011).</param>
    public static ApiModel Build(OpenApiDocument document, YamlScan scan, SpecFile file, string ns, string clientName, ISet<string> skipped, List<DiagnosticInfo> diagnostics)
    {
        var path = file.Path;
        var filter = new OperationFilter(file.Paths, file.Operations);
        var schemas = new SchemaResolver(document, scan, path, diagnostics, clientName);
        schemas.NameComponents();

        // Only what the generated operations reach becomes a type, unless asked for all (or there are no operations:
        // a description of models only).
        var modelsOnly = !HasOperations(document);
        var all = file.AllSchemas || modelsOnly;
        if (all)
        {
            schemas.DefineComponents();
        }

        var client = new OperationBuilder(document, scan, path, diagnostics, schemas, filter, skipped).BuildClient(ns, clientName);

        // Webhooks after operations, so that no operation's type name depends on whether webhooks are generated.
        var webhooks = WebhookFilter.Enabled(file)
            ? new WebhookBuilder(document, scan, path, diagnostics, schemas).Build(ns, clientName, new WebhookFilter(file.Webhooks, filter))
            : null;
        diagnostics.AddRange(filter.Unmatched(path));
        if (!all && UnusedComponents(schemas, document) is { Count: > 0 } unused)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.SchemasNotUsed, path, scan.Find("#/components/schemas"), unused.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Sample(unused)));
        }

        // A simulator answers with any model, so every type it can send needs a writer.
        var simulator = file.HasSimulator ? new SimulatorBuilder(document, scan, schemas).Build(client) : null;
        var types = WriterReach.Mark(schemas.Types, client, all: file.AllWriters || modelsOnly || simulator is not null)
            .OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, client, webhooks, simulator);
    }

    // Schemas that webhooks reach belong to the webhooks, generated or not (the Webhooks setting decides).
    private static List<string> UnusedComponents(SchemaResolver schemas, OpenApiDocument document)
    {
        var unused = schemas.UndefinedComponents();
        if (unused.Count > 0)
        {
            var webhooks = WebhookBuilder.ReachedComponents(document);
            unused.RemoveAll(webhooks.Contains);
        }

        return unused;
    }

    private static bool HasOperations(OpenApiDocument document) =>
        document.Paths?.Values.Any(item => item?.Operations?.Count > 0) == true;

    private static string Sample(List<string> keys) =>
        string.Join(", ", keys.Take(5).Select(key => "'" + key + "'")) + (keys.Count > 5 ? ", …" : string.Empty);
}
