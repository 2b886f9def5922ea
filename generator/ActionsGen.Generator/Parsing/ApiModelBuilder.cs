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
        diagnostics.AddRange(filter.Unmatched(path));
        if (!all && schemas.UndefinedComponents() is { Count: > 0 } unused)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.SchemasNotUsed, path, scan.Find("#/components/schemas"), unused.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Sample(unused)));
        }

        // A simulator answers with any model, so every type it can send needs a writer.
        var simulator = file.HasSimulator ? new SimulatorBuilder(document, scan, schemas).Build(client) : null;
        var types = WriterReach.Mark(schemas.Types, client, all: file.AllWriters || modelsOnly || simulator is not null)
            .OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, client, simulator);
    }

    private static bool HasOperations(OpenApiDocument document) =>
        document.Paths?.Values.Any(item => item?.Operations?.Count > 0) == true;

    private static string Sample(List<string> keys) =>
        string.Join(", ", keys.Take(5).Select(key => "'" + key + "'")) + (keys.Count > 5 ? ", …" : string.Empty);
}
