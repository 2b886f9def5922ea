using System.ComponentModel;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// A generated string enum: a value that keeps any string it is given, with the spec's known values listed in a
/// <see cref="JsonEnumValues"/> table. Reading and writing live here, once, rather than in each generated enum.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IJsonEnum<TSelf> : IJsonModel<TSelf>
    where TSelf : IJsonEnum<TSelf>
{
    /// <summary>The value as it appears in JSON.</summary>
    string Value { get; }

    /// <summary>The known values.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract JsonEnumValues Values { get; }

    /// <summary>The value for <paramref name="value"/>, known or not.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract TSelf Create(string value);

    static TSelf IJsonModel<TSelf>.ReadJson(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.String
            ? TSelf.Create(TSelf.Values.Read(ref reader, context))
            : JsonRead.Unexpected<TSelf>(ref reader, context, "a string");

    static bool IJsonModel<TSelf>.IsObject => false;

    static void IJsonModel<TSelf>.WriteJson(Utf8JsonWriter writer, TSelf value) => writer.WriteStringValue(value.Value);
}
