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
            TypeRefKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!, ns, type.ElementNullable) + ">",
            _ => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!, ns, type.ElementNullable) + ">",
        };
        return nullable ? name + "?" : name;
    }

    public static string Qualified(string ns, string name) => "global::" + ns + "." + name;

    /// <summary>Whether a property's C# type admits null: anything but a required, non-nullable property.</summary>
    public static bool IsNullable(PropertyModel property) => !property.Required || property.Nullable;
}
