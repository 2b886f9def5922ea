using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>Object schemas: their properties, and <c>allOf</c> parts merged into one model.</summary>
internal sealed partial class SchemaResolver
{
    private const int MaxAllOfDepth = 32;

    private void DefineObject(OpenApiSchema schema, string name, string pointer)
    {
        // Add before resolving properties so recursive schemas find the type already defined.
        var index = _types.Count;
        _types.Add(new TypeModel(TypeModelKind.Object, name, pointer, schema.Description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty));
        var shape = new ObjectShape();
        Collect(schema, pointer, shape, depth: 0);
        var scope = MemberNames.ForObject(name);
        var properties = new List<PropertyModel>();
        foreach (var (key, property, propertyPointer) in shape.Properties)
        {
            var propertyName = MemberNames.ClaimProperty(scope, Identifiers.Pascal(key));
            var type = Resolve(property, SchemaNames.Property(name, key), PartPointer(property, propertyPointer));
            properties.Add(new PropertyModel(
                key,
                propertyName,
                MemberNames.Field(propertyName),
                type,
                shape.Required.Contains(key),
                IsNullable(property),
                property?.Description));
        }

        _types[index] = _types[index] with { Description = shape.Description, Properties = properties.ToEquatableArray() };
    }

    /// <summary>
    /// Adds <paramref name="part"/>'s properties and required names to <paramref name="shape"/>: its <c>allOf</c> parts
    /// first (parents before what the schema adds), then its own. A property two parts define differently is ACTG014.
    /// </summary>
    private void Collect(OpenApiSchema part, string pointer, ObjectShape shape, int depth)
    {
        shape.Description ??= part.Description;
        if (depth > MaxAllOfDepth)
        {
            return;
        }

        for (var i = 0; i < part.AllOf.Count; i++)
        {
            var sub = part.AllOf[i];
            var subPointer = PartPointer(sub, pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture));
            if (sub is null || sub.UnresolvedReference)
            {
                continue;
            }

            if (Choices(sub).Count > 1)
            {
                Unsupported(subPointer, "'oneOf'/'anyOf' inside 'allOf': its properties are not part of the model (they are skipped when read)");
                continue;
            }

            Collect(sub, subPointer, shape, depth + 1);
        }

        foreach (var property in part.Properties)
        {
            var propertyPointer = pointer + "/properties/" + YamlScan.EscapePointer(property.Key);
            if (!shape.Seen.TryGetValue(property.Key, out var first))
            {
                shape.Seen[property.Key] = property.Value;
                shape.Properties.Add((property.Key, property.Value, propertyPointer));
            }
            else if (Signature(first) is { } a && Signature(property.Value) is { } b && a != b)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.AllOfConflict, _path, _scan.Find(propertyPointer), pointer, property.Key, a + " and " + b));
            }
        }

        shape.Required.UnionWith(part.Required);
    }

    /// <summary>
    /// What JSON type a property is, for telling a conflict (string here, integer there) from a refinement (a format,
    /// an enum, a description added); null when the schema does not say.
    /// </summary>
    private static string? Signature(OpenApiSchema? schema) => schema?.Type ?? (schema?.Properties.Count > 0 ? "object" : null);

    /// <summary>The required property names of an object schema, its <c>allOf</c> parts included.</summary>
    private static IEnumerable<string> RequiredNames(OpenApiSchema schema, int depth = 0) =>
        depth > MaxAllOfDepth
            ? Enumerable.Empty<string>()
            : schema.Required.Concat(schema.AllOf.Where(p => p is not null).SelectMany(p => RequiredNames(p, depth + 1))).Distinct(StringComparer.Ordinal);

    private sealed class ObjectShape
    {
        public List<(string Key, OpenApiSchema? Schema, string Pointer)> Properties { get; } = new();

        public Dictionary<string, OpenApiSchema?> Seen { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public string? Description { get; set; }
    }
}
