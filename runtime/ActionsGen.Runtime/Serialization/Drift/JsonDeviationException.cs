using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// A deviation the read refuses (strict reading, or a value at the document's root): thrown where it is found, and
/// turned into a <see cref="JsonException"/> that names its JSON path by whoever holds the document (<see cref="At"/>).
/// </summary>
internal sealed class JsonDeviationException : JsonException
{
    public JsonDeviationException(JsonDeviationKind kind, string description, long offset, string? member)
        : base("Invalid JSON: " + description + " at byte offset " + offset + ".", null, null, offset)
    {
        Kind = kind;
        Description = description;
        Offset = offset;
        Member = member;
    }

    public JsonDeviationKind Kind { get; }

    public string Description { get; }

    public long Offset { get; }

    /// <summary>For a missing or null member: its name (the offset is its object's end).</summary>
    public string? Member { get; }

    /// <summary>The same failure, naming its JSON path.</summary>
    public JsonException At(string path) =>
        new("Invalid JSON: " + Description + " at " + path + " (" + JsonDeviation.NameOf(Kind) + ", byte offset " + Offset + ").", path, null, Offset);
}
