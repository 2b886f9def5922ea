using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>Value readers called by generated code. Each reads the current token and throws a <see cref="JsonException"/> that says what was wrong and where.</summary>
/// <remarks>
/// None is marked <c>AggressiveOptimization</c>: the package ships this assembly precompiled (ReadyToRun), which
/// such methods would be left out of, and a fully optimized compile on first call cost a fresh process's first read
/// more than running them unoptimized did (docs/benchmarks.md, "Tried and dropped").
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>
    /// The hash of a property name, over the unescaped UTF-8 bytes: the first and last (up to) 8 bytes, the middle 8 of
    /// a long name, and the length; a few multiplications whatever the length. <see cref="JsonPropertyTable"/> and
    /// <see cref="JsonUnionTable"/> look names up by it; a collision only costs a second compare.
    /// </summary>
    public static uint PropertyNameHash(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return NameHash(reader.ValueSpan);
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        Span<byte> buffer = length <= 256 ? stackalloc byte[256] : new byte[length];
        int written;
        try
        {
            written = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw Error(ref reader, "the property name is not valid UTF-8");
        }

        return NameHash(buffer[..written]);
    }

    /// <summary>The property-name hash of <paramref name="name"/>'s UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NameHash(ReadOnlySpan<byte> name)
    {
        var length = name.Length;
        ulong first, last;
        if (length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(name);
            last = BinaryPrimitives.ReadUInt64LittleEndian(name[(length - 8)..]);
        }
        else if (length >= 4)
        {
            first = BinaryPrimitives.ReadUInt32LittleEndian(name);
            last = BinaryPrimitives.ReadUInt32LittleEndian(name[(length - 4)..]);
        }
        else
        {
            first = length == 0 ? 0 : name[0] | ((ulong)name[length >> 1] << 8) | ((ulong)name[length - 1] << 16);
            last = 0;
        }

        var hash = unchecked((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)length * 0x165667B19E3779F9UL));
        if (length > 16)
        {
            // Long names that share their ends (x_…_url) differ in the middle.
            hash ^= unchecked(BinaryPrimitives.ReadUInt64LittleEndian(name[((length / 2) - 4)..]) * 0x94D049BB133111EBUL);
        }

        hash ^= hash >> 29;
        return (uint)(hash ^ (hash >> 32));
    }

    /// <summary>Moves to the next property name of an object; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next item of an array; false at the end of the array.</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Starts reading an object of type <paramref name="typeName"/>: the current token must be '{'.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch(ref reader, "an object (" + typeName + ")");
        }
    }

    /// <summary>Reads a string or null.</summary>
    public static string? String(ref Utf8JsonReader reader, JsonReadContext? context) => reader.TokenType switch
    {
        JsonTokenType.String => context is null ? Utf16(ref reader) : context.GetString(ref reader),
        JsonTokenType.Null => null,
        _ => throw Mismatch(ref reader, "a string"),
    };

    /// <summary>The current string token as a .NET string; invalid UTF-8 is a <see cref="JsonException"/> at its offset.</summary>
    public static string Utf16(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader validates UTF-8 only when transcoding, and reports it as InvalidOperationException.
            throw Error(ref reader, "the string is not valid UTF-8");
        }
    }

    /// <summary>Reads any JSON value as it is.</summary>
    public static JsonElement Any(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// The current value is not of the JSON type described (<paramref name="expected"/>): a deviation of kind
    /// <c>wrong_type</c> (<c>null</c> for a null). Refused by a strict read; otherwise reported and skipped, and the
    /// caller gets default.
    /// </summary>
    public static T Unexpected<T>(ref Utf8JsonReader reader, JsonReadContext? context, string expected) =>
        Deviate<T>(
            ref reader,
            context,
            reader.TokenType == JsonTokenType.Null ? JsonDeviationKind.Null : JsonDeviationKind.WrongType,
            "expected " + expected + " but found " + Describe(reader.TokenType));

    /// <summary>The current value deviates by <paramref name="kind"/>: refused by a strict read, else reported and skipped (the caller gets default).</summary>
    public static T Deviate<T>(ref Utf8JsonReader reader, JsonReadContext? context, JsonDeviationKind kind, string description)
    {
        if (context is null)
        {
            throw new JsonDeviationException(kind, description, reader.TokenStartIndex, null);
        }

        context.Deviate(ref reader, kind, description);
        return default!;
    }

    /// <summary>The current value was to be an integer up to <paramref name="max"/>: a number beyond it, a fraction, or another type.</summary>
    internal static T NotInteger<T>(ref Utf8JsonReader reader, JsonReadContext? context, double max, string what)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return Unexpected<T>(ref reader, context, "an integer");
        }

        return reader.TryGetDouble(out var value) && Math.Abs(value) <= max
            ? Deviate<T>(ref reader, context, JsonDeviationKind.WrongType, "expected an integer but found a number with a fraction")
            : Deviate<T>(ref reader, context, JsonDeviationKind.OutOfRange, "the number does not fit " + what);
    }

    /// <summary>The exception for a value of the wrong kind.</summary>
    public static JsonException Mismatch(ref Utf8JsonReader reader, string expected) =>
        Error(ref reader, "expected " + expected + " but found " + Describe(reader.TokenType));

    /// <summary>An exception that says what is wrong and at which byte of the document.</summary>
    public static JsonException Error(ref Utf8JsonReader reader, string message) =>
        new("Invalid JSON: " + message + " at byte offset " + reader.TokenStartIndex + ".", null, null, reader.TokenStartIndex);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "the end of the data",
        _ => token.ToString(),
    };
}
