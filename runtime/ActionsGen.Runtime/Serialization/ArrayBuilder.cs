using System;
using System.Buffers;
using System.ComponentModel;

namespace ActionsGen.Runtime.Serialization;

/// <summary>Collects array items in pooled storage and hands out one exact-size array: no growth garbage.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ArrayBuilder<T>
{
    private T[]? _items;
    private int _count;

    /// <summary>Adds an item.</summary>
    public void Add(T item)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![_count++] = item;
    }

    /// <summary>Returns the items as an exact-size array and releases the pooled storage.</summary>
    public T[] ToArray()
    {
        if (_count == 0)
        {
            Release();
            return Array.Empty<T>();
        }

        var result = _items.AsSpan(0, _count).ToArray();
        Release();
        return result;
    }

    private void Grow()
    {
        var next = ArrayPool<T>.Shared.Rent(_items is null ? 16 : _items.Length * 2);
        if (_items is not null)
        {
            _items.AsSpan(0, _count).CopyTo(next);
            Release();
        }

        _items = next;
    }

    private void Release()
    {
        if (_items is not null)
        {
            ArrayPool<T>.Shared.Return(_items, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = null;
        }
    }
}
