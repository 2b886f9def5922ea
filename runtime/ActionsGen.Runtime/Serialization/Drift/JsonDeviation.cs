using System;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// One place where a JSON document departs from its description: where (a JSON path such as
/// <c>$.workflow_runs[3].pull_requests</c>), how, and what was expected. The member it names is left at its default
/// (a list item is left out) and the rest of the document is read.
/// </summary>
public sealed class JsonDeviation
{
    internal JsonDeviation(string path, JsonDeviationKind kind, string description, long bytePosition)
    {
        Path = path;
        Kind = kind;
        Description = description;
        BytePosition = bytePosition;
    }

    /// <summary>The JSON path of the member or item, from the document's root (<c>$</c>).</summary>
    public string Path { get; }

    /// <summary>How the value departs from the description.</summary>
    public JsonDeviationKind Kind { get; }

    /// <summary>What was wrong, e.g. "expected an integer but found a string".</summary>
    public string Description { get; }

    /// <summary>The byte offset of the value in the document (for a missing member, of its object's end).</summary>
    public long BytePosition { get; }

    /// <summary>The kind as telemetry spells it: <c>missing</c>, <c>null</c>, <c>wrong_type</c>, <c>invalid_format</c>, <c>out_of_range</c> or <c>null_element</c>.</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The telemetry spelling of <paramref name="kind"/>.</summary>
    public static string NameOf(JsonDeviationKind kind) => kind switch
    {
        JsonDeviationKind.Missing => "missing",
        JsonDeviationKind.Null => "null",
        JsonDeviationKind.WrongType => "wrong_type",
        JsonDeviationKind.InvalidFormat => "invalid_format",
        JsonDeviationKind.OutOfRange => "out_of_range",
        JsonDeviationKind.NullElement => "null_element",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The path, the kind and the description on one line.</summary>
    public override string ToString() => Path + ": " + KindName + " (" + Description + ")";
}
