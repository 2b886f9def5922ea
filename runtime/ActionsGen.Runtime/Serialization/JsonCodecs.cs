using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

// The codecs generated code composes for array items, map values and union cases. Each reads a non-null value unless
// wrapped in NullableCodec/OrNullCodec. A value that deviates from its description (another JSON type, a number out
// of range, a date-time that does not parse) goes to the read context, which refuses it (strict) or records it and
// leaves it out: the codec then returns default, and the list, map or member that asked leaves it out too.

/// <summary>A JSON string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct StringCodec : IJsonCodec<string>
{
    /// <inheritdoc/>
    public static string Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.String
            ? (context is null ? JsonRead.Utf16(ref reader) : context.GetString(ref reader))
            : JsonRead.Unexpected<string>(ref reader, context, "a string");

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

/// <summary>A JSON integer as <see cref="long"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Int64Codec : IJsonCodec<long>
{
    /// <inheritdoc/>
    public static long Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : JsonRead.NotInteger<long>(ref reader, context, long.MaxValue, "a 64-bit integer");

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON integer as <see cref="int"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Int32Codec : IJsonCodec<int>
{
    /// <inheritdoc/>
    public static int Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : JsonRead.NotInteger<int>(ref reader, context, int.MaxValue, "a 32-bit integer");

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="double"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DoubleCodec : IJsonCodec<double>
{
    /// <inheritdoc/>
    public static double Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value)
            ? value
            : reader.TokenType == JsonTokenType.Number
                ? JsonRead.Deviate<double>(ref reader, context, JsonDeviationKind.OutOfRange, "the number does not fit a double")
                : JsonRead.Unexpected<double>(ref reader, context, "a number");

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON boolean.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct BooleanCodec : IJsonCodec<bool>
{
    /// <inheritdoc/>
    public static bool Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => JsonRead.Unexpected<bool>(ref reader, context, "a boolean"),
        };

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}

/// <summary>An ISO 8601 date-time string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DateTimeCodec : IJsonCodec<DateTimeOffset>
{
    /// <inheritdoc/>
    public static DateTimeOffset Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.String && JsonDates.TryRead(ref reader, context, out var value)
            ? value
            : reader.TokenType == JsonTokenType.String
                ? JsonRead.Deviate<DateTimeOffset>(ref reader, context, JsonDeviationKind.InvalidFormat, "the string is not an ISO 8601 date-time")
                : JsonRead.Unexpected<DateTimeOffset>(ref reader, context, "a date-time string");

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value) => JsonWrite.DateTimeOffset(writer, value);
}

/// <summary>Any JSON value, kept as it is (null included).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AnyCodec : IJsonCodec<JsonElement>
{
    /// <inheritdoc/>
    public static JsonElement Read(ref Utf8JsonReader reader, JsonReadContext? context) => JsonRead.Any(ref reader);

    /// <inheritdoc/>
    public static bool AcceptsNull => true;

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, JsonElement value) => JsonWrite.Any(writer, value);
}

/// <summary>A generated model, enum or union.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ModelCodec<T> : IJsonCodec<T>
    where T : IJsonModel<T>
{
    /// <inheritdoc/>
    public static T Read(ref Utf8JsonReader reader, JsonReadContext? context)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return T.IsObject ? JsonRead.Unexpected<T>(ref reader, context, "an object (" + typeof(T).Name + ")") : T.ReadJson(ref reader, context);
        }

        return typeof(T).IsValueType || context is null || !context.TracksRepeats ? T.ReadJson(ref reader, context) : ReadRepeated(ref reader, context);
    }

    // An object equal to one read earlier in the document is that one (JsonReadContext.Repeats).
    private static T ReadRepeated(ref Utf8JsonReader reader, JsonReadContext context)
    {
        var start = context.TryRepeat<T>(ref reader, out var repeated);
        if (repeated is not null)
        {
            return (T)repeated;
        }

        var deviations = context.DeviationCount;
        var value = T.ReadJson(ref reader, context);
        if (start >= 0)
        {
            context.Remember<T>(ref reader, start, deviations, value!);
        }

        return value;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T value) => T.WriteJson(writer, value);
}

/// <summary>A value type or null.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NullableCodec<T, TCodec> : IJsonCodec<T?>
    where T : struct
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static T? Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.Null ? null : TCodec.Read(ref reader, context);

    /// <inheritdoc/>
    public static bool AcceptsNull => true;

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is { } present)
        {
            TCodec.Write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A reference type or null.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OrNullCodec<T, TCodec> : IJsonCodec<T?>
    where T : class
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static T? Read(ref Utf8JsonReader reader, JsonReadContext? context) =>
        reader.TokenType == JsonTokenType.Null ? null : TCodec.Read(ref reader, context);

    /// <inheritdoc/>
    public static bool AcceptsNull => true;

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            TCodec.Write(writer, value);
        }
    }
}

/// <summary>A JSON array of <typeparamref name="T"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ListCodec<T, TCodec> : IJsonCodec<IReadOnlyList<T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static IReadOnlyList<T> Read(ref Utf8JsonReader reader, JsonReadContext? context)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return JsonRead.Unexpected<IReadOnlyList<T>>(ref reader, context, "an array");
        }

        var items = new ArrayBuilder<T>();
        while (JsonRead.NextItem(ref reader))
        {
            if (reader.TokenType == JsonTokenType.Null && !TCodec.AcceptsNull)
            {
                JsonRead.Deviate<T>(ref reader, context, JsonDeviationKind.NullElement, "a list item is null");
                continue;
            }

            var start = reader.TokenStartIndex;
            var item = TCodec.Read(ref reader, context);
            if (context is null || context.DroppedAt != start)
            {
                items.Add(item);
            }
        }

        return items.ToArray();
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<T> value)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            TCodec.Write(writer, value[i]);
        }

        writer.WriteEndArray();
    }
}

/// <summary>A JSON object used as a map from names to <typeparamref name="T"/> (<c>additionalProperties</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MapCodec<T, TCodec> : IJsonCodec<IReadOnlyDictionary<string, T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, JsonReadContext? context)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonRead.Unexpected<IReadOnlyDictionary<string, T>>(ref reader, context, "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (JsonRead.NextProperty(ref reader))
        {
            var name = JsonRead.Utf16(ref reader);
            reader.Read();
            var start = reader.TokenStartIndex;
            var value = reader.TokenType == JsonTokenType.Null && !TCodec.AcceptsNull
                ? JsonRead.Deviate<T>(ref reader, context, JsonDeviationKind.Null, "the value of '" + name + "' is null")
                : TCodec.Read(ref reader, context);
            if (context is null || context.DroppedAt != start)
            {
                map[name] = value;
            }
        }

        return map;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            TCodec.Write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }
}
