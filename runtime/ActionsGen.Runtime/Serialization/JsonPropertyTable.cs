using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// The JSON names of one generated model's properties, as data: generated code reads and writes by index through
/// <see cref="JsonObjectReader"/> and <see cref="JsonObjectWriter"/> instead of spelling each name out.
/// </summary>
/// <remarks>
/// Indexes are ordered by what the reader checks: first the properties that must be present and non-null, then the
/// other required ones (always written, null when null), then the optional ones.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyTable
{
    private readonly byte[][] _utf8;

    // Made on the first write: a process that only reads never pays for encoding (or for the encoder's start-up).
    private JsonEncodedText[]? _encoded;

    // Open addressing over the names' hashes: slot → index + 1 (0 is empty).
    private readonly int[] _slots;
    private readonly uint[] _hashes;
    private readonly int _mask;

    // What followed each property in the objects read before (slot pair 0: what came first), the last two seen. One
    // API lists an object's properties in one order (two where an example was edited by hand, as GitHub's
    // head_repository is), so a guess is right for nearly every name and no hash is computed. Threads reading
    // differently ordered objects only overwrite each other's guesses: a wrong guess costs a compare.
    private readonly int[] _follows;

    /// <summary>Creates the table of <paramref name="typeName"/>.</summary>
    /// <param name="typeName">The model's name, for errors.</param>
    /// <param name="nonNullCount">How many leading names must be present and non-null.</param>
    /// <param name="requiredCount">How many leading names are required (always written).</param>
    /// <param name="names">The JSON property names, by index.</param>
    public JsonPropertyTable(string typeName, int nonNullCount, int requiredCount, params string[] names)
    {
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        ArgumentNullException.ThrowIfNull(names);
        NonNullCount = nonNullCount;
        RequiredCount = requiredCount;
        _utf8 = new byte[names.Length][];
        _hashes = new uint[names.Length];
        var size = 4;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _mask = size - 1;
        _follows = new int[(names.Length + 1) * 2];
        for (var i = 0; i < names.Length; i++)
        {
            _follows[i * 2] = i;
            _follows[(i * 2) + 1] = i;
        }

        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            _hashes[i] = JsonRead.NameHash(_utf8[i]);
            var slot = (int)(_hashes[i] & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>The model's name.</summary>
    public string TypeName { get; }

    /// <summary>How many leading indexes must be present and non-null.</summary>
    public int NonNullCount { get; }

    /// <summary>How many leading indexes are required.</summary>
    public int RequiredCount { get; }

    /// <summary>The JSON name at <paramref name="index"/>.</summary>
    public string NameAt(int index) => Encoding.UTF8.GetString(_utf8[index]);

    // A race only encodes twice: every thread gets the same values.
    internal JsonEncodedText Encoded(int index) => (_encoded ??= Array.ConvertAll(_utf8, name => JsonEncodedText.Encode(name)))[index];

    /// <summary>
    /// The index of the property name the reader is on, or -1 for a name the model does not know; tries first the
    /// property that followed <paramref name="previous"/> (-1 at the start of an object) last time.
    /// </summary>
    internal int Find(ref Utf8JsonReader reader, int previous)
    {
        var follows = _follows;
        var at = (previous + 1) * 2;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && (uint)(at + 1) < (uint)follows.Length)
        {
            var name = reader.ValueSpan;
            var utf8 = _utf8;
            var guess = follows[at];
            if ((uint)guess < (uint)utf8.Length && name.SequenceEqual(utf8[guess]))
            {
                return guess;
            }

            guess = follows[at + 1];
            if ((uint)guess < (uint)utf8.Length && name.SequenceEqual(utf8[guess]))
            {
                return guess;
            }
        }

        var index = Find(ref reader);
        if (index >= 0 && (uint)(at + 1) < (uint)follows.Length)
        {
            follows[at + 1] = follows[at];
            follows[at] = index;
        }

        return index;
    }

    /// <summary>The index of the property name the reader is on, or -1 for a name the model does not know.</summary>
    public int Find(ref Utf8JsonReader reader)
    {
        var hash = JsonRead.PropertyNameHash(ref reader);
        for (var slot = (int)(hash & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && reader.ValueTextEquals(_utf8[entry]))
            {
                return entry;
            }
        }
    }
}
