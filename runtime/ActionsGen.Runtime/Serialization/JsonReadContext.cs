using System;
using System.ComponentModel;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// State for reading one JSON document. A model's string members keep their UTF-8 bytes, in chunks shared by the
/// documents read on one thread, until first read (<see cref="JsonString"/>); other strings (list items, map values,
/// escaped values, documents not read from one buffer) are de-duplicated: each distinct short value is created once
/// per document.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class JsonReadContext
{
    // Direct-mapped: a colliding string replaces the slot. Longer strings are rarely repeated and cost more to hash.
    private const int SlotCount = 2048;
    private const int MaxCachedLength = 160;

    [ThreadStatic]
    private static JsonReadContext? t_cached;

    private readonly Slot[] _slots = new Slot[SlotCount];

    // Slots filled by the current document: clearing only these keeps a small document from paying for the whole table.
    private readonly ushort[] _filled = new ushort[SlotCount];
    private int _filledCount;

    // String members keep their UTF-8 bytes here (see JsonString): appended, never overwritten, so a chunk is shared
    // by the models of several documents read on this thread and lives as long as the last of them.
    private const int ChunkLength = 1024;
    private byte[] _chunk = Array.Empty<byte>();
    private int _chunkUsed;
    private bool _keepsBytes;

    // The last date-time read on this thread (see JsonDates.Last); kept across documents: equal text, equal value.
    internal JsonDates.Last LastDate;

    private struct Slot
    {
        public uint Hash;
        public string? Value;
    }

    /// <summary>Takes this thread's context (or a new one) for one document; <paramref name="refused"/> are the deviations that fail the read.</summary>
    internal static JsonReadContext Rent(JsonDeviationKinds refused)
    {
        var context = t_cached ?? new JsonReadContext();
        t_cached = null;
        context.Refused = refused;
        return context;
    }

    internal static void Return(JsonReadContext context)
    {
        // Drop the strings so a document's values do not outlive it.
        var slots = context._slots;
        foreach (var index in context._filled.AsSpan(0, context._filledCount))
        {
            slots[index].Value = null;
        }

        context._filledCount = 0;
        context._keepsBytes = false;
        context.ClearDeviations();
        context.ClearRepeats();
        t_cached = context;
    }

    /// <summary>
    /// Returns the current string token's value for a model's string member. In a document read whole
    /// (<see cref="ActionsJson"/>): its UTF-8 bytes, once checked, copied to this thread's chunk (a string is created
    /// when the member is first read). An escaped value, and values read through System.Text.Json's converters, as
    /// <see cref="GetString"/> returns them.
    /// </summary>
    public JsonString GetText(ref Utf8JsonReader reader)
    {
        if (!_keepsBytes || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return GetString(ref reader);
        }

        var bytes = reader.ValueSpan;
        if (!Ascii.IsValid(bytes) && !Utf8.IsValid(bytes))
        {
            return JsonRead.Utf16(ref reader); // throws, naming the offset
        }

        if (bytes.Length > _chunk.Length - _chunkUsed)
        {
            if (bytes.Length > ChunkLength / 4)
            {
                return new JsonString(bytes.ToArray(), 0, bytes.Length);
            }

            _chunk = new byte[ChunkLength];
            _chunkUsed = 0;
        }

        var start = _chunkUsed;
        bytes.CopyTo(_chunk.AsSpan(start));
        _chunkUsed += bytes.Length;
        return new JsonString(_chunk, start, bytes.Length);
    }

    /// <summary>Returns the current string token's value, shared with earlier equal values of this document.</summary>
    public string GetString(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return JsonRead.Utf16(ref reader);
        }

        var bytes = reader.ValueSpan;
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        // Sampled, not a full pass: the ends, the middle and the length tell a document's distinct strings apart well
        // enough, and a collision costs only a miss (the full compare below still decides).
        var hash = JsonRead.NameHash(bytes);
        var index = hash & (SlotCount - 1);
        ref var slot = ref _slots[index];
        if (slot.Value is not { } cached)
        {
            _filled[_filledCount++] = (ushort)index;
        }
        else if (slot.Hash == hash && cached.Length == bytes.Length && Ascii.Equals(bytes, cached))
        {
            return cached;
        }

        var value = JsonRead.Utf16(ref reader);
        slot.Hash = hash;
        slot.Value = value;
        return value;
    }
}
