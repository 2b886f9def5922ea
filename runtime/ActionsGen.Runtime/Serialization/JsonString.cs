using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// A model's string member: a .NET string, or (read by <see cref="ActionsJson"/>) the value's UTF-8 bytes, turned into
/// a string the first time it is read. Most members of a response are never read; their bytes take half the memory of
/// their strings and cost a copy instead of a transcoding and an object each. The bytes were checked as
/// UTF-8 and were not escaped, so reading the member later cannot fail. They are kept in 1 KB chunks that the models
/// read on one thread share (a value over 256 bytes in an array of its own), not in the document: what a model keeps
/// alive beyond its own unread values is at most the rest of a chunk at either end (figures: docs/benchmarks.md,
/// "String members").
/// </summary>
/// <remarks>
/// Reading is safe from several threads: each may create the string, one of the equal strings is kept. A copy of the
/// struct creates its own string, so the generated property reads it in place.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonString
{
    // The string, or the chunk holding its bytes until the first read; the range does not change.
    private object? _value;
    private readonly int _start;
    private readonly int _length;

    internal JsonString(byte[] bytes, int start, int length)
    {
        _value = bytes;
        _start = start;
        _length = length;
    }

    private JsonString(string? value)
    {
        _value = value;
        _start = 0;
        _length = 0;
    }

    /// <summary>The value (null when absent or null), created from its bytes on the first read.</summary>
    public string? Value => _value is byte[] bytes ? Create(bytes) : (string?)_value;

    /// <summary>A member set from a string.</summary>
    public static implicit operator JsonString(string? value) => new(value);

    /// <summary>Writes the value: its bytes as they are when it has not been read as a string.</summary>
    internal readonly bool Write(Utf8JsonWriter writer, JsonEncodedText name)
    {
        switch (_value)
        {
            case byte[] bytes:
                writer.WriteString(name, bytes.AsSpan(_start, _length));
                return true;
            case string value:
                writer.WriteString(name, value);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc/>
    public override readonly string ToString() => _value is byte[] bytes ? Encoding.UTF8.GetString(bytes, _start, _length) : (string?)_value ?? string.Empty;

    private string Create(byte[] bytes)
    {
        var value = Encoding.UTF8.GetString(bytes, _start, _length);
        _value = value;
        return value;
    }
}
