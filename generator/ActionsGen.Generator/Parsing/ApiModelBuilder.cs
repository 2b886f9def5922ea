using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
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

    private ApiModelBuilder(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
    }

    public static ApiModel Build(OpenApiDocument document, YamlScan scan, string path, string ns, List<DiagnosticInfo> diagnostics)
    {
        var builder = new ApiModelBuilder(document, scan, path, diagnostics);
        builder.NameComponents();
        foreach (var pair in builder.Components())
        {
            builder.Resolve(pair.Value, Identifiers.Pascal(pair.Key), "#/components/schemas/" + YamlScan.EscapePointer(pair.Key));
        }

        var operations = builder.BuildOperations();
        var types = builder._types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray();
        return new ApiModel(ns, path, types, operations);
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
    private TypeRef Resolve(OpenApiSchema schema, string contextName, string pointer)
    {
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

    private TypeRef Unsupported(string pointer, string what)
    {
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedSchema, _path, _scan.Find(pointer), pointer, what));
        return TypeRef.Any;
    }

    private void Define(OpenApiSchema schema, TypeRef named, string pointer)
    {
        var name = named.Name!;
        switch (named.NamedKind)
        {
            case TypeModelKind.Enum:
                var memberScope = new Identifiers.Scope(ReservedMemberNames.Concat(Emitting.TypeNames.ReservedMembers).Concat(new[] { name, "Value", "IsKnown" }).ToArray());
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
                var scope = new Identifiers.Scope(ReservedMemberNames.Concat(Emitting.TypeNames.ReservedMembers).Concat(new[] { name }).ToArray());
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
                        property.Value.Nullable,
                        property.Value.Description));
                }

                _types[index] = _types[index] with { Properties = properties.ToEquatableArray() };
                break;
        }
    }

    private EquatableArray<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var names = new Identifiers.Scope();
        foreach (var path in (_document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var method in MethodOrder)
            {
                if (!path.Value.Operations.TryGetValue(method, out var operation))
                {
                    continue;
                }

                var methodName = method.ToString().ToLowerInvariant();
                var pointer = "#/paths/" + YamlScan.EscapePointer(path.Key) + "/" + methodName;
                var operationId = operation.OperationId ?? methodName + " " + path.Key;
                var lastSegment = operationId.Substring(operationId.LastIndexOf('/') + 1);
                var name = names.Claim(Identifiers.Pascal(lastSegment));
                var parameterNames = new Identifiers.Scope("cancellationToken");
                var parameters = new List<ParameterModel>();
                var all = path.Value.Parameters.Concat(operation.Parameters)
                    .GroupBy(p => (p.Name, p.In))
                    .Select(g => g.Last());
                var index = 0;
                foreach (var parameter in all)
                {
                    if (parameter.In is not (Microsoft.OpenApi.Models.ParameterLocation.Path or Microsoft.OpenApi.Models.ParameterLocation.Query))
                    {
                        continue;
                    }

                    var definition = parameter.Reference is { } r
                        ? "#/components/parameters/" + YamlScan.EscapePointer(r.Id) + "/schema"
                        : pointer + "/parameters/" + index.ToString(CultureInfo.InvariantCulture) + "/schema";
                    var context = parameter.Reference is { } pr ? Identifiers.Pascal(pr.Id) : name + Identifiers.Pascal(parameter.Name);
                    var type = parameter.Schema is null ? TypeRef.String : Resolve(parameter.Schema, context, definition);
                    parameters.Add(new ParameterModel(
                        parameter.Name,
                        parameterNames.Claim(Identifiers.Camel(parameter.Name)),
                        parameter.In == Microsoft.OpenApi.Models.ParameterLocation.Path ? "path" : "query",
                        type,
                        parameter.Required || parameter.In == Microsoft.OpenApi.Models.ParameterLocation.Path,
                        AnyToString(parameter.Schema?.Default),
                        parameter.Description));
                    index++;
                }

                TypeRef? body = null;
                if (operation.RequestBody?.Content is { } requestContent && JsonContent(requestContent) is { } requestMedia && requestMedia.Schema is { } requestSchema)
                {
                    body = Resolve(requestSchema, name + "Request", pointer + "/requestBody/content/application~1json/schema");
                }

                var responses = new List<ResponseModel>();
                foreach (var response in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    TypeRef? responseBody = null;
                    if (JsonContent(response.Value.Content) is { Schema: { } responseSchema })
                    {
                        responseBody = Resolve(responseSchema, name + "Response", pointer + "/responses/" + response.Key + "/content/application~1json/schema");
                    }

                    responses.Add(new ResponseModel(
                        response.Key,
                        response.Value.Description,
                        responseBody,
                        response.Value.Headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray()));
                }

                operations.Add(new OperationModel(
                    operationId,
                    name,
                    methodName.ToUpperInvariant(),
                    path.Key,
                    operation.Tags.FirstOrDefault()?.Name ?? "default",
                    operation.Summary,
                    operation.Description,
                    parameters.ToEquatableArray(),
                    body,
                    operation.RequestBody?.Required ?? false,
                    responses.ToEquatableArray()));
            }
        }

        return operations.ToEquatableArray();
    }

    private static OpenApiMediaType? JsonContent(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var pair in content)
        {
            var mediaType = pair.Key.Split(';')[0].Trim();
            if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
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
