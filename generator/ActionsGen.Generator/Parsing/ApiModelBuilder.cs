using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>OpenAPI document → <see cref="ApiModel"/>: schemas first (so names are stable), then operations. The only place that reads Microsoft.OpenApi objects, with its two halves.</summary>
internal static class ApiModelBuilder
{
    public static ApiModel Build(OpenApiDocument document, YamlScan scan, string path, string ns, string clientName, List<DiagnosticInfo> diagnostics)
    {
        var schemas = new SchemaResolver(document, scan, path, diagnostics, clientName);
        schemas.ResolveComponents();
        var client = new OperationBuilder(document, scan, path, diagnostics, schemas).BuildClient(ns, clientName);
        var types = schemas.Types.OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, client);
    }
}
