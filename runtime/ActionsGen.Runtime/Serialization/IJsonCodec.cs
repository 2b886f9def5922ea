using System.ComponentModel;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// Reads and writes one kind of JSON value. Generated code names a codec type for an array's items or a union's case
/// (<c>ListCodec&lt;string, StringCodec&gt;</c>) and the runtime does the work: one generic helper instead of emitted loops.
/// </summary>
/// <typeparam name="T">The .NET type of the value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCodec<T>
{
    /// <summary>Reads the current value; the reader is on its first token and is left on its last.</summary>
    static abstract T Read(ref Utf8JsonReader reader, JsonReadContext? context);

    /// <summary>Whether JSON <c>null</c> is a value of this codec; a list item or map value that is null otherwise deviates.</summary>
    static virtual bool AcceptsNull => false;

    /// <summary>Writes a value.</summary>
    static abstract void Write(Utf8JsonWriter writer, T value);
}
