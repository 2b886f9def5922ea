using System;
using System.ComponentModel;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>Value writers called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a date-time as ISO 8601, keeping its offset; UTC is written with 'Z' as GitHub does.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a string property if it has a value, or null if <paramref name="writeNull"/> (a required or read-as-null property).</summary>
    public static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value, bool writeNull)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an integer property if it has a value, or null if <paramref name="writeNull"/>.</summary>
    public static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value, bool writeNull)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number property if it has a value, or null if <paramref name="writeNull"/>.</summary>
    public static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value, bool writeNull)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a boolean property if it has a value, or null if <paramref name="writeNull"/>.</summary>
    public static void Boolean(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value, bool writeNull)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a date-time property (as <see cref="DateTimeOffset(Utf8JsonWriter, System.DateTimeOffset)"/>) if it has a value, or null if <paramref name="writeNull"/>.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value, bool writeNull)
    {
        if (value is { } time)
        {
            writer.WritePropertyName(name);
            DateTimeOffset(writer, time);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes raw JSON; an undefined element (a default <see cref="JsonElement"/>) is written as null.</summary>
    public static void Any(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
