using System;
using System.Text.Json;

namespace ActionsGen.Runtime.Http;

/// <summary>Reads a body into a value, as every send path does.</summary>
internal delegate T JsonParser<T>(ReadOnlySpan<byte> utf8Json);

/// <summary>A body that is exactly JSON <c>null</c> (whitespace aside) reads as null; anything else goes to the model's reader.</summary>
internal static class JsonNull
{
    public static JsonParser<T?> Or<T>(JsonParser<T> parse) where T : class =>
        utf8Json => IsNull(utf8Json) ? null : parse(utf8Json);

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
