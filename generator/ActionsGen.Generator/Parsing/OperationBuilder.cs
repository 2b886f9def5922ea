using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Emitting;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>OpenAPI paths → <see cref="ClientModel"/>: one <see cref="OperationModel"/> per operation, grouped by tag.</summary>
internal sealed class OperationBuilder
{
    private static readonly OperationType[] MethodOrder =
    {
        OperationType.Get, OperationType.Put, OperationType.Post, OperationType.Delete,
        OperationType.Patch, OperationType.Head, OperationType.Options, OperationType.Trace,
    };

    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SchemaResolver _schemas;

    public OperationBuilder(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics, SchemaResolver schemas)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
        _schemas = schemas;
    }

    public ClientModel BuildClient(string ns, string clientName)
    {
        var operations = new List<(string Tag, OperationModel Operation)>();
        var methodNames = new Dictionary<string, Identifiers.Scope>(StringComparer.Ordinal);
        foreach (var path in (_document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var method in MethodOrder)
            {
                if (path.Value?.Operations is { } pathOperations && pathOperations.TryGetValue(method, out var operation) && operation is not null)
                {
                    var tag = operation.Tags.FirstOrDefault()?.Name is { Length: > 0 } name ? name : "default";
                    if (!methodNames.TryGetValue(tag, out var scope))
                    {
                        methodNames[tag] = scope = SchemaResolver.MemberScope(new[] { ClientEmitter.RequestsClass });
                    }

                    if (BuildOperation(path.Key, path.Value, method, operation, scope) is { } built)
                    {
                        operations.Add((tag, built));
                    }
                }
            }
        }

        var rootMembers = SchemaResolver.MemberScope(new[] { clientName, "Connection" });
        var groups = operations
            .GroupBy(o => o.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var property = rootMembers.Claim(Identifiers.Pascal(g.Key));
                var className = _schemas.ClaimTypeName(property + "Client");
                return new ClientGroupModel(g.Key, property, _schemas.ClaimTypeName("I" + className), className, g.Select(o => o.Operation).ToEquatableArray());
            })
            .ToEquatableArray();
        return new ClientModel(ns, clientName, _document.Info?.Title, groups);
    }

    private OperationModel? BuildOperation(string template, OpenApiPathItem item, OperationType method, OpenApiOperation operation, Identifiers.Scope methodNames)
    {
        var methodName = method.ToString().ToLowerInvariant();
        var pointer = "#/paths/" + YamlScan.EscapePointer(template) + "/" + methodName;
        var operationId = string.IsNullOrWhiteSpace(operation.OperationId) ? methodName + " " + template : operation.OperationId;
        var name = methodNames.Claim(Identifiers.Pascal(operationId.Substring(operationId.LastIndexOf('/') + 1)));

        // Names the emitted method bodies use for their own locals and lambdas are off limits to parameters.
        var parameterNames = new Identifiers.Scope("cancellationToken", "request", "result");
        var pathParameters = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
        var queryParameters = new List<ParameterModel>();
        var declared = item.Parameters.Where(p => p is not null).Select((p, i) => (Parameter: p, Pointer: "#/paths/" + YamlScan.EscapePointer(template) + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)))
            .Concat(operation.Parameters.Where(p => p is not null).Select((p, i) => (Parameter: p, Pointer: pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture))))
            .GroupBy(p => (p.Parameter.Name, p.Parameter.In))
            .Select(g => g.Last());
        foreach (var (parameter, parameterPointer) in declared)
        {
            if (parameter.In is not (ParameterLocation.Path or ParameterLocation.Query) || string.IsNullOrEmpty(parameter.Name))
            {
                continue;
            }

            var isPath = parameter.In == ParameterLocation.Path;
            var definition = parameter.Reference is { } r
                ? "#/components/parameters/" + YamlScan.EscapePointer(r.Id) + "/schema"
                : parameterPointer + "/schema";
            var context = parameter.Reference is { } pr ? Identifiers.Pascal(pr.Id) : name + Identifiers.Pascal(parameter.Name);
            var type = parameter.Schema is null ? TypeRef.String : _schemas.Resolve(parameter.Schema, context, definition);
            var model = new ParameterModel(
                parameter.Name,
                parameterNames.Claim(Identifiers.Camel(parameter.Name)),
                isPath ? "path" : "query",
                type,
                parameter.Required || isPath,
                OpenApiValues.Text(parameter.Schema?.Default),
                parameter.Description);
            if (isPath)
            {
                pathParameters[parameter.Name] = model;
            }
            else
            {
                queryParameters.Add(model);
            }
        }

        var parts = new List<PathPart>();
        var parameters = new List<ParameterModel>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add(new PathPart(false, template.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(new PathPart(false, template.Substring(position, open - position)));
            }

            var placeholder = template.Substring(open + 1, close - open - 1);
            if (!pathParameters.TryGetValue(placeholder, out var pathParameter))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UndeclaredPathParameter, _path, _scan.Find(pointer), template, placeholder, operationId));
                return null;
            }

            if (!parameters.Contains(pathParameter))
            {
                parameters.Add(pathParameter);
            }

            parts.Add(new PathPart(true, pathParameter.Name));
            position = close + 1;
        }

        // Required query parameters are positional; optional ones follow with defaults.
        parameters.AddRange(queryParameters.Where(p => p.Required));
        parameters.AddRange(queryParameters.Where(p => !p.Required));

        RequestBodyModel? body = null;
        if (operation.RequestBody?.Content is { } requestContent && OpenApiValues.JsonContent(requestContent) is { } requestMedia && requestMedia.Value.Schema is { } requestSchema)
        {
            var bodyType = _schemas.Resolve(requestSchema, name + "Request", pointer + "/requestBody/content/" + YamlScan.EscapePointer(requestMedia.Key) + "/schema");
            if (bodyType.Kind != TypeRefKind.Named)
            {
                // Only generated types write themselves; any other body is sent as the JSON the caller gives.
                bodyType = TypeRef.Any;
            }

            body = new RequestBodyModel(bodyType, operation.RequestBody.Required, parameterNames.Claim("body"), operation.RequestBody.Description);
        }

        var responses = new List<ResponseModel>();
        foreach (var response in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            TypeRef? responseBody = null;
            if (response.Value is null)
            {
                responses.Add(new ResponseModel(response.Key, null, null, EquatableArray<string>.Empty));
                continue;
            }

            if (OpenApiValues.JsonContent(response.Value.Content) is { Value.Schema: { } responseSchema } media)
            {
                responseBody = _schemas.Resolve(responseSchema, name + "Response", pointer + "/responses/" + YamlScan.EscapePointer(response.Key) + "/content/" + YamlScan.EscapePointer(media.Key) + "/schema");
            }

            responses.Add(new ResponseModel(
                response.Key,
                response.Value.Description,
                responseBody,
                response.Value.Headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray()));
        }

        var (result, resultType) = ResultOf(responses);
        string? urlName = result == ResultKind.Redirect ? methodNames.Claim(name + "Url") : null;
        var pagination = result == ResultKind.Json ? PaginationOf(name, parameters, resultType!, methodNames) : null;
        return new OperationModel(
            operationId,
            name,
            methodName.ToUpperInvariant(),
            template,
            operation.Summary,
            operation.Description,
            parameters.ToEquatableArray(),
            parts.ToEquatableArray(),
            body,
            responses.ToEquatableArray(),
            result,
            resultType,
            pagination,
            urlName);
    }

    /// <summary>The result of the first success response with a body; a 3xx with <c>Location</c> makes a download.</summary>
    private static (ResultKind Kind, TypeRef? Type) ResultOf(List<ResponseModel> responses)
    {
        foreach (var response in responses)
        {
            if (!response.StatusCode.StartsWith("2", StringComparison.Ordinal) || response.Body is not { } body)
            {
                continue;
            }

            return body switch
            {
                { Kind: TypeRefKind.Named, NamedKind: TypeModelKind.Object } => (ResultKind.Json, body),
                { Kind: TypeRefKind.Array, Element: { Kind: TypeRefKind.Named, NamedKind: TypeModelKind.Object } element, ElementNullable: false } => (ResultKind.JsonList, element),
                _ => (ResultKind.RawJson, TypeRef.Any),
            };
        }

        return responses.Exists(r => r.StatusCode.StartsWith("3", StringComparison.Ordinal) && r.Headers.Any(h => h.Equals("Location", StringComparison.OrdinalIgnoreCase)))
            ? (ResultKind.Redirect, null)
            : (ResultKind.None, null);
    }

    /// <summary>A page walk when the operation takes <c>page</c> and <c>per_page</c> and its model has exactly one list of objects.</summary>
    private PaginationModel? PaginationOf(string name, List<ParameterModel> parameters, TypeRef pageType, Identifiers.Scope methodNames)
    {
        var page = parameters.Find(p => p.Location == "query" && p.JsonName == "page" && !p.Required && p.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64);
        if (page is null || !parameters.Exists(p => p.Location == "query" && p.JsonName == "per_page"))
        {
            return null;
        }

        var lists = _schemas.Find(pageType.Name!).Properties
            .Where(p => p.Type is { Kind: TypeRefKind.Array, ElementNullable: false, Element.Kind: TypeRefKind.Named })
            .ToList();
        if (lists.Count != 1)
        {
            return null;
        }

        var allName = methodNames.Claim(name.StartsWith("List", StringComparison.Ordinal) ? "ListAll" + name.Substring(4) : name + "All");
        return new PaginationModel(allName, pageType, lists[0].Name, TypeNames.IsNullable(lists[0]), lists[0].Type.Element!, page.Name);
    }
}
