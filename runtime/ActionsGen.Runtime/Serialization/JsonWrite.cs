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
