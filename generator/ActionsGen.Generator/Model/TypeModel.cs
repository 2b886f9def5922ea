namespace ActionsGen.Generator.Model;

internal enum TypeModelKind
{
    /// <summary>A JSON object: a sealed class with init-only properties.</summary>
    Object,

    /// <summary>A string enum: an extensible readonly struct that keeps unknown values.</summary>
    Enum,

    /// <summary>A value that is an integer or a string (oneOf integer|string).</summary>
    IntegerOrString,
}

/// <summary>A named type to generate. <see cref="Name"/> is a unique C# identifier; <see cref="SchemaName"/> is where it came from.</summary>
internal sealed record TypeModel(
    TypeModelKind Kind,
    string Name,
    string SchemaName,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members);

/// <summary>A property of an object. <see cref="JsonName"/> is the exact name on the wire.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description);

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

    /// <summary>True when the C# type is a struct (needs <c>?</c> to hold null as <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind switch
    {
        TypeRefKind.String or TypeRefKind.Array => false,
        TypeRefKind.Named => NamedKind != TypeModelKind.Object,
        _ => true,
    };
}
