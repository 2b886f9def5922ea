using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// State for reading one JSON document. It de-duplicates repeated short strings: in a page of workflow runs most
/// string bytes are the same repository and user URL templates, so each distinct value is created once per document.
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
        context.ClearDeviations();
        context.ClearRepeats();
        t_cached = context;
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
