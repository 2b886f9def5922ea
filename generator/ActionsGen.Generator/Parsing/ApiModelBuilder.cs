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

/// <summary>OpenAPI document → <see cref="ApiModel"/>. The only place that reads Microsoft.OpenApi objects.</summary>
internal sealed class ApiModelBuilder
{
    private static readonly string[] ReservedMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };
    private static readonly OperationType[] MethodOrder =
    {
        OperationType.Get, OperationType.Put, OperationType.Post, OperationType.Delete,
        OperationType.Patch, OperationType.Head, OperationType.Options, OperationType.Trace,
    };

    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Identifiers.Scope _typeNames = new(Emitting.ResolverEmitter.ClassName);
    private readonly Dictionary<string, TypeRef> _byDefinition = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedUnsupported = new(StringComparer.Ordinal);

    private ApiModelBuilder(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
    }

    public static ApiModel Build(OpenApiDocument document, YamlScan scan, string path, string ns, string clientName, List<DiagnosticInfo> diagnostics)
    {
        var builder = new ApiModelBuilder(document, scan, path, diagnostics);
        builder._typeNames.Reserve(clientName);
        builder.NameComponents();
        foreach (var pair in builder.Components())
        {
            builder.Resolve(pair.Value, Identifiers.Pascal(pair.Key), "#/components/schemas/" + YamlScan.EscapePointer(pair.Key));
        }

        var client = builder.BuildClient(ns, clientName);
        var types = builder._types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, client);
    }

    private IEnumerable<KeyValuePair<string, OpenApiSchema>> Components() =>
        (_document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(p => p.Key, StringComparer.Ordinal);

    // Component names are claimed first, in key order, so a schema's name never depends on where it is first used.
    private void NameComponents()
    {
        foreach (var pair in Components())
        {
            if (KindOf(pair.Value) is { } kind)
            {
                var pointer = "#/components/schemas/" + YamlScan.EscapePointer(pair.Key);
                _byDefinition[pointer] = TypeRef.Named(ClaimTypeName(Identifiers.Pascal(pair.Key)), kind);
            }
        }
    }

    private string ClaimTypeName(string candidate)
    {
        var name = candidate;
        for (var i = 2; _typeNames.IsTaken(name) || _typeNames.IsTaken(name + "JsonConverter"); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        _typeNames.Reserve(name);
        _typeNames.Reserve(name + "JsonConverter");
        return name;
    }

    /// <summary>What named type a schema becomes, or null when it maps to a built-in type.</summary>
    private static TypeModelKind? KindOf(OpenApiSchema schema)
    {
        if (schema.Enum.Count > 0 && (schema.Type is null or "string"))
        {
            return TypeModelKind.Enum;
        }

        if (IsIntegerOrString(schema))
        {
            return TypeModelKind.IntegerOrString;
        }

        if (schema.Properties.Count > 0 && (schema.Type is null or "object") && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
        {
            return TypeModelKind.Object;
        }

        return null;
    }

    private static bool IsIntegerOrString(OpenApiSchema schema)
    {
        var choices = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (choices.Count != 2 || schema.Properties.Count > 0)
        {
            return false;
        }

        var types = new HashSet<string?>(choices.Select(c => c.Type));
        return types.Contains("integer") && types.Contains("string") && choices.All(c => c.Enum.Count == 0);
    }

    /// <summary>The type for <paramref name="schema"/>, defined at <paramref name="pointer"/>; named after <paramref name="contextName"/> if it needs a type of its own.</summary>
    private TypeRef Resolve(OpenApiSchema? schema, string contextName, string pointer)
    {
        if (schema is null)
        {
            // `items: ~` or a property whose schema is null: nothing says what the value is, so it is kept as raw JSON.
            return TypeRef.Any;
        }

        if (schema.Reference is { } reference)
        {
            if (schema.UnresolvedReference)
            {
                return TypeRef.Any;
            }

            if (reference.IsLocal && reference.Type == Microsoft.OpenApi.Models.ReferenceType.Schema)
            {
                var componentPointer = "#/components/schemas/" + YamlScan.EscapePointer(reference.Id);
                if (_document.Components?.Schemas?.TryGetValue(reference.Id, out var component) == true && !ReferenceEquals(component, schema))
                {
                    return Resolve(component, Identifiers.Pascal(reference.Id), componentPointer);
                }

                pointer = componentPointer;
                contextName = Identifiers.Pascal(reference.Id);
            }
        }

        if (_byDefinition.TryGetValue(pointer, out var known))
        {
            if (known.Kind == TypeRefKind.Named && _defined.Add(known.Name!))
            {
                Define(schema, known, pointer);
            }

            return known;
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
        {
            return Resolve(schema.AllOf[0], contextName, pointer + "/allOf/0");
        }

        if (schema.AllOf.Count > 0)
        {
            return Unsupported(pointer, "'allOf' with more than one schema");
        }

        if ((schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && !IsIntegerOrString(schema))
        {
            return Unsupported(pointer, schema.OneOf.Count > 0 ? "'oneOf' other than integer|string" : "'anyOf' other than integer|string");
        }

        if (KindOf(schema) is { } kind)
        {
            var named = TypeRef.Named(ClaimTypeName(contextName), kind);
            _byDefinition[pointer] = named;
            _defined.Add(named.Name!);
            Define(schema, named, pointer);
            return named;
        }

        switch (schema.Type)
        {
            case "string":
                return schema.Format == "date-time" ? TypeRef.DateTime : TypeRef.String;
            case "integer":
                return schema.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case "number":
                return TypeRef.Number;
            case "boolean":
                return TypeRef.Boolean;
            case "array":
                if (schema.Items is null)
                {
                    return TypeRef.ArrayOf(TypeRef.Any, elementNullable: true);
                }

                var element = Resolve(schema.Items, contextName + "Item", pointer + "/items");
                return TypeRef.ArrayOf(element, schema.Items.Nullable);
            case null or "object":
                // Free-form: kept as raw JSON, nothing lost.
                return TypeRef.Any;
            default:
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidSchema, _path, _scan.Find(pointer), pointer, $"'{schema.Type}' is not an OpenAPI type"));
                return TypeRef.Any;
        }
    }

    /// <summary>Names free for members of a generated type: not object's members, not <paramref name="taken"/>.</summary>
    private static Identifiers.Scope MemberScope(IEnumerable<string> taken) => new(ReservedMemberNames.Concat(taken).ToArray());

    private TypeRef Unsupported(string pointer, string what)
    {
        // A component used in several places is resolved from each; it is reported once.
        if (!_reportedUnsupported.Add(pointer))
        {
            return TypeRef.Any;
        }

        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedSchema, _path, _scan.Find(pointer), pointer, what));
        return TypeRef.Any;
    }

    private void Define(OpenApiSchema schema, TypeRef named, string pointer)
    {
        var name = named.Name!;
        switch (named.NamedKind)
        {
            case TypeModelKind.Enum:
                var memberScope = MemberScope(TypeNames.ReservedMembers.Concat(new[] { name, "Value", "IsKnown" }));
                var members = schema.Enum
                    .Select(AnyToString)
                    .Where(v => v is not null)
                    .Distinct(StringComparer.Ordinal)
                    .Select(v => new EnumMemberModel(v!, memberScope.Claim(Identifiers.Pascal(v!))))
                    .ToEquatableArray();
                _types.Add(new TypeModel(TypeModelKind.Enum, name, pointer, schema.Description, EquatableArray<PropertyModel>.Empty, members));
                break;
            case TypeModelKind.IntegerOrString:
                _types.Add(new TypeModel(TypeModelKind.IntegerOrString, name, pointer, schema.Description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty));
                break;
            default:
                // Add before resolving properties so recursive schemas find the type already defined.
                var index = _types.Count;
                _types.Add(new TypeModel(TypeModelKind.Object, name, pointer, schema.Description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty));
                var scope = MemberScope(TypeNames.ReservedMembers.Concat(new[] { name }));
                var properties = new List<PropertyModel>();
                foreach (var property in schema.Properties)
                {
                    var propertyName = scope.Claim(Identifiers.Pascal(property.Key));
                    var type = Resolve(property.Value, name + propertyName, pointer + "/properties/" + YamlScan.EscapePointer(property.Key));
                    properties.Add(new PropertyModel(
                        property.Key,
                        propertyName,
                        type,
                        schema.Required.Contains(property.Key),
                        property.Value?.Nullable ?? true,
                        property.Value?.Description));
                }

                _types[index] = _types[index] with { Properties = properties.ToEquatableArray() };
                break;
        }
    }

    private ClientModel BuildClient(string ns, string clientName)
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
                        methodNames[tag] = scope = MemberScope(new[] { ClientEmitter.RequestsClass });
                    }

                    if (BuildOperation(path.Key, path.Value, method, operation, scope) is { } built)
                    {
                        operations.Add((tag, built));
                    }
                }
            }
        }

        var rootMembers = MemberScope(new[] { clientName, "Connection" });
        var groups = operations
            .GroupBy(o => o.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var property = rootMembers.Claim(Identifiers.Pascal(g.Key));
                var className = ClaimTypeName(property + "Client");
                return new ClientGroupModel(g.Key, property, ClaimTypeName("I" + className), className, g.Select(o => o.Operation).ToEquatableArray());
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
            var type = parameter.Schema is null ? TypeRef.String : Resolve(parameter.Schema, context, definition);
            var model = new ParameterModel(
                parameter.Name,
                parameterNames.Claim(Identifiers.Camel(parameter.Name)),
                isPath ? "path" : "query",
                type,
                parameter.Required || isPath,
                AnyToString(parameter.Schema?.Default),
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
        if (operation.RequestBody?.Content is { } requestContent && JsonContent(requestContent) is { } requestMedia && requestMedia.Value.Schema is { } requestSchema)
        {
            var bodyType = Resolve(requestSchema, name + "Request", pointer + "/requestBody/content/" + YamlScan.EscapePointer(requestMedia.Key) + "/schema");
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

            if (JsonContent(response.Value.Content) is { Value.Schema: { } responseSchema } media)
            {
                responseBody = Resolve(responseSchema, name + "Response", pointer + "/responses/" + YamlScan.EscapePointer(response.Key) + "/content/" + YamlScan.EscapePointer(media.Key) + "/schema");
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

        var lists = _types.First(t => t.Name == pageType.Name).Properties
            .Where(p => p.Type is { Kind: TypeRefKind.Array, ElementNullable: false, Element.Kind: TypeRefKind.Named })
            .ToList();
        if (lists.Count != 1)
        {
            return null;
        }

        var allName = methodNames.Claim(name.StartsWith("List", StringComparison.Ordinal) ? "ListAll" + name.Substring(4) : name + "All");
        return new PaginationModel(allName, pageType, lists[0].Name, TypeNames.IsNullable(lists[0]), lists[0].Type.Element!, page.Name);
    }

    private static KeyValuePair<string, OpenApiMediaType>? JsonContent(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var pair in content)
        {
            var mediaType = pair.Key.Split(';')[0].Trim();
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return pair;
            }
        }

        return null;
    }

    private static string? AnyToString(IOpenApiAny? value) => value switch
    {
        OpenApiString s => s.Value,
        OpenApiInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiDouble d => d.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiDate date => date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OpenApiDateTime dateTime => dateTime.Value.ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };
}
