using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The names of the types schemas become, and of union cases. A component is named by its key; a schema defined
/// inline is named by where it is: its owner's name and the property (<c>WorkflowRun</c> + <c>status</c>), an array's
/// <c>Item</c>, a map's <c>Value</c>, a union's branch. Component schemas are named first, then the inline schemas of
/// component parameters (<c>Parameter</c> after the name when a schema has it); both before any filter applies. An
/// inline type whose name is taken gets its kind after it (<c>PackageVisibilityEnum</c> when the
/// <c>package-visibility</c> parameter is <c>PackageVisibility</c>); a number is the last resort.
/// </summary>
internal static class SchemaNames
{
    /// <summary>A component schema's type, from its key.</summary>
    public static string Component(string key) => Identifiers.Pascal(key);

    /// <summary>
    /// The type of an inline property schema of <paramref name="owner"/>, by the property's JSON name: not by its C#
    /// name, which may carry a suffix (a property <c>commit</c> of <c>Commit</c> is <c>Commit2</c>; its type <c>CommitCommit</c>).
    /// </summary>
    public static string Property(string owner, string jsonName) => owner + Identifiers.Pascal(jsonName);

    /// <summary>Claims the type name of a component parameter's inline schema: its key, or with <c>Parameter</c> after it when that is taken.</summary>
    public static string ClaimComponentParameter(Identifiers.Scope types, string key)
    {
        var name = Identifiers.Pascal(key);
        return types.Claim(types.IsTaken(name) && !types.IsTaken(name + "Parameter") ? name + "Parameter" : name);
    }

    /// <summary>Claims the name of an inline type: <paramref name="context"/>, or with its kind after it when that is taken.</summary>
    public static string ClaimInline(Identifiers.Scope types, string context, TypeModelKind kind)
    {
        var alternative = context + kind switch
        {
            TypeModelKind.Enum => "Enum",
            TypeModelKind.Union => "Union",
            TypeModelKind.IntegerOrString => "Value",
            _ => "Object",
        };
        return types.Claim(types.IsTaken(context) && !types.IsTaken(alternative) ? alternative : context);
    }

    /// <summary>The type of an array's inline items.</summary>
    public static string Item(string context) => context + "Item";

    /// <summary>The type of a map's inline values.</summary>
    public static string MapValue(string context) => context + "Value";

    /// <summary>The type of a union's branch defined inline: the union's name and the case's (<see cref="UnionCaseNames"/>).</summary>
    public static string Branch(string union, string caseName) => union + caseName;

    /// <summary>
    /// A case's name: its type's name, or what its JSON is (<c>String</c>, <c>Integer</c>, <c>SimpleUserList</c> …);
    /// <paramref name="leafJsonType"/> is the schema's <c>type</c> where the value is raw JSON (<c>object</c> → <c>Object</c>).
    /// </summary>
    public static string Case(TypeRef type, string? leafJsonType) => type.Kind switch
    {
        TypeRefKind.Named => type.Name!,
        TypeRefKind.String => "String",
        TypeRefKind.DateTime => "DateTime",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "Integer",
        TypeRefKind.Number => "Number",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.Array => Case(type.Element!, leafJsonType) + "List",
        TypeRefKind.Map => Case(type.Element!, leafJsonType) + "Map",
        _ => leafJsonType is "object" ? "Object" : leafJsonType is "array" ? "Array" : "Json",
    };
}
