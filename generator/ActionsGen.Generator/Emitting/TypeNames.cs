using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>C# spellings of model types, fully qualified so generated code never depends on the user's usings.</summary>
internal static class TypeNames
{
    public const string JsonRead = "global::ActionsGen.Runtime.Serialization.JsonRead";
    public const string JsonWrite = "global::ActionsGen.Runtime.Serialization.JsonWrite";
    public const string ReadContext = "global::ActionsGen.Runtime.Serialization.JsonReadContext";
    public const string JsonModel = "global::ActionsGen.Runtime.Serialization.IJsonModel";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";
    public const string ConverterAttribute = "global::System.Text.Json.Serialization.JsonConverter";

    public static string Of(TypeRef type, string ns, bool nullable)
    {
        var name = type.Kind switch
        {
            TypeRefKind.String => "string",
            TypeRefKind.Int32 => "int",
            TypeRefKind.Int64 => "long",
            TypeRefKind.Number => "double",
            TypeRefKind.Boolean => "bool",
            TypeRefKind.DateTime => "global::System.DateTimeOffset",
            TypeRefKind.Any => "global::System.Text.Json.JsonElement",
            TypeRefKind.Named => Qualified(ns, type.Name!),
            _ => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!, ns, type.ElementNullable) + ">",
        };
        return nullable ? name + "?" : name;
    }

    public static string Qualified(string ns, string name) => "global::" + ns + "." + name;

    public static string Converter(string ns, string name) => Qualified(ns, name + "JsonConverter");

    /// <summary>The internal member that remembers which optional properties were read as an explicit JSON null.</summary>
    public const string ExplicitNullsField = "_jsonExplicitNulls";

    /// <summary>Member names the generated code uses on every type; the naming rule keeps properties off them.</summary>
    public static readonly string[] ReservedMembers = { "ReadCore", "WriteCore", "MissingRequired" };

    /// <summary>The backing field of a property: <c>_</c> and the property name with a lower-case first letter.</summary>
    public static string Field(PropertyModel property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    /// <summary>Optional nullable properties, in order, whose explicit nulls are remembered (the first 64).</summary>
    public static System.Collections.Generic.List<PropertyModel> NullTracked(TypeModel type)
    {
        var tracked = new System.Collections.Generic.List<PropertyModel>();
        foreach (var property in type.Properties)
        {
            if (!property.Required && property.Nullable && tracked.Count < 64)
            {
                tracked.Add(property);
            }
        }

        return tracked;
    }

    /// <summary>Whether a property's C# type admits null: anything but a required, non-nullable property.</summary>
    public static bool IsNullable(PropertyModel property) => !property.Required || property.Nullable;
}
