using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// The known values of a generated string enum. Reading returns the known value's own string, so no string is created
/// for it; any other value is kept as read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonEnumValues
{
    private readonly string[] _values;
    private readonly byte[][] _utf8;

    /// <summary>Creates the table of known values.</summary>
    public JsonEnumValues(params string[] values)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _utf8 = Array.ConvertAll(values, Encoding.UTF8.GetBytes);
    }

    /// <summary>Whether <paramref name="value"/> is one of the known values.</summary>
    public bool Contains(string? value) => value is not null && Array.IndexOf(_values, value) >= 0;

    /// <summary>Reads a string value: a known one as its shared instance, any other as read.</summary>
    public string Read(ref Utf8JsonReader reader, JsonReadContext? context)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonRead.Mismatch(ref reader, "a string");
        }

        // An escaped value is read as a string first (ValueTextEquals would unescape it and throw on a malformed escape).
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (span.SequenceEqual(_utf8[i]))
                {
                    return _values[i];
                }
            }
        }

        return JsonRead.String(ref reader, context)!;
    }
}
