using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary><c>oneOf</c>/<c>anyOf</c> schemas: a union with one case per branch that can hold a value.</summary>
internal sealed partial class SchemaResolver
{
    private void DefineUnion(OpenApiSchema schema, string name, string pointer)
    {
        var index = _types.Count;
        _types.Add(new TypeModel(TypeModelKind.Union, name, pointer, schema.Description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty));
        var keyword = schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/";
        var branches = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        var caseNames = MemberNames.ForUnion(name);
        var parameters = MemberNames.ForMatchParameters();
        var cases = new List<UnionCaseModel>();
        var names = UnionCaseNames.Of(name, UnionBranches.Facts(branches));
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            if (branch is null || branch.Type == "null")
            {
                continue;
            }

            var inline = pointer + keyword + i.ToString(CultureInfo.InvariantCulture);
            var type = Resolve(branch, SchemaNames.Branch(name, names[i]!), PartPointer(branch, inline));
            if (type.Kind == TypeRefKind.Named && type.Name == name)
            {
                // A case of the union's own type would be a conversion from the type to itself (CS0555), and a value of it is already one.
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnionBranchIsItself, _path, _scan.Find(inline), inline, pointer));
                continue;
            }

            var tags = TagsOf(schema, branch);
            var same = cases.FindIndex(c => c.Type == type);
            if (same >= 0)
            {
                // Two branches of one C# type are one case: the JSON cannot tell them apart either.
                cases[same] = cases[same] with { Tags = cases[same].Tags.Concat(tags).Distinct(StringComparer.Ordinal).ToEquatableArray() };
                continue;
            }

            // A case whose type the branch defines (or a list or map of it) is named by the branch; any other by its type.
            var caseName = MemberNames.ClaimCase(caseNames, DefinedBy(type, inline) ? names[i]! : SchemaNames.Case(type, LeafJsonType(type, branch)));
            var kind = KindOf(type, branch);
            var required = kind == UnionCaseKind.Object ? RequiredNames(branch).ToEquatableArray() : EquatableArray<string>.Empty;
            cases.Add(new UnionCaseModel(caseName, parameters.Claim(Identifiers.Camel(caseName)), type, kind, required, tags.ToEquatableArray()));
        }

        _types[index] = _types[index] with { Cases = cases.ToEquatableArray(), Discriminator = schema.Discriminator?.PropertyName };
    }

    /// <summary>
    /// Reports each entry of the discriminator mapping of <paramref name="schema"/> that names no schema of this document,
    /// at its line: ACTG018, or ACTG012 for a reference to another file. Such an entry tags no case.
    /// </summary>
    private void CheckMapping(OpenApiSchema schema, string pointer)
    {
        foreach (var pair in schema.Discriminator?.Mapping ?? new Dictionary<string, string>())
        {
            var position = _scan.Find(pointer + "/discriminator/mapping/" + YamlScan.EscapePointer(pair.Key));
            var target = pair.Value ?? string.Empty;
            if (!target.StartsWith("#", StringComparison.Ordinal) && target.IndexOfAny(new[] { '#', '/', ':' }) >= 0)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.ExternalReference, _path, position, target, "the discriminator mapping entry '" + pair.Key + "' is ignored"));
            }
            else if (!IsComponent(target))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnresolvedMapping, _path, position, pointer, pair.Key, target));
            }
        }
    }

    // A mapping value names a component schema by its pointer or by its bare name.
    private bool IsComponent(string target)
    {
        const string Prefix = "#/components/schemas/";
        var name = target.StartsWith(Prefix, StringComparison.Ordinal) ? target.Substring(Prefix.Length).Replace("~1", "/").Replace("~0", "~")
            : target.StartsWith("#", StringComparison.Ordinal) ? null
            : target;
        return name is not null && _document.Components?.Schemas?.ContainsKey(name) == true;
    }

    /// <summary>The discriminator values that name <paramref name="branch"/>: its mapping keys, else its component name.</summary>
    private static IEnumerable<string> TagsOf(OpenApiSchema union, OpenApiSchema branch)
    {
        if (union.Discriminator is not { PropertyName: { Length: > 0 } } discriminator || branch.Reference is not { } reference)
        {
            return Enumerable.Empty<string>();
        }

        var mapped = (discriminator.Mapping ?? new Dictionary<string, string>())
            .Where(pair => pair.Value == "#/components/schemas/" + reference.Id || pair.Value == reference.Id)
            .Select(pair => pair.Key)
            .ToList();
        return mapped.Count > 0 ? mapped : new[] { reference.Id };
    }

    /// <summary>Whether the generated type <paramref name="type"/> holds (through list items and map values) is defined at <paramref name="pointer"/>.</summary>
    private bool DefinedBy(TypeRef type, string pointer) => type.Kind switch
    {
        TypeRefKind.Array => DefinedBy(type.Element!, pointer + "/items"),
        TypeRefKind.Map => DefinedBy(type.Element!, pointer + "/additionalProperties"),
        _ => _byDefinition.TryGetValue(pointer, out var defined) && defined == type,
    };

    /// <summary>The <c>type</c> of the schema where <paramref name="type"/> is raw JSON: through list items and map values.</summary>
    private static string? LeafJsonType(TypeRef type, OpenApiSchema? schema) => type.Kind switch
    {
        TypeRefKind.Array => LeafJsonType(type.Element!, schema?.Items),
        TypeRefKind.Map => LeafJsonType(type.Element!, schema?.AdditionalProperties),
        _ => schema?.Type,
    };

    /// <summary>The JSON type that recognises a case.</summary>
    private static UnionCaseKind KindOf(TypeRef type, OpenApiSchema branch) => type.Kind switch
    {
        TypeRefKind.Named => type.NamedKind switch
        {
            TypeModelKind.Object => UnionCaseKind.Object,
            TypeModelKind.Enum => UnionCaseKind.String,
            _ => UnionCaseKind.Any,
        },
        TypeRefKind.Array => UnionCaseKind.Array,
        TypeRefKind.Map => UnionCaseKind.Object,
        TypeRefKind.String or TypeRefKind.DateTime => UnionCaseKind.String,
        TypeRefKind.Int32 or TypeRefKind.Int64 => UnionCaseKind.Integer,
        TypeRefKind.Number => UnionCaseKind.Number,
        TypeRefKind.Boolean => UnionCaseKind.Boolean,
        _ => branch.Type switch
        {
            "object" => UnionCaseKind.Object,
            "array" => UnionCaseKind.Array,
            "string" => UnionCaseKind.String,
            "integer" => UnionCaseKind.Integer,
            "number" => UnionCaseKind.Number,
            "boolean" => UnionCaseKind.Boolean,
            _ => UnionCaseKind.Any,
        },
    };
}
