using System.Collections.Generic;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// What a request broke, as GitHub's 422 lists it: each entry names where (<c>resource</c>: <c>path</c>,
/// <c>query</c>, <c>header</c> or <c>body</c>), the parameter or member (<c>field</c>, a JSON path inside a body such as
/// <c>reviewers[0].type</c>), GitHub's code (<c>missing_field</c> or <c>invalid</c>) and a sentence.
/// </summary>
internal sealed class ValidationErrors
{
    /// <summary>A required parameter or member is absent.</summary>
    public const string MissingField = "missing_field";

    /// <summary>A value of the wrong type, outside its enum or range, or not matching its pattern or format.</summary>
    public const string Invalid = "invalid";

    // Enough to say what is wrong; a body with thousands of bad items does not make a thousand-entry answer.
    private const int Limit = 50;

    private readonly List<Entry> _entries = new();

    public ValidationErrors(string resource) => Resource = resource;

    /// <summary>Where the values being checked come from: <c>path</c>, <c>query</c>, <c>header</c> or <c>body</c>.</summary>
    public string Resource { get; set; }

    public int Count => _entries.Count;

    public IReadOnlyList<Entry> Entries => _entries;

    public void Add(string field, string code, string message)
    {
        if (_entries.Count < Limit)
        {
            _entries.Add(new Entry(Resource, field, code, message));
        }
    }

    public void AddRange(ValidationErrors other)
    {
        foreach (var entry in other._entries)
        {
            if (_entries.Count < Limit)
            {
                _entries.Add(entry);
            }
        }
    }

    public readonly record struct Entry(string Resource, string Field, string Code, string Message);
}
