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

    /// <summary>Reads one <typeparamref name="T"/> from a complete UTF-8 JSON document.</summary>
    /// <exception cref="JsonException">The document is not valid JSON or does not match the model.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : IJsonModel<T>
    {
        ThrowIfBlank(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var context = JsonReadContext.Rent();
        try
        {
            Start(ref reader);
            var value = T.ReadJson(ref reader, context);
            End(ref reader);
            return value;
        }
        finally
        {
            JsonReadContext.Return(context);
        }
    }

    /// <summary>Reads a JSON array of <typeparamref name="T"/> from a complete UTF-8 JSON document.</summary>
    /// <exception cref="JsonException">The document is not valid JSON or does not match the model.</exception>
    public static IReadOnlyList<T> DeserializeList<T>(ReadOnlySpan<byte> utf8Json) where T : IJsonModel<T>
    {
        ThrowIfBlank(utf8Json);
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var context = JsonReadContext.Rent();
        try
        {
            Start(ref reader);
            var items = ListCodec<T, ModelCodec<T>>.Read(ref reader, context);
            End(ref reader);
            return items;
        }
        finally
        {
            JsonReadContext.Return(context);
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
