using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// The JSON code of one value, as one call into the runtime: the reader call for a property's value, the writer call
/// for a property, and the codec type that reads and writes an array item, a map value or a union case.
/// </summary>
internal static class JsonCode
{
    private const string Serialization = Aliases.Serialization;
    public const string PropertyTable = Serialization + "JsonPropertyTable";
    public const string ObjectReader = Serialization + "JsonObjectReader";
    public const string ObjectWriter = Serialization + "JsonObjectWriter";
    public const string EnumValues = Serialization + "JsonEnumValues";
    public const string JsonEnum = Serialization + "IJsonEnum";
    public const string UnionTable = Serialization + "JsonUnionTable";
    public const string UnionCase = Serialization + "JsonUnionCase";
    public const string UnionKind = Serialization + "JsonUnionKind";
    public const string Bits = Serialization + "JsonBits";
    public const string JsonWrite = Serialization + "JsonWrite";
    public const string StringField = Serialization + "JsonString";

    /// <summary>
    /// The type of a property's backing field: the property's own type, except that a string is held as a
    /// <c>JsonString</c> (its bytes in a short document until first read).
    /// </summary>
    public static string FieldType(TypeRef type, bool nullable) =>
        type.Kind == TypeRefKind.String ? StringField : TypeNames.Of(type, nullable);

    /// <summary>What a property's getter returns: the field, or a string field's value (not null unless the property admits it).</summary>
    public static string FieldValue(TypeRef type, bool nullable, string field) =>
        type.Kind != TypeRefKind.String ? field : nullable ? field + ".Value" : field + ".Value!";

    /// <summary>The <c>[JsonConverter]</c> attribute every generated type carries: the runtime's generic converter (inside the type's namespace).</summary>
    public static string ConverterAttribute(string name) =>
        $"[{TypeNames.ConverterAttribute}(typeof({Serialization}JsonModelConverter<{name}>))]";

    /// <summary>
    /// The properties in the order of their <c>JsonPropertyTable</c> indexes: those that must be present and non-null,
    /// then the other required ones, then the optional ones (spec order within each).
    /// </summary>
    public static List<PropertyModel> TableOrder(TypeModel type) =>
        type.Properties.Where(p => !p.AdmitsNull)
            .Concat(type.Properties.Where(p => p.Required && p.AdmitsNull))
            .Concat(type.Properties.Where(p => !p.Required))
            .ToList();

    /// <summary>
    /// An expression that reads the current (non-null) value with the object reader <c>r</c>. A member of a nullable
    /// value type reads through the <c>…OrNull</c> calls, so that a value that deviates from the spec leaves it null.
    /// </summary>
    public static string Read(TypeRef type, bool nullable) => nullable && type.IsValueType ? ReadOrNull(type) : type.Kind switch
    {
        TypeRefKind.String => "r.String(ref reader)",
        TypeRefKind.Int32 => "r.Int32(ref reader)",
        TypeRefKind.Int64 => "r.Int64(ref reader)",
        TypeRefKind.Number => "r.Double(ref reader)",
        TypeRefKind.Boolean => "r.Boolean(ref reader)",
        TypeRefKind.DateTime => "r.DateTime(ref reader)",
        TypeRefKind.Any => "r.Any(ref reader)",
        TypeRefKind.Named when type.NamedKind == TypeModelKind.Enum => $"r.Enum<{TypeNames.Of(type, nullable: false)}>(ref reader)",
        TypeRefKind.Named => $"r.Model<{TypeNames.Of(type, nullable: false)}>(ref reader)",
        _ when IsModelList(type) => $"r.Models<{TypeNames.Of(type.Element!, nullable: false)}>(ref reader)",
        _ => $"r.Value<{TypeNames.Of(type, nullable: false)}, {Codec(type)}>(ref reader)",
    };

    private static string ReadOrNull(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Int32 => "r.Int32OrNull(ref reader)",
        TypeRefKind.Int64 => "r.Int64OrNull(ref reader)",
        TypeRefKind.Number => "r.DoubleOrNull(ref reader)",
        TypeRefKind.Boolean => "r.BooleanOrNull(ref reader)",
        TypeRefKind.DateTime => "r.DateTimeOrNull(ref reader)",
        TypeRefKind.Named when type.NamedKind == TypeModelKind.Enum => $"r.EnumOrNull<{TypeNames.Of(type, nullable: false)}>(ref reader)",
        TypeRefKind.Named => $"r.ModelOrNull<{TypeNames.Of(type, nullable: false)}>(ref reader)",
        _ => $"r.Value<{TypeNames.Of(type, nullable: true)}, {Serialization}NullableCodec<{TypeNames.Of(type, nullable: false)}, {Codec(type)}>>(ref reader)",
    };

    /// <summary>A statement that writes the property at table index <paramref name="index"/> with the object writer <c>w</c>.</summary>
    public static string Write(TypeRef type, int index, string value) => type.Kind switch
    {
        TypeRefKind.String => $"w.String({index}, {value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => $"w.Number({index}, {value});",
        TypeRefKind.Boolean => $"w.Boolean({index}, {value});",
        TypeRefKind.DateTime => $"w.DateTime({index}, {value});",
        TypeRefKind.Any => $"w.Any({index}, {value});",
        TypeRefKind.Named when !type.IsValueType => $"w.Model<{TypeNames.Of(type, nullable: false)}>({index}, {value});",
        TypeRefKind.Named => $"w.Value<{TypeNames.Of(type, nullable: false)}>({index}, {value});",
        _ when IsModelList(type) => $"w.Models<{TypeNames.Of(type.Element!, nullable: false)}>({index}, {value});",
        _ => $"w.Object<{TypeNames.Of(type, nullable: false)}, {Codec(type)}>({index}, {value});",
    };

    /// <summary>The codec type (an <c>IJsonCodec&lt;T&gt;</c>) for a non-null value of <paramref name="type"/>.</summary>
    public static string Codec(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => Serialization + "StringCodec",
        TypeRefKind.Int32 => Serialization + "Int32Codec",
        TypeRefKind.Int64 => Serialization + "Int64Codec",
        TypeRefKind.Number => Serialization + "DoubleCodec",
        TypeRefKind.Boolean => Serialization + "BooleanCodec",
        TypeRefKind.DateTime => Serialization + "DateTimeCodec",
        TypeRefKind.Any => Serialization + "AnyCodec",
        TypeRefKind.Named => $"{Serialization}ModelCodec<{TypeNames.Of(type, nullable: false)}>",
        TypeRefKind.Array => $"{Serialization}ListCodec<{TypeNames.Of(type.Element!, type.ElementNullable)}, {ElementCodec(type)}>",
        _ => $"{Serialization}MapCodec<{TypeNames.Of(type.Element!, type.ElementNullable)}, {ElementCodec(type)}>",
    };

    private static string ElementCodec(TypeRef container)
    {
        var element = container.Element!;
        var codec = Codec(element);
        if (!container.ElementNullable)
        {
            return codec;
        }

        var wrapper = element.IsValueType ? "NullableCodec" : "OrNullCodec";
        return $"{Serialization}{wrapper}<{TypeNames.Of(element, nullable: false)}, {codec}>";
    }

    private static bool IsModelList(TypeRef type) =>
        type is { Kind: TypeRefKind.Array, ElementNullable: false, Element.Kind: TypeRefKind.Named };
}
