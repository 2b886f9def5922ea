using System;
using System.Text.Json;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Http;

/// <summary>Reads a body into a value, as every send path does; <paramref name="refused"/> are the deviations that fail it.</summary>
internal delegate T JsonParser<T>(ReadOnlySpan<byte> utf8Json, JsonDeviationKinds refused, string operationId, out JsonDeviationReport? deviations);

/// <summary>A body that is exactly JSON <c>null</c> (whitespace aside) reads as null; anything else goes to the model's reader.</summary>
internal static class JsonNull
{
    public static JsonParser<T?> Or<T>(JsonParser<T> parse) where T : class =>
        (ReadOnlySpan<byte> utf8Json, JsonDeviationKinds refused, string operationId, out JsonDeviationReport? deviations) =>
        {
            deviations = null;
            return IsNull(utf8Json) ? null : parse(utf8Json, refused, operationId, out deviations);
        };

    public static bool IsNull(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Null && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
