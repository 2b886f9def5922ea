using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>OpenAPI paths → <see cref="ClientModel"/>: one <see cref="OperationModel"/> per kept operation, grouped by tag.</summary>
internal sealed class OperationBuilder
{
    private static readonly (OperationType OpenApi, HttpVerb Verb)[] MethodOrder =
    {
        (OperationType.Get, HttpVerb.Get), (OperationType.Put, HttpVerb.Put), (OperationType.Post, HttpVerb.Post),
        (OperationType.Delete, HttpVerb.Delete), (OperationType.Patch, HttpVerb.Patch), (OperationType.Head, HttpVerb.Head),
        (OperationType.Options, HttpVerb.Options), (OperationType.Trace, HttpVerb.Trace),
    };

    private readonly OpenApiDocument _document;
    private readonly SchemaResolver _schemas;
    private readonly OperationFilter _filter;
    private readonly ISet<string> _skipped;
    private readonly ParameterBuilder _parameters;
    private readonly ResponseBuilder _responses;

    /// <param name="skipped">Pointers of operations (or whole paths) the reader found broken; they are left out.</param>
    public OperationBuilder(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics, SchemaResolver schemas, OperationFilter filter, ISet<string> skipped)
    {
        _document = document;
        _schemas = schemas;
        _filter = filter;
        _skipped = skipped;
        _parameters = new ParameterBuilder(scan, path, diagnostics, schemas);
        _responses = new ResponseBuilder(schemas);
    }

    public ClientModel BuildClient(string ns, string clientName)
    {
        // Every operation is named before the filter applies: a filter never renames a method.
        var all = Operations().ToList();
        var names = MethodNames.Assign(all.Select(o => (o.OperationId, o.Tag)).ToList());
        var operations = new List<(string Tag, OperationModel Operation)>();
        for (var i = 0; i < all.Count; i++)
        {
            var o = all[i];
            if (_filter.Keeps(o.Template, o.OperationId)
                && BuildOperation(new OperationContext(o.Template, o.Item, o.Verb, o.Operation, o.OperationId, names.Method(i), names.TypeContext(i)), names.ScopeOf(o.Tag)) is { } built)
            {
                operations.Add((o.Tag, built));
            }
        }

        return new ClientModel(ns, clientName, _document.Info?.Title, Groups(operations, clientName));
    }

    // Every operation in spec order (path, then method) that the reader did not find broken.
    private IEnumerable<(string Template, OpenApiPathItem Item, HttpVerb Verb, OpenApiOperation Operation, string OperationId, string Tag)> Operations()
    {
        foreach (var path in (_document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (path.Value?.Operations is not { } pathOperations || _skipped.Contains("#/paths/" + YamlScan.EscapePointer(path.Key)))
            {
                continue;
            }

            foreach (var (openApi, verb) in MethodOrder)
            {
                if (pathOperations.TryGetValue(openApi, out var operation) && operation is not null
                    && !_skipped.Contains(OperationContext.PointerOf(path.Key, verb)))
                {
                    var tag = operation.Tags.FirstOrDefault()?.Name is { Length: > 0 } name ? name : OperationNames.DefaultTag;
                    yield return (path.Key, path.Value, verb, operation, OperationIdOf(path.Key, verb, operation), tag);
                }
            }
        }
    }

    private static string OperationIdOf(string template, HttpVerb verb, OpenApiOperation operation) =>
        string.IsNullOrWhiteSpace(operation.OperationId) ? OperationNames.FallbackOperationId(verb.ToString().ToLowerInvariant(), template) : operation.OperationId;

    private EquatableArray<ClientGroupModel> Groups(List<(string Tag, OperationModel Operation)> operations, string clientName)
    {
        var rootMembers = MemberNames.Scope(OperationNames.RootMembers.Concat(new[] { clientName }));
        return operations
            .GroupBy(o => o.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var property = rootMembers.Claim(OperationNames.GroupProperty(g.Key));
                var className = _schemas.ClaimTypeName(OperationNames.GroupClass(property));
                return new ClientGroupModel(g.Key, property, _schemas.ClaimTypeName(OperationNames.GroupInterface(className)), className, g.Select(o => o.Operation).ToEquatableArray());
            })
            .ToEquatableArray();
    }

    private OperationModel? BuildOperation(OperationContext context, Identifiers.Scope methodNames)
    {
        var parameterNames = new Identifiers.Scope(OperationNames.ReservedLocals);
        if (_parameters.Build(context, parameterNames) is not { } parameters)
        {
            return null;
        }

        var body = _responses.Body(context, parameterNames);
        var responses = _responses.Responses(context);
        var (result, resultType) = ResponseBuilder.ResultOf(responses);
        var urlName = result == ResultKind.Redirect ? methodNames.Claim(OperationNames.Url(context.Name)) : null;
        var pagination = result == ResultKind.Json ? _responses.PaginationOf(context, parameters.Parameters, resultType!, methodNames) : null;
        return new OperationModel(
            context.OperationId,
            context.Name,
            context.Method,
            context.Template,
            context.Operation.Summary,
            context.Operation.Description,
            parameters.Parameters.ToEquatableArray(),
            parameters.PathParts.ToEquatableArray(),
            body,
            responses.ToEquatableArray(),
            result,
            resultType,
            pagination,
            urlName);
    }
}
