using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// Writes one generated model as a JSON object, property by property, by index into its
/// <see cref="JsonPropertyTable"/>. A property without a value is left out, unless it is required or was read as an
/// explicit null: then it is written as null, so a document read and written back keeps its shape.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct JsonObjectWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly JsonPropertyTable _table;
    private readonly JsonBits _nulls;

    /// <summary>Writes '{' and prepares to write the properties of <paramref name="table"/>.</summary>
    public JsonObjectWriter(Utf8JsonWriter writer, JsonPropertyTable table, JsonBits nulls)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _table = table;
        _nulls = nulls;
        writer.WriteStartObject();
    }

    /// <summary>Writes '}'.</summary>
    public void End() => _writer.WriteEndObject();

    /// <summary>Writes a string property (a value still held as the document's bytes is written from them).</summary>
    public void String(int index, JsonString value)
    {
        if (!value.Write(_writer, _table.Encoded(index)))
        {
            Absent(index);
        }
    }

    /// <summary>Writes an integer property.</summary>
    public void Number(int index, long? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(_table.Encoded(index), number);
        }
        else
        {
            Absent(index);
        }
    }

    /// <summary>Writes a number property.</summary>
    public void Number(int index, double? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(_table.Encoded(index), number);
        }
        else
        {
            Absent(index);
        }
    }

    /// <summary>Writes a boolean property.</summary>
    public void Boolean(int index, bool? value)
    {
        if (value is { } flag)
        {
            _writer.WriteBoolean(_table.Encoded(index), flag);
        }
        else
        {
            Absent(index);
        }
    }

    /// <summary>Writes a date-time property.</summary>
    public void DateTime(int index, DateTimeOffset? value) => Value<DateTimeOffset, DateTimeCodec>(index, value);

    /// <summary>Writes a raw JSON property (an undefined element counts as absent).</summary>
    public void Any(int index, JsonElement? value) =>
        Value<JsonElement, AnyCodec>(index, value is { ValueKind: not JsonValueKind.Undefined } ? value : null);

    /// <summary>Writes a generated model property.</summary>
    public void Model<T>(int index, T? value) where T : class, IJsonModel<T> => Object<T, ModelCodec<T>>(index, value);

    /// <summary>Writes a generated enum or union property.</summary>
    public void Value<T>(int index, T? value) where T : struct, IJsonModel<T> => Value<T, ModelCodec<T>>(index, value);

    /// <summary>Writes an array of generated models.</summary>
    public void Models<T>(int index, IReadOnlyList<T>? value) where T : IJsonModel<T> =>
        Object<IReadOnlyList<T>, ListCodec<T, ModelCodec<T>>>(index, value);

    /// <summary>Writes a value type with the codec <typeparamref name="TCodec"/>.</summary>
    public void Value<T, TCodec>(int index, T? value)
        where T : struct
        where TCodec : IJsonCodec<T>
    {
        if (value is { } present)
        {
            _writer.WritePropertyName(_table.Encoded(index));
            TCodec.Write(_writer, present);
        }
        else
        {
            Absent(index);
        }
    }

    /// <summary>Writes a reference type (array, map, model) with the codec <typeparamref name="TCodec"/>.</summary>
    public void Object<T, TCodec>(int index, T? value)
        where T : class
        where TCodec : IJsonCodec<T>
    {
        if (value is not null)
        {
            _writer.WritePropertyName(_table.Encoded(index));
            TCodec.Write(_writer, value);
        }
        else
        {
            Absent(index);
        }
    }

    private void Absent(int index)
    {
        if (index < _table.RequiredCount || _nulls.Has(index))
        {
            _writer.WriteNull(_table.Encoded(index));
        }
    }
}
