using System;
using System.Text.Json;
using System.Threading;

namespace ActionsGen.Runtime.Serialization;

// Objects repeated whole within one document are read once. A page of workflow runs repeats its repository and head
// repository in every run (70% of its bytes) and a few actors; an object whose bytes equal those of an object of the
// same type read earlier in the document, without deviations, is that object: the reader skips it (tokenizing only)
// and the earlier instance is returned. Models are immutable, so sharing an instance is not observable but as less
// memory. A type whose objects do not repeat stops being tried after a few misses (after one, when they are small), so a
// document of distinct objects pays for only a few extra skips per type. Only documents read from one buffer (ActionsJson.Read) take part.
public sealed partial class JsonReadContext
{
    private const int Ways = 4;
    private const int TriesBeforeGivingUp = 4;

    // Below this an object reads about as fast as it is skipped and compared: a type whose object is this small is
    // not tried again in the document unless it repeated already.
    private const int MinLength = 384;

    // A shorter document (one job, one run) holds too few objects for repeats to pay for looking.
    private const int MinDocumentLength = 16 * 1024;

    private static int s_typeCount;

    private unsafe byte* _document;
    private int _documentLength;

    // Per type id: misses and hits in this document; Ways remembered objects; the next way to replace.
    private int[] _repeatCounts = new int[64 * 3];
    private RepeatEntry[] _repeatEntries = new RepeatEntry[64 * Ways];
    private int[] _repeatTouched = new int[64];
    private int _repeatTouchedCount;

    private struct RepeatEntry
    {
        public int Start;
        public int Length;
        public object? Value;
    }

    /// <summary>
    /// The bytes of the document being read are at <paramref name="document"/> until the context is returned. String members
    /// keep their bytes until first read; a long document's objects are also compared for repeats.
    /// </summary>
    internal unsafe void BeginDocument(byte* document, int length)
    {
        _keepsBytes = true;
        if (length >= MinDocumentLength)
        {
            _document = document;
            _documentLength = length;
        }
    }

    /// <summary>Whether objects of this document are compared with earlier ones: it is long enough to repeat some.</summary>
    internal unsafe bool TracksRepeats => _document != null;

    // On return: the document's bytes and objects are not kept past its read.
    private unsafe void ClearRepeats()
    {
        _document = null;
        _documentLength = 0;
        foreach (var id in _repeatTouched.AsSpan(0, _repeatTouchedCount))
        {
            _repeatCounts.AsSpan(id * 3, 3).Clear();
            Array.Clear(_repeatEntries, id * Ways, Ways); // not a span of RepeatEntry: no generic method to compile on first use
        }

        _repeatTouchedCount = 0;
    }

    /// <summary>
    /// Reads the object the reader is on ('{', not the document itself) as an earlier equal one of type
    /// <typeparamref name="T"/> when there is one, moving the reader to its '}'; else leaves the reader where it is
    /// and returns -1 or, when the object is worth remembering, the start offset to give <see cref="Remember"/>.
    /// </summary>
    internal unsafe long TryRepeat<T>(ref Utf8JsonReader reader, out object? value)
    {
        value = null;
        if (reader.CurrentDepth == 0)
        {
            return -1;
        }

        var id = RepeatType<T>.Id;
        if (id * 3 >= _repeatCounts.Length)
        {
            Grow(id);
        }

        ref var misses = ref _repeatCounts[id * 3];
        ref var hits = ref _repeatCounts[(id * 3) + 1];
        if (misses >= TriesBeforeGivingUp && hits * 2 < misses)
        {
            return -1;
        }

        var start = reader.TokenStartIndex;
        var ahead = reader;
        ahead.Skip();
        var length = (int)(ahead.TokenStartIndex + 1 - start);
        var document = new ReadOnlySpan<byte>(_document, _documentLength);
        var bytes = document.Slice((int)start, length);
        for (var way = 0; way < Ways; way++)
        {
            ref var entry = ref _repeatEntries[(id * Ways) + way];
            if (entry.Length == length && entry.Value is not null && document.Slice(entry.Start, length).SequenceEqual(bytes))
            {
                hits++;
                reader = ahead;
                value = entry.Value;
                return -1;
            }
        }

        if (misses == 0 && hits == 0)
        {
            _repeatTouched[_repeatTouchedCount++] = id;
        }

        misses = length < MinLength ? Math.Max(misses + 1, TriesBeforeGivingUp) : misses + 1;

        return start;
    }

    /// <summary>Remembers <paramref name="value"/>, read from <paramref name="start"/> to the reader's '}', unless its read deviated.</summary>
    internal void Remember<T>(ref Utf8JsonReader reader, long start, int deviationsBefore, object value)
    {
        if (_deviationCount != deviationsBefore || reader.TokenType != JsonTokenType.EndObject)
        {
            return;
        }

        var id = RepeatType<T>.Id;
        ref var next = ref _repeatCounts[(id * 3) + 2];
        ref var entry = ref _repeatEntries[(id * Ways) + next];
        next = (next + 1) % Ways;
        entry.Start = (int)start;
        entry.Length = (int)(reader.TokenStartIndex + 1 - start);
        entry.Value = value;
    }

    /// <summary>How many deviations this document has had so far.</summary>
    internal int DeviationCount => _deviationCount;

    private void Grow(int id)
    {
        var types = Math.Max(id + 1, _repeatTouched.Length * 2);
        Array.Resize(ref _repeatCounts, types * 3);
        Array.Resize(ref _repeatEntries, types * Ways);
        Array.Resize(ref _repeatTouched, types);
    }

    // A small number per model type, for indexing the per-type state above.
    private static class RepeatType<T>
    {
        public static readonly int Id = Interlocked.Increment(ref s_typeCount) - 1;
    }
}
