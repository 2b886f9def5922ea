using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ActionsGen.Runtime.Serialization;

/// <summary>Which deviations fail a read; the others are reported and read past.</summary>
[Flags]
internal enum JsonDeviationKinds
{
    None = 0,
    Missing = 1 << JsonDeviationKind.Missing,
    Null = 1 << JsonDeviationKind.Null,
    WrongType = 1 << JsonDeviationKind.WrongType,
    InvalidFormat = 1 << JsonDeviationKind.InvalidFormat,
    OutOfRange = 1 << JsonDeviationKind.OutOfRange,
    NullElement = 1 << JsonDeviationKind.NullElement,
    All = Missing | Null | WrongType | InvalidFormat | OutOfRange | NullElement,
}

// The drift bookkeeping of one document's read. Nothing here runs until a deviation happens: the happy path only
// pays for the checks the readers already made.
public sealed partial class JsonReadContext
{
    private const int KindCount = (int)JsonDeviationKind.NullElement + 1;

    private List<(long Offset, string? Member, JsonDeviationKind Kind, string Description)>? _listed;
    private int[]? _byKind;
    private int _deviationCount;

    internal JsonDeviationKinds Refused { get; private set; }

    /// <summary>The start offset of the last value left out because it deviated (-1 when none): lists and members compare it with the value they just read.</summary>
    internal long DroppedAt { get; private set; } = -1;

    internal bool HasDeviations => _deviationCount > 0;

    /// <summary>
    /// The value the reader is on deviates by <paramref name="kind"/>: fails the read if that kind is refused (or the
    /// value is the whole document), else records it and moves the reader to the value's last token.
    /// </summary>
    internal void Deviate(ref Utf8JsonReader reader, JsonDeviationKind kind, string description)
    {
        var offset = reader.TokenStartIndex;
        if (IsRefused(kind) || reader.CurrentDepth == 0)
        {
            throw new JsonDeviationException(kind, description, offset, null);
        }

        Record(offset, null, kind, description);
        DroppedAt = offset;
        reader.Skip();
    }

    /// <summary>A required member of the object the reader is at the end of was absent, or null.</summary>
    internal void MissingMember(ref Utf8JsonReader reader, string typeName, string member, bool wasNull)
    {
        var kind = wasNull ? JsonDeviationKind.Null : JsonDeviationKind.Missing;
        var description = "the required property '" + member + "' of " + typeName + (wasNull ? " is null" : " is missing");
        if (IsRefused(kind))
        {
            throw new JsonDeviationException(kind, description, reader.TokenStartIndex, member);
        }

        Record(reader.TokenStartIndex, member, kind, description);
    }

    /// <summary>The report of what this read found, with paths found by walking <paramref name="document"/> (on its first token or before it).</summary>
    internal JsonDeviationReport Report(Utf8JsonReader document, string? operationId)
    {
        var listed = _listed!;
        var targets = new (long, string?)[listed.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = (listed[i].Offset, listed[i].Member);
        }

        var paths = JsonPath.Of(document, targets);
        var deviations = new JsonDeviation[listed.Count];
        for (var i = 0; i < deviations.Length; i++)
        {
            deviations[i] = new JsonDeviation(paths[i], listed[i].Kind, listed[i].Description, listed[i].Offset);
        }

        return new JsonDeviationReport(operationId, deviations, _deviationCount, (int[])_byKind!.Clone());
    }

    private bool IsRefused(JsonDeviationKind kind) => (Refused & (JsonDeviationKinds)(1 << (int)kind)) != 0;

    private void Record(long offset, string? member, JsonDeviationKind kind, string description)
    {
        _listed ??= new();
        _byKind ??= new int[KindCount];
        if (_listed.Count < JsonDeviationReport.MaxListed)
        {
            _listed.Add((offset, member, kind, description));
        }

        _deviationCount++;
        _byKind[(int)kind]++;
    }

    private void ClearDeviations()
    {
        if (_deviationCount > 0)
        {
            _listed!.Clear();
            Array.Clear(_byKind!);
            _deviationCount = 0;
        }

        DroppedAt = -1;
    }
}
