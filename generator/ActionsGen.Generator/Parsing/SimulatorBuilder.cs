using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// The generated operations → <see cref="SimulatorModel"/>: for each, the rules its parameters and body must follow
/// (as <see cref="SimulatorSchemas"/> describes them) and what it is answered with: the first declared success status
/// and its example (<see cref="ExampleText"/>), or a value made from the response schema (<see cref="ExampleSynthesis"/>).
/// </summary>
internal sealed class SimulatorBuilder
{
    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly SchemaResolver _types;
    private readonly SimulatorSchemas _schemas;

    public SimulatorBuilder(OpenApiDocument document, YamlScan scan, SchemaResolver types)
    {
        _document = document;
        _scan = scan;
        _types = types;
        _schemas = new SimulatorSchemas(document);
    }

    public SimulatorModel Build(ClientModel client)
    {
        var operations = client.Groups.SelectMany(g => g.Operations)
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method)
            .Select(Operation)
            .ToEquatableArray();
        return new SimulatorModel(client.Namespace, _types.ClaimTypeName(SimulatorNames.Class(client.ClientName)), client.ClientName, operations, _schemas.Table);
    }

    private SimulatedOperationModel Operation(OperationModel model)
    {
        var item = _document.Paths[model.Path];
        var operation = item.Operations[ToOpenApi(model.Method)];
        var pointer = OperationContext.PointerOf(model.Path, model.Method);
        var (status, statusKey) = SuccessStatus(model);
        var response = statusKey is not null && operation.Responses.TryGetValue(statusKey, out var declared) ? declared : null;
        var responsePointer = response?.Reference is { Id: { } id } ? "#/components/responses/" + YamlScan.EscapePointer(id) : pointer + "/responses/" + YamlScan.EscapePointer(statusKey ?? string.Empty);
        return new SimulatedOperationModel(
            model.OperationId,
            model.Method.ToString().ToUpperInvariant(),
            model.Path,
            status,
            Parameters(item, operation),
            Body(operation),
            response is null || status is >= 300 and < 400 ? null : Example(response, responsePointer),
            response is not null && status is >= 300 and < 400 ? Location(response, responsePointer) : null,
            Items(model),
            operation.ExternalDocs?.Url?.OriginalString);
    }

    private static OperationType ToOpenApi(HttpVerb verb) => verb switch
    {
        HttpVerb.Get => OperationType.Get,
        HttpVerb.Put => OperationType.Put,
        HttpVerb.Post => OperationType.Post,
        HttpVerb.Delete => OperationType.Delete,
        HttpVerb.Patch => OperationType.Patch,
        HttpVerb.Head => OperationType.Head,
        HttpVerb.Options => OperationType.Options,
        _ => OperationType.Trace,
    };

    // The first declared 2xx, else the first 3xx but 304 (a redirect), else 200; "2XX" counts as 200.
    private static (int Status, string? Key) SuccessStatus(OperationModel model)
    {
        var success = model.Responses.FirstOrDefault(r => IsClass(r.StatusCode, '2'))
            ?? model.Responses.FirstOrDefault(r => IsClass(r.StatusCode, '3') && r.StatusCode != "304");
        if (success is null)
        {
            return (200, null);
        }

        return (int.TryParse(success.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : (success.StatusCode[0] - '0') * 100, success.StatusCode);
    }

    private static bool IsClass(string status, char first) => status.Length == 3 && status[0] == first;

    // Path-level parameters first; an operation's parameter with the same name and location replaces one. Cookies are
    // left out: the client never sends them.
    private string Parameters(OpenApiPathItem item, OpenApiOperation operation)
    {
        var declared = item.Parameters.Concat(operation.Parameters)
            .Where(p => p is not null && p.In is ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header)
            .GroupBy(p => (p.Name, p.In))
            .Select(g => g.Last());
        var json = new StringBuilder("[");
        foreach (var parameter in declared)
        {
            json.Append(json.Length > 1 ? "," : string.Empty);
            json.Append("{\"name\":").Append(JsonText.Quote(parameter.Name ?? string.Empty))
                .Append(",\"in\":").Append(JsonText.Quote(parameter.In!.Value.ToString().ToLowerInvariant()));
            if (parameter.Required || parameter.In == ParameterLocation.Path)
            {
                json.Append(",\"required\":true");
            }

            json.Append(",\"schema\":").Append(_schemas.Describe(parameter.Schema)).Append('}');
        }

        return json.Append(']').ToString();
    }

    // Only a JSON body is checked: the client sends no other kind.
    private string? Body(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content is not { } content || OpenApiValues.JsonContent(content) is not { } media)
        {
            return null;
        }

        return "{\"required\":" + (operation.RequestBody.Required ? "true" : "false") + ",\"schema\":" + _schemas.Describe(media.Value.Schema) + "}";
    }

    // The media type's `example`, else its first `examples` entry (inline or a component), else one made from its schema.
    private string? Example(OpenApiResponse response, string responsePointer)
    {
        if (OpenApiValues.JsonContent(response.Content) is not { } media)
        {
            return null;
        }

        var mediaPointer = responsePointer + "/content/" + YamlScan.EscapePointer(media.Key);
        if (ExampleText.Json(_scan, mediaPointer + "/example") is { } example)
        {
            return example;
        }

        foreach (var entry in media.Value.Examples)
        {
            var valuePointer = entry.Value?.Reference is { Id: { } id }
                ? "#/components/examples/" + YamlScan.EscapePointer(id) + "/value"
                : mediaPointer + "/examples/" + YamlScan.EscapePointer(entry.Key) + "/value";
            if (ExampleText.Json(_scan, valuePointer) is { } value)
            {
                return value;
            }
        }

        return media.Value.Schema is null ? null : ExampleSynthesis.Of(media.Value.Schema);
    }

    private string? Location(OpenApiResponse response, string responsePointer)
    {
        var header = response.Headers.FirstOrDefault(h => string.Equals(h.Key, "Location", StringComparison.OrdinalIgnoreCase));
        if (header.Value is null)
        {
            return null;
        }

        var pointer = header.Value.Reference is { Id: { } id }
            ? "#/components/headers/" + YamlScan.EscapePointer(id) + "/example"
            : responsePointer + "/headers/" + YamlScan.EscapePointer(header.Key) + "/example";
        return ExampleText.Json(_scan, pointer) is { } json && JsonText.Unquote(json) is { } url
            && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : null;
    }

    // A page walk's list (by its JSON name), or a top-level array of an operation that takes `page`.
    private string? Items(OperationModel model)
    {
        if (model.Pagination is { } pagination)
        {
            return _types.Find(pagination.PageType.Name!).Properties.FirstOrDefault(p => p.Name == pagination.ItemsProperty)?.JsonName;
        }

        return model.Result == ResultKind.JsonList && model.Parameters.Any(p => p.Location == ParameterIn.Query && p.JsonName == "page") ? string.Empty : null;
    }
}
