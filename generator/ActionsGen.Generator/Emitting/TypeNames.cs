using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// C# spellings of types. Runtime and framework types go through the file's <see cref="Aliases"/>, so generated code
/// never depends on the user's usings; generated types are spelled by their simple name, since every file that names
/// them is inside their namespace (a type the generator declares there is found before anything else).
/// </summary>
internal static class TypeNames
{
    public const string JsonRead = Aliases.Serialization + "JsonRead";
    public const string TokenType = Aliases.Json + "JsonTokenType";
    public const string ReadContext = Aliases.Serialization + "JsonReadContext";
    public const string JsonModel = Aliases.Serialization + "IJsonModel";
    public const string Reader = Aliases.Json + "Utf8JsonReader";
    public const string Writer = Aliases.Json + "Utf8JsonWriter";
    public const string Options = Aliases.Json + "JsonSerializerOptions";
    public const string Element = Aliases.Json + "JsonElement";
    public const string ConverterAttribute = Aliases.Json + "Serialization.JsonConverter";
    public const string Equatable = Aliases.System + "IEquatable";
    public const string ArgumentNull = Aliases.System + "ArgumentNullException";
    public const string Ordinal = Aliases.System + "StringComparison.Ordinal";
    public const string OrdinalComparer = Aliases.System + "StringComparer.Ordinal";
    public const string List = Aliases.Collections + "IReadOnlyList";
    public const string Task = Aliases.Tasks + "Task";

    /// <summary>The spelling of <paramref name="type"/> inside the generated namespace.</summary>
    public static string Of(TypeRef type, bool nullable)
    {
        var name = type.Kind switch
        {
            TypeRefKind.String => "string",
            TypeRefKind.Int32 => "int",
            TypeRefKind.Int64 => "long",
            TypeRefKind.Number => "double",
            TypeRefKind.Boolean => "bool",
            TypeRefKind.DateTime => Aliases.System + "DateTimeOffset",
            TypeRefKind.Any => Element,
            TypeRefKind.Named => type.Name!,
            TypeRefKind.Map => Aliases.Collections + "IReadOnlyDictionary<string, " + Of(type.Element!, type.ElementNullable) + ">",
            _ => List + "<" + Of(type.Element!, type.ElementNullable) + ">",
        };
        return nullable ? name + "?" : name;
    }

    /// <summary>A generated type's name from outside its namespace (the DI extensions).</summary>
    public static string Qualified(string ns, string name) => "global::" + ns + "." + name;
}
