using System.Collections.Generic;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// One pass over the spec text before the OpenAPI reader sees it. It records where each node is (JSON pointer →
/// line/column, so errors reported as pointers land on the right line), where each <c>$ref</c> is, and blanks example
/// data (<see cref="ExampleData"/>) in a copy of the text (keeping every line break, so positions stay valid): the
/// generator has no use for examples and they are most of the parse time. Throws <see cref="YamlDotNet.Core.YamlException"/>
/// for text that is not YAML.
/// </summary>
internal sealed partial class YamlScan
{
    private readonly Dictionary<string, SpecPosition> _positions = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, SpecPosition> _references = new(System.StringComparer.Ordinal);
    private readonly List<(string Target, SpecPosition Position)> _externalReferences = new();

    private YamlScan(string textForReader, bool rootIsMapping, string? openApiVersion)
    {
        TextForReader = textForReader;
        RootIsMapping = rootIsMapping;
        OpenApiVersion = openApiVersion;
    }

    /// <summary>The spec text with example values blanked, for Microsoft.OpenApi.Readers.</summary>
    public string TextForReader { get; internal set; }

    /// <summary>
    /// The tree the OpenAPI reader would parse from <see cref="TextForReader"/>, already built (the JSON path builds it
    /// from its own tokens), or null: the reader then parses the text.
    /// </summary>
    public SharpYaml.Serialization.YamlDocument? ReaderTree { get; internal set; }

    public bool RootIsMapping { get; internal set; }

    /// <summary>The value of the top-level <c>openapi</c> key, if any.</summary>
    public string? OpenApiVersion { get; internal set; }

    /// <summary>The position of the node at <paramref name="pointer"/>, or of its nearest recorded ancestor.</summary>
    public SpecPosition Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return SpecPosition.Start;
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>The position of the first <c>$ref</c> whose target is <paramref name="reference"/>.</summary>
    public SpecPosition? FindReference(string reference) => _references.TryGetValue(reference, out var position) ? position : null;

    public IEnumerable<string> References => _references.Keys;

    /// <summary>Every <c>$ref</c> whose target is outside this document (does not start with <c>#</c>), in spec order.</summary>
    public IReadOnlyList<(string Target, SpecPosition Position)> ExternalReferences => _externalReferences;

    public static string EscapePointer(string key) => key.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Scans <paramref name="text"/>: a JSON document in one hand-written pass, anything else (or JSON the fast
    /// path is unsure of) through YamlDotNet.</summary>
    public static YamlScan Run(string text)
    {
        var scan = JsonScan.TryRun(text) ?? RunYaml(text);
        scan.Source = text;
        return scan;
    }

    internal static YamlScan Empty(string text) => new(text, false, null);

    /// <summary>Every recorded node position, by pointer (for tests comparing the two scanners).</summary>
    internal IReadOnlyDictionary<string, SpecPosition> Positions => _positions;

    /// <summary>The first position of each <c>$ref</c> target (for tests comparing the two scanners).</summary>
    internal IReadOnlyDictionary<string, SpecPosition> ReferencePositions => _references;

    internal void AddPosition(string pointer, SpecPosition position) => _positions[pointer] = position;

    internal void AddReference(string target, SpecPosition position)
    {
        if (!target.StartsWith("#", System.StringComparison.Ordinal))
        {
            _externalReferences.Add((target, position));
        }

        if (!_references.ContainsKey(target))
        {
            _references[target] = position;
        }
    }
}
