using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// Reads one JSON object into a generated model, property by property: <see cref="Next"/> finds the next known
/// property (unknown ones are skipped, explicit nulls remembered) and the typed readers take its value. Generated code
/// is then one <c>case</c> per property (the reader is passed to each call: a ref struct cannot be held); <see cref="End"/> checks the required ones.
/// A value that deviates from its description (wrong type, out of range, bad format, a required member absent or null)
/// is refused by a strict read and otherwise reported to the <see cref="JsonReadContext"/> and left at its default.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonObjectReader
{
    private readonly JsonReadContext? _context;
    private readonly JsonPropertyTable _table;
    private JsonBits _present;
    private JsonBits _nulls;

    // The last known property read, for the table's guess at the next one.
    private int _previous;

    /// <summary>Starts reading an object described by <paramref name="table"/>; the reader must be on '{'.</summary>
    public JsonObjectReader(ref Utf8JsonReader reader, JsonReadContext? context, JsonPropertyTable table)
    {
        JsonRead.StartObject(ref reader, table.TypeName);
        _context = context;
        _table = table;
        _previous = -1;
    }

    /// <summary>
    /// Moves to the value of the next known property that is not null and returns its index, or -1 at the end of the
    /// object. A null value is remembered (for writing it back), not returned.
    /// </summary>
    public int Next(ref Utf8JsonReader reader)
    {
        while (JsonRead.NextProperty(ref reader))
        {
            var index = _table.Find(ref reader, _previous);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }

            _previous = index;
            if (reader.TokenType == JsonTokenType.Null)
            {
                _nulls.Set(index);
            }
            else
            {
                _present.Set(index);
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// Ends the object and returns the explicit nulls. A required property that was absent or null is a deviation:
    /// refused by a strict read, else reported and left at its default.
    /// </summary>
    public readonly JsonBits End(ref Utf8JsonReader reader)
    {
        if (_present.FirstMissing(_table.NonNullCount) >= 0)
        {
            Missing(ref reader);
        }

        return _nulls;
    }

    private readonly void Missing(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _table.NonNullCount; i++)
        {
            if (_present.Has(i))
            {
                continue;
            }

            if (_context is null)
            {
                throw new JsonDeviationException(_nulls.Has(i) ? JsonDeviationKind.Null : JsonDeviationKind.Missing, "the required property '" + _table.NameAt(i) + "' of " + _table.TypeName + " is missing or null", reader.TokenStartIndex, _table.NameAt(i));
            }

            _context.MissingMember(ref reader, _table.TypeName, _table.NameAt(i), _nulls.Has(i));
        }
    }

    /// <summary>Reads a string member: in a document read whole, its bytes until the member is first read (see <see cref="JsonString"/>).</summary>
    public readonly JsonString String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && _context is not null ? _context.GetText(ref reader) : StringCodec.Read(ref reader, _context);

    /// <summary>Reads a 64-bit integer.</summary>
    public readonly long Int64(ref Utf8JsonReader reader) => Int64Codec.Read(ref reader, _context);

    /// <summary>Reads a 32-bit integer.</summary>
    public readonly int Int32(ref Utf8JsonReader reader) => Int32Codec.Read(ref reader, _context);

    /// <summary>Reads a number.</summary>
    public readonly double Double(ref Utf8JsonReader reader) => DoubleCodec.Read(ref reader, _context);

    /// <summary>Reads a boolean.</summary>
    public readonly bool Boolean(ref Utf8JsonReader reader) => BooleanCodec.Read(ref reader, _context);

    /// <summary>Reads an ISO 8601 date-time.</summary>
    public readonly DateTimeOffset DateTime(ref Utf8JsonReader reader) => DateTimeCodec.Read(ref reader, _context);

    /// <summary>Reads any value as raw JSON.</summary>
    public readonly JsonElement Any(ref Utf8JsonReader reader) => JsonRead.Any(ref reader);

    /// <summary>Reads a generated model, enum or union.</summary>
    public readonly T Model<T>(ref Utf8JsonReader reader) where T : IJsonModel<T> => ModelCodec<T>.Read(ref reader, _context);

    // Generated code reads enum members here rather than through ModelCodec: five generic methods fewer per enum type
    // to compile on a process's first read. The read is IJsonEnum's ReadJson (which list items and map values take).

    /// <summary>Reads a generated string enum.</summary>
    public readonly T Enum<T>(ref Utf8JsonReader reader) where T : struct, IJsonEnum<T> =>
        reader.TokenType == JsonTokenType.String ? T.Create(T.Values.Read(ref reader, _context)) : JsonRead.Unexpected<T>(ref reader, _context, "a string");

    /// <summary>Reads a generated string enum into a nullable member: null when the value deviates.</summary>
    public readonly T? EnumOrNull<T>(ref Utf8JsonReader reader) where T : struct, IJsonEnum<T>
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return T.Create(T.Values.Read(ref reader, _context));
        }

        JsonRead.Unexpected<T>(ref reader, _context, "a string");
        return null;
    }

    // A member of a nullable value type stays null when its value deviates (not the type's default).

    /// <summary>Reads a 64-bit integer into a nullable member.</summary>
    public readonly long? Int64OrNull(ref Utf8JsonReader reader) => Kept(reader.TokenStartIndex, Int64Codec.Read(ref reader, _context));

    /// <summary>Reads a 32-bit integer into a nullable member.</summary>
    public readonly int? Int32OrNull(ref Utf8JsonReader reader) => Kept(reader.TokenStartIndex, Int32Codec.Read(ref reader, _context));

    /// <summary>Reads a number into a nullable member.</summary>
    public readonly double? DoubleOrNull(ref Utf8JsonReader reader) => Kept(reader.TokenStartIndex, DoubleCodec.Read(ref reader, _context));

    /// <summary>Reads a boolean into a nullable member.</summary>
    public readonly bool? BooleanOrNull(ref Utf8JsonReader reader) => Kept(reader.TokenStartIndex, BooleanCodec.Read(ref reader, _context));

    /// <summary>Reads an ISO 8601 date-time into a nullable member.</summary>
    public readonly DateTimeOffset? DateTimeOrNull(ref Utf8JsonReader reader) => Kept(reader.TokenStartIndex, DateTimeCodec.Read(ref reader, _context));

    /// <summary>Reads a generated union (or enum) into a nullable member.</summary>
    public readonly T? ModelOrNull<T>(ref Utf8JsonReader reader) where T : struct, IJsonModel<T> => Kept(reader.TokenStartIndex, ModelCodec<T>.Read(ref reader, _context));

    /// <summary>Reads an array of generated models.</summary>
    public readonly IReadOnlyList<T> Models<T>(ref Utf8JsonReader reader) where T : IJsonModel<T> => ListCodec<T, ModelCodec<T>>.Read(ref reader, _context);

    /// <summary>Reads any other value with the codec <typeparamref name="TCodec"/>.</summary>
    public readonly T Value<T, TCodec>(ref Utf8JsonReader reader) where TCodec : IJsonCodec<T> => TCodec.Read(ref reader, _context);

    // The value read from start, or null where it deviated and was dropped. Each caller names its codec: a method that
    // calls a codec through a type parameter (a static abstract member) is compiled on first use, not precompiled (ReadyToRun).
    private readonly T? Kept<T>(long start, T value) where T : struct => _context is not null && _context.DroppedAt == start ? null : value;
}
