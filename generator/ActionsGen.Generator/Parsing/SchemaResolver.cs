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

/// <summary>
/// OpenAPI schemas → <see cref="TypeModel"/>s and <see cref="TypeRef"/>s: names each component, defines a type the first
/// time it is reached, and reports what it cannot model at the schema's line.
/// </summary>
internal sealed partial class SchemaResolver
{

    private readonly OpenApiDocument _document;
    private readonly YamlScan _scan;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Identifiers.Scope _typeNames;
    private readonly Dictionary<string, TypeRef> _byDefinition = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedUnsupported = new(StringComparer.Ordinal);

    // The schemas being resolved through their parts since the last named type (ResolvePart): a part that leads back to one is a cycle.
    private HashSet<string> _resolving = new(StringComparer.Ordinal);

    public SchemaResolver(OpenApiDocument document, YamlScan scan, string path, List<DiagnosticInfo> diagnostics, string clientName)
    {
        _document = document;
        _scan = scan;
        _path = path;
        _diagnostics = diagnostics;
        _typeNames = Identifiers.TypeScope(GeneratorTypeNames.Reserved(clientName));
    }

    /// <summary>Every type defined so far, in the order first reached.</summary>
    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>Defines every component schema, used by an operation or not.</summary>
    public void DefineComponents()
    {
        foreach (var pair in Components())
        {
            Resolve(pair.Value, SchemaNames.Component(pair.Key), ComponentPointer(pair.Key));
        }
    }

    /// <summary>The component schemas that would be types but were never reached, by their keys.</summary>
    public List<string> UndefinedComponents() =>
        Components()
            .Where(pair => _byDefinition.TryGetValue(ComponentPointer(pair.Key), out var type) && type.Kind == TypeRefKind.Named && !_defined.Contains(type.Name!))
            .Select(pair => pair.Key)
            .ToList();

    /// <summary>The defined type named <paramref name="name"/>.</summary>
    public TypeModel Find(string name) => _types.First(t => t.Name == name);

    private IEnumerable<KeyValuePair<string, OpenApiSchema>> Components() =>
        (_document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>()).OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>
    /// Names every component schema, then every inline schema of a component parameter, before anything is defined: a
    /// component's name never depends on where it is first used, nor on which operations a filter keeps.
    /// </summary>
    public void NameComponents()
    {
        foreach (var pair in Components())
        {
            if (KindOf(pair.Value) is { } kind)
            {
                _byDefinition[ComponentPointer(pair.Key)] = TypeRef.Named(ClaimTypeName(SchemaNames.Component(pair.Key)), kind);
            }
        }

        var parameters = _document.Components?.Parameters ?? new Dictionary<string, OpenApiParameter>();
        foreach (var pair in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value?.Schema is { Reference: null } schema && KindOf(schema) is { } kind)
            {
                _byDefinition[ParameterSchemaPointer(pair.Key)] = TypeRef.Named(SchemaNames.ClaimComponentParameter(_typeNames, pair.Key), kind);
            }
        }
    }

    /// <summary>Where the schema of the component parameter <paramref name="id"/> is defined.</summary>
    public static string ParameterSchemaPointer(string id) => "#/components/parameters/" + YamlScan.EscapePointer(id) + "/schema";

    public string ClaimTypeName(string candidate) => _typeNames.Claim(candidate);

    /// <summary>What named type a schema becomes, or null when it maps to a built-in type (or is resolved through another schema).</summary>
    private static TypeModelKind? KindOf(OpenApiSchema schema)
    {
        if (schema.Enum.Count > 0 && (schema.Type is null or "string") && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
        {
            return TypeModelKind.Enum;
        }

        if (IsIntegerOrString(schema))
        {
            return TypeModelKind.IntegerOrString;
        }

        if (schema.Type is null or "object" && Choices(schema).Count > 1 && schema.Properties.Count == 0)
        {
            return TypeModelKind.Union;
        }

        if (schema.Type is null or "object" && (schema.Properties.Count > 0 || (schema.AllOf.Count > 1 && IsObjectAllOf(schema))) && Choices(schema).Count == 0)
        {
            return TypeModelKind.Object;
        }

        return null;
    }

    /// <summary>
    /// The branches of a oneOf/anyOf that can hold a value: a <c>type: 'null'</c> branch only makes it nullable, and
    /// branches that only constrain the schema's own properties (<c>anyOf: [{required: [a]}, {required: [b]}]</c>, "at
    /// least one of") are validation, not types: the schema is then its object.
    /// </summary>
    private static List<OpenApiSchema> Choices(OpenApiSchema schema)
    {
        var choices = (schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf).Where(c => c is not null && c.Type != "null").ToList();
        return schema.Properties.Count > 0 && choices.All(c => IsConstraint(schema, c)) ? new List<OpenApiSchema>() : choices;
    }

    private static bool IsConstraint(OpenApiSchema parent, OpenApiSchema branch) =>
        branch.Reference is null
        && branch.Type is null or "object"
        && branch.OneOf.Count == 0 && branch.AnyOf.Count == 0 && branch.AllOf.Count == 0
        && branch.Properties.Keys.All(parent.Properties.ContainsKey);

    /// <summary>Whether a value of <paramref name="schema"/> may be null: <c>nullable</c>, or a null branch of a oneOf/anyOf.</summary>
    public static bool IsNullable(OpenApiSchema? schema) =>
        schema is null || schema.Nullable || schema.OneOf.Concat(schema.AnyOf).Any(c => c is null || c.Nullable || c.Type == "null");

    private static bool IsObjectAllOf(OpenApiSchema schema) =>
        schema.AllOf.Any(part => part is not null && (part.Properties.Count > 0 || part.AllOf.Count > 0 || part.Type == "object"));

    private static bool IsIntegerOrString(OpenApiSchema schema)
    {
        var choices = Choices(schema);
        if (choices.Count != 2 || schema.Properties.Count > 0)
        {
            return false;
        }

        var types = new HashSet<string?>(choices.Select(c => c.Type));
        return types.Contains("integer") && types.Contains("string") && choices.All(c => c.Enum.Count == 0 && c.Reference is null);
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
                var componentPointer = ComponentPointer(reference.Id);
                if (_document.Components?.Schemas?.TryGetValue(reference.Id, out var component) == true && !ReferenceEquals(component, schema))
                {
                    return Resolve(component, SchemaNames.Component(reference.Id), componentPointer);
                }

                pointer = componentPointer;
                contextName = SchemaNames.Component(reference.Id);
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

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0 && Choices(schema).Count == 0)
        {
            return ResolvePart(schema.AllOf[0], contextName, pointer, "/allOf/0");
        }

        if (Choices(schema) is { Count: 1 } single && schema.Properties.Count == 0 && schema.AllOf.Count == 0)
        {
            var index = (schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf).IndexOf(single[0]);
            return ResolvePart(single[0], contextName, pointer, (schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/") + index.ToString(CultureInfo.InvariantCulture));
        }

        if (Choices(schema).Count > 1 && (schema.Properties.Count > 0 || schema.AllOf.Count > 0))
        {
            return Unsupported(pointer, "'oneOf'/'anyOf' together with properties or 'allOf' in one schema (only the combination cannot be typed: give the choice its own schema)");
        }

        if (KindOf(schema) is { } kind)
        {
            var named = TypeRef.Named(SchemaNames.ClaimInline(_typeNames, contextName, kind), kind);
            _byDefinition[pointer] = named;
            _defined.Add(named.Name!);
            Define(schema, named, pointer);
            return named;
        }

        if (schema.AllOf.Count > 1)
        {
            // allOf of schemas without properties (constraints on one type): the first part that says what the value is.
            var typed = schema.AllOf.ToList().FindIndex(part => part?.Type is not null || part?.Reference is not null);
            return typed < 0 ? TypeRef.Any : ResolvePart(schema.AllOf[typed], contextName, pointer, "/allOf/" + typed.ToString(CultureInfo.InvariantCulture));
        }

        return Scalar(schema, contextName, pointer);
    }

    /// <summary>
    /// Resolves a part of the schema at <paramref name="pointer"/> that is not a type of its own (its only allOf part or
    /// choice, its items, its values). A part that leads back to a schema still being resolved this way is a cycle no type
    /// holds (<c>a: {allOf: [$ref: a]}</c>, <c>list: {type: array, items: {$ref: list}}</c>): C# cannot spell it, so the
    /// part is raw JSON and ACTG005 says where, instead of recursing until the compiler's stack overflows.
    /// </summary>
    private TypeRef ResolvePart(OpenApiSchema? part, string contextName, string pointer, string path)
    {
        var inline = pointer + path;
        var partPointer = PartPointer(part, inline);
        if (_resolving.Contains(partPointer))
        {
            return Unsupported(inline, $"a reference back to '{partPointer}', which it is part of, with no object or union between them to hold the cycle");
        }

        var added = _resolving.Add(pointer);
        try
        {
            return Resolve(part, contextName, partPointer);
        }
        finally
        {
            if (added)
            {
                _resolving.Remove(pointer);
            }
        }
    }

    private TypeRef Scalar(OpenApiSchema schema, string contextName, string pointer)
    {
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

                var element = ResolvePart(schema.Items, SchemaNames.Item(contextName), pointer, "/items");
                return TypeRef.ArrayOf(element, IsNullable(schema.Items) && element.Kind != TypeRefKind.Any);
            case null or "object":
                if (schema.AdditionalProperties is { } values && schema.AdditionalPropertiesAllowed)
                {
                    var value = ResolvePart(values, SchemaNames.MapValue(contextName), pointer, "/additionalProperties");
                    return TypeRef.MapOf(value, IsNullable(values) && value.Kind != TypeRefKind.Any);
                }

                // Free-form: kept as raw JSON, nothing lost.
                return TypeRef.Any;
            case "null":
                return TypeRef.Any;
            default:
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidSchema, _path, _scan.Find(pointer), pointer, $"'{schema.Type}' is not an OpenAPI type"));
                return TypeRef.Any;
        }
    }

    private static string ComponentPointer(string id) => "#/components/schemas/" + YamlScan.EscapePointer(id);

    /// <summary>Where a sub-schema is defined: its component when it is a reference, else <paramref name="inline"/>.</summary>
    private static string PartPointer(OpenApiSchema? part, string inline) =>
        part?.Reference is { IsLocal: true, Type: ReferenceType.Schema } r && !part.UnresolvedReference ? ComponentPointer(r.Id) : inline;

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
        // A named type holds whatever cycle passes through it: its parts start a chain of their own.
        var outer = _resolving;
        _resolving = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            DefineNamed(schema, named, pointer);
        }
        finally
        {
            _resolving = outer;
        }
    }

    private void DefineNamed(OpenApiSchema schema, TypeRef named, string pointer)
    {
        CheckMapping(schema, pointer);
        var name = named.Name!;
        switch (named.NamedKind)
        {
            case TypeModelKind.Enum:
                var memberScope = MemberNames.ForEnum(name);
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
            case TypeModelKind.Union:
                DefineUnion(schema, name, pointer);
                break;
            default:
                DefineObject(schema, name, pointer);
                break;
        }
    }
}
