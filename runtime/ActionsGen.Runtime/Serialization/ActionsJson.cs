using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>Reads and writes generated models as JSON with their generated code: no reflection, AOT and trim safe.</summary>
public static class ActionsJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Reads one <typeparamref name="T"/> from a complete UTF-8 JSON document. Drift from the description (a required
    /// member absent, a null, a value of another type or format, a number out of range) does not fail the read: the
    /// member is left at its default and the deviation reported through <see cref="Telemetry.ActionsTelemetry"/>.
    /// </summary>
    /// <exception cref="JsonException">The document is not valid JSON (truncated, invalid UTF-8, nested too deep), or is of another JSON type than <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : IJsonModel<T>
    {
        var value = Read<T, ModelCodec<T>>(utf8Json, JsonDeviationKinds.None, null, out var deviations);
        if (deviations is not null)
        {
            Telemetry.ActionsTelemetry.Deviations(deviations);
        }
        return value;
    }

    /// <summary>
    /// Reads one <typeparamref name="T"/> and returns what drifted from the description in <paramref name="deviations"/>
    /// (null when nothing did); with <paramref name="strict"/>, the first deviation fails the read instead, naming its JSON path.
    /// </summary>
    /// <exception cref="JsonException">The document is not valid JSON, or (strict) does not match the model.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, bool strict, out JsonDeviationReport? deviations) where T : IJsonModel<T> =>
        Read<T, ModelCodec<T>>(utf8Json, strict ? JsonDeviationKinds.All : JsonDeviationKinds.None, null, out deviations);

    /// <summary>Reads a JSON array of <typeparamref name="T"/> from a complete UTF-8 JSON document, as <see cref="Deserialize{T}(ReadOnlySpan{byte})"/> reads one.</summary>
    /// <exception cref="JsonException">The document is not valid JSON, or not an array.</exception>
    public static IReadOnlyList<T> DeserializeList<T>(ReadOnlySpan<byte> utf8Json) where T : IJsonModel<T>
    {
        var items = Read<IReadOnlyList<T>, ListCodec<T, ModelCodec<T>>>(utf8Json, JsonDeviationKinds.None, null, out var deviations);
        if (deviations is not null)
        {
            Telemetry.ActionsTelemetry.Deviations(deviations);
        }
        return items;
    }

    /// <summary>Reads a JSON array of <typeparamref name="T"/>, as <see cref="Deserialize{T}(ReadOnlySpan{byte}, bool, out JsonDeviationReport?)"/> reads one.</summary>
    /// <exception cref="JsonException">The document is not valid JSON, or (strict) does not match the model.</exception>
    public static IReadOnlyList<T> DeserializeList<T>(ReadOnlySpan<byte> utf8Json, bool strict, out JsonDeviationReport? deviations) where T : IJsonModel<T> =>
        Read<IReadOnlyList<T>, ListCodec<T, ModelCodec<T>>>(utf8Json, strict ? JsonDeviationKinds.All : JsonDeviationKinds.None, null, out deviations);

    /// <summary>Reads a whole document with <typeparamref name="TCodec"/>; <paramref name="refused"/> are the deviations that fail it.</summary>
    internal static unsafe TValue Read<TValue, TCodec>(ReadOnlySpan<byte> utf8Json, JsonDeviationKinds refused, string? operationId, out JsonDeviationReport? deviations)
        where TCodec : IJsonCodec<TValue>
    {
        ThrowIfBlank(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var context = JsonReadContext.Rent(refused);
        fixed (byte* document = utf8Json)
        {
            context.BeginDocument(document, utf8Json.Length);
            try
            {
                Start(ref reader);
                var value = TCodec.Read(ref reader, context);
                End(ref reader);
                deviations = context.HasDeviations ? context.Report(new Utf8JsonReader(utf8Json, ReaderOptions), operationId) : null;
                return value;
            }
            catch (JsonDeviationException refusal)
            {
                throw refusal.At(JsonPath.Of(new Utf8JsonReader(utf8Json, ReaderOptions), refusal.Offset, refusal.Member));
            }
            finally
            {
                JsonReadContext.Return(context);
            }
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) where T : IJsonModel<T>
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WriteJson(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON to <paramref name="writer"/>.</summary>
    public static void Serialize<T>(Utf8JsonWriter writer, T value) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        T.WriteJson(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static void Serialize<T>(Stream stream, T value) where T : IJsonModel<T>
    {
        using var writer = new Utf8JsonWriter(stream);
        T.WriteJson(writer, value);
    }

    private static void ThrowIfBlank(ReadOnlySpan<byte> utf8Json)
    {
        // A plain loop: the generic span helpers would be compiled on first call in every process.
        foreach (var b in utf8Json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return;
            }
        }

        throw new JsonException("The JSON document is empty.", null, 0, 0);
    }

    private static void Start(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON document is empty.", null, 0, 0);
        }
    }

    private static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw JsonRead.Error(ref reader, "there is more data after the end of the JSON value");
        }
    }
}
