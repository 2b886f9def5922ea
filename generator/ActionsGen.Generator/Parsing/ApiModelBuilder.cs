using System.Collections.Generic;
using System.Linq;
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

        // With a filter, only what the kept operations reach is generated.
        if (filter.IsEmpty)
        {
            schemas.ResolveComponents();
        }

        var client = new OperationBuilder(document, scan, path, diagnostics, schemas, filter, skipped).BuildClient(ns, clientName);
        diagnostics.AddRange(filter.Unmatched(path));
        var types = schemas.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, client);
    }
}
