using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// Reads and writes a generated type for System.Text.Json with its generated code: no reflection, safe for trimming
/// and Native AOT. Every generated model, enum and union names it in its <c>[JsonConverter]</c> attribute.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class JsonModelConverter<T> : JsonConverter<T>
    where T : IJsonModel<T>
{
    /// <summary>Whether null is handed to <see cref="Write"/>: no, System.Text.Json writes it.</summary>
    public override bool HandleNull => false;

    /// <summary>
    /// Reads a value as System.Text.Json would: a value of another JSON type (or format, or range) fails the read; a
    /// null for a non-nullable member fails it only with <c>RespectNullableAnnotations</c>, and a missing required
    /// member only with <c>RespectRequiredConstructorParameters</c> (.NET 9 and later). Any other deviation is read past and reported through
    /// <see cref="Telemetry.ActionsTelemetry"/>.
    /// </summary>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader;
        var context = JsonReadContext.Rent(SerializerSwitches.Refused(options));
        try
        {
            var value = T.ReadJson(ref reader, context);
            if (context.HasDeviations)
            {
                Telemetry.ActionsTelemetry.Deviations(context.Report(start, null));
            }

            return value;
        }
        catch (JsonDeviationException refusal)
        {
            throw refusal.At(JsonPath.Of(start, refusal.Offset, refusal.Member));
        }
        finally
        {
            JsonReadContext.Return(context);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        T.WriteJson(writer, value);
    }

    /// <summary>The type info a generated <c>IJsonTypeInfoResolver</c> hands out for <typeparamref name="T"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static JsonTypeInfo TypeInfo(JsonSerializerOptions options) => JsonMetadataServices.CreateValueInfo<T>(options, new JsonModelConverter<T>());
}
