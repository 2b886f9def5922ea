namespace ActionsGen.Generator.Model;

internal enum TypeModelKind
{
    /// <summary>A JSON object: a sealed class with init-only properties.</summary>
    Object,

    /// <summary>A string enum: an extensible readonly struct that keeps unknown values.</summary>
    Enum,

    /// <summary>A value that is an integer or a string (oneOf integer|string).</summary>
    IntegerOrString,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of other schemas: a struct with one case per branch.</summary>
    Union,
}

/// <summary>A named type to generate. <see cref="Name"/> is a unique C# identifier; <see cref="SchemaName"/> is where it came from.</summary>
/// <param name="Cases">For <see cref="TypeModelKind.Union"/>: the cases, in spec order.</param>
/// <param name="Discriminator">For a union: the property whose value names the case, if the spec gives one.</param>
/// <param name="Writes">Whether JSON writing code is emitted: a request body can hold the type, or <c>Writers="all"</c>.</param>
internal sealed record TypeModel(
    TypeModelKind Kind,
    string Name,
    string SchemaName,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    EquatableArray<UnionCaseModel> Cases = default,
    string? Discriminator = null,
    bool Writes = true);

/// <summary>A property of an object. <see cref="JsonName"/> is the exact name on the wire; <see cref="Field"/> its backing field.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    string Field,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description)
{
    /// <summary>Whether the property's C# type admits null: anything but a required, non-nullable property.</summary>
    public bool AdmitsNull => !Required || Nullable;
}

/// <summary>The JSON type a union case is recognised by.</summary>
internal enum UnionCaseKind
{
    Any,
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}

/// <summary>
/// One case of a union: its C# name (<c>Is{Name}</c>, <c>TryGet{Name}</c>), its type, the JSON type and required
/// properties that recognise it, and the discriminator values that name it.
/// </summary>
internal sealed record UnionCaseModel(
    string Name,
    string Parameter,
    TypeRef Type,
    UnionCaseKind Kind,
    EquatableArray<string> Required,
    EquatableArray<string> Tags);

/// <summary>A known value of a string enum.</summary>
internal sealed record EnumMemberModel(string Value, string Name);

internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Number,
    Boolean,
    DateTime,
    Any,
    Named,
    Array,

    /// <summary>A JSON object used as a map (<c>additionalProperties</c>): <c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Map,
}

/// <summary>The type of a property, parameter or array item.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null, TypeModelKind? NamedKind = null, bool ElementNullable = false)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Int32 = new(TypeRefKind.Int32);
    public static readonly TypeRef Int64 = new(TypeRefKind.Int64);
    public static readonly TypeRef Number = new(TypeRefKind.Number);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRef DateTime = new(TypeRefKind.DateTime);
    public static readonly TypeRef Any = new(TypeRefKind.Any);

    public static TypeRef Named(string name, TypeModelKind kind) => new(TypeRefKind.Named, name, NamedKind: kind);

    public static TypeRef ArrayOf(TypeRef element, bool elementNullable) => new(TypeRefKind.Array, Element: element, ElementNullable: elementNullable);

    public static TypeRef MapOf(TypeRef element, bool elementNullable) => new(TypeRefKind.Map, Element: element, ElementNullable: elementNullable);

    /// <summary>True when the C# type is a struct (needs <c>?</c> to hold null as <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind switch
    {
        TypeRefKind.String or TypeRefKind.Array or TypeRefKind.Map => false,
        TypeRefKind.Named => NamedKind != TypeModelKind.Object,
        _ => true,
    };
}
