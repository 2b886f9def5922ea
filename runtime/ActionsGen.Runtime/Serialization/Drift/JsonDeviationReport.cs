using System.Collections.Generic;

namespace ActionsGen.Runtime.Serialization;

/// <summary>
/// The deviations found in one JSON document (one response body): the first <see cref="MaxListed"/> in document order,
/// and how many there were in all, by kind. A 10,000-item page with one bad member per item lists 16 and counts 10,000.
/// </summary>
public sealed class JsonDeviationReport
{
    /// <summary>How many deviations a report lists in full.</summary>
    public const int MaxListed = 16;

    private readonly int[] _byKind;

    internal JsonDeviationReport(string? operationId, IReadOnlyList<JsonDeviation> listed, int count, int[] byKind)
    {
        OperationId = operationId;
        Listed = listed;
        Count = count;
        _byKind = byKind;
    }

    /// <summary>The operation whose response this was (null when read outside a client call).</summary>
    public string? OperationId { get; }

    /// <summary>The first deviations, in document order.</summary>
    public IReadOnlyList<JsonDeviation> Listed { get; }

    /// <summary>How many deviations the document had, listed or not.</summary>
    public int Count { get; }

    /// <summary>How many deviations of <paramref name="kind"/> the document had.</summary>
    public int CountOf(JsonDeviationKind kind) => _byKind[(int)kind];
}
