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

/// <summary>
/// OpenAPI schemas → <see cref="TypeModel"/>s and <see cref="TypeRef"/>s: names each component, defines a type the first
/// time it is reached, and reports what it cannot model at the schema's line.
/// </summary>
internal sealed class SchemaResolver
{
    private static readonly string[] ReservedMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };

    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Identifiers.Scope _typeNames = new(Emitting.ResolverEmitter.ClassName);
    private readonly Dictionary<string, TypeRef> _byDefinition = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedUnsupported = new(StringComparer.Ordinal);

    public SchemaResolver(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics, string clientName)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
        _typeNames.Reserve(clientName);
    }

    /// <summary>Every type defined so far, in the order first reached.</summary>
    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>Names every component schema, then defines each: a component's name never depends on where it is first used.</summary>
    public void ResolveComponents()
    {
        NameComponents();
        foreach (var pair in Components())
        {
            Resolve(pair.Value, Identifiers.Pascal(pair.Key), "#/components/schemas/" + YamlScan.EscapePointer(pair.Key));
        }
    }

    /// <summary>The defined type named <paramref name="name"/>.</summary>
    public TypeModel Find(string name) => _types.First(t => t.Name == name);

    private IEnumerable<KeyValuePair<string, OpenApiSchema>> Components() =>
        (_document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(p => p.Key, StringComparer.Ordinal);

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

    public string ClaimTypeName(string candidate)
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
    public TypeRef Resolve(OpenApiSchema? schema, string contextName, string pointer)
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
    public static Identifiers.Scope MemberScope(IEnumerable<string> taken) => new(ReservedMemberNames.Concat(taken).ToArray());

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
                    .Select(OpenApiValues.Text)
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
}
