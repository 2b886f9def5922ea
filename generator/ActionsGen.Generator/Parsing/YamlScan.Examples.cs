using System.Collections.Generic;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// Where the scan found example data. The OpenAPI reader never sees it (it is blanked), but a simulator answers with
/// it: <see cref="ExampleText"/> turns a recorded range of <see cref="Source"/> into JSON when one is asked for.
/// </summary>
internal sealed partial class YamlScan
{
    private readonly Dictionary<string, (int From, int To)> _examples = new(System.StringComparer.Ordinal);

    /// <summary>The text that was scanned, as it was (example data included).</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>Whether <see cref="Source"/> was read as plain JSON (so every example range is JSON text).</summary>
    public bool IsJson => ReaderTree is not null;

    /// <summary>The range of <see cref="Source"/> each blanked example value occupies, by the value's JSON pointer.</summary>
    public IReadOnlyDictionary<string, (int From, int To)> ExampleRanges => _examples;

    internal void AddExample(string pointer, int from, int to) => _examples[pointer] = (from, to);
}
