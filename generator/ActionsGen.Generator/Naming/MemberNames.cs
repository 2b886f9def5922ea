using System.Collections.Generic;
using System.Linq;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The names the generator invents inside a generated type, and the scopes that keep spec names off them: a property
/// named <c>json_nulls</c> or a union case named <c>Unknown</c> gets a suffix instead of colliding.
/// </summary>
internal static class MemberNames
{
    /// <summary>The static <c>JsonPropertyTable</c>/<c>JsonUnionTable</c>/<c>JsonEnumValues</c> of a type.</summary>
    public const string JsonTable = "s_json";

    /// <summary>An object's record of the optional properties read as an explicit null.</summary>
    public const string NullsField = "_jsonNulls";

    /// <summary>An enum's string value, and the field that holds it.</summary>
    public const string EnumValue = "Value";
    public const string EnumValueField = "_value";

    /// <summary>Whether an enum value is one the spec lists.</summary>
    public const string EnumIsKnown = "IsKnown";

    /// <summary>A union's case number and value.</summary>
    public const string UnionCaseField = "_case";
    public const string UnionValueField = "_value";

    /// <summary>A union's members that are not per case: the raw JSON of a value no case fits, and Match.</summary>
    public const string UnionUnknown = "Unknown";

    /// <summary>
    /// Match's type parameter. Case types are spelled by their simple names inside the union, so no generated type may
    /// take this name: the type-name scope reserves it.
    /// </summary>
    public const string UnionMatchResult = "TResult";
    public const string UnionIsUnknown = "IsUnknown";
    public const string UnionMatch = "Match";

    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>Names free for members of a generated type: not object's members, not <paramref name="taken"/>.</summary>
    public static Identifiers.Scope Scope(IEnumerable<string> taken) => new(ObjectMembers.Concat(taken).ToArray());

    /// <summary>The backing field of a property: <c>_</c> and the property name with a lower-case first letter.</summary>
    public static string Field(string property) => "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);

    public static string UnionIs(string caseName) => "Is" + caseName;

    public static string UnionTryGet(string caseName) => "TryGet" + caseName;

    /// <summary>The factory of a list or map case (C# has no conversion from an interface).</summary>
    public static string UnionFrom(string caseName) => "From" + caseName;

    /// <summary>The member scope of an object type: its own name and everything the emitters add are taken.</summary>
    public static Identifiers.Scope ForObject(string typeName) =>
        Scope(new[] { typeName, JsonTable, NullsField });

    /// <summary>The member scope of an enum type: a <c>record struct</c>, so the compiler's record members are taken too.</summary>
    public static Identifiers.Scope ForEnum(string typeName) =>
        Scope(new[] { typeName, JsonTable, EnumValue, EnumIsKnown, EnumValueField, "PrintMembers", "Deconstruct" });

    /// <summary>
    /// The case scope of a union: a case name is free when it and its <c>Is…</c>/<c>TryGet…</c>/<c>From…</c> members are.
    /// </summary>
    public static Identifiers.Scope ForUnion(string typeName) =>
        Scope(new[] { typeName, JsonTable, UnionCaseField, UnionValueField, UnionUnknown, UnionIsUnknown, UnionMatch });

    /// <summary>Claims a property name and its backing field together, so neither collides with anything in scope.</summary>
    public static string ClaimProperty(Identifiers.Scope scope, string candidate) =>
        scope.ClaimWith(candidate, name => new[] { Field(name) });

    /// <summary>Claims a union case name with its <c>Is…</c>, <c>TryGet…</c> and <c>From…</c> members.</summary>
    public static string ClaimCase(Identifiers.Scope scope, string candidate) =>
        scope.ClaimWith(candidate, name => new[] { UnionIs(name), UnionTryGet(name), UnionFrom(name) });

    /// <summary>The parameter names of a union's Match: one per case, camelCase, plus <c>unknown</c>.</summary>
    public static Identifiers.Scope ForMatchParameters() => new("unknown");
}
