using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// A set of property indexes: which properties of an object were read, or were read as an explicit <c>null</c>. The
/// first 64 live inline, so a model with up to 64 properties allocates nothing for it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonBits
{
    private ulong _first;
    private ulong[]? _rest;

    /// <summary>Whether <paramref name="index"/> is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Has(int index) => index < 64
        ? (_first & (1UL << index)) != 0
        : _rest is { } rest && (index >> 6) - 1 < rest.Length && (rest[(index >> 6) - 1] & (1UL << (index & 63))) != 0;

    /// <summary>Adds <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
            return;
        }

        SetRest(index);
    }

    /// <summary>The first index below <paramref name="count"/> that is not in the set, or -1 when all are.</summary>
    public readonly int FirstMissing(int count)
    {
        var inline = Math.Min(count, 64);
        var mask = inline == 64 ? ulong.MaxValue : (1UL << inline) - 1;
        if ((_first & mask) != mask)
        {
            return System.Numerics.BitOperations.TrailingZeroCount(~_first & mask);
        }

        for (var index = 64; index < count; index++)
        {
            if (!Has(index))
            {
                return index;
            }
        }

        return -1;
    }

    private void SetRest(int index)
    {
        var word = (index >> 6) - 1;
        if (_rest is null || _rest.Length <= word)
        {
            Array.Resize(ref _rest, word + 1);
        }

        _rest[word] |= 1UL << (index & 63);
    }
}
