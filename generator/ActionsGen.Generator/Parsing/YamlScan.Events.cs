using System.Collections.Generic;
using System.IO;
using System.Text;
using ActionsGen.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActionsGen.Generator.Parsing;

/// <summary>The YAML path of the scan: YamlDotNet's event parser over the whole text.</summary>
internal sealed partial class YamlScan
{
    internal static YamlScan RunYaml(string text)
    {
        var scan = new YamlScan(text, false, null);
        var blanked = new StringBuilder(text);
        var changed = false;
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var blankDepth = 0;
        Mark blankStart = default;
        var blankPointer = string.Empty;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is StreamStart or StreamEnd or DocumentStart or Comment)
            {
                continue;
            }

            if (current is DocumentEnd)
            {
                break;
            }

            if (blankDepth > 0)
            {
                if (current is MappingStart or SequenceStart)
                {
                    blankDepth++;
                }
                else if (current is MappingEnd or SequenceEnd && --blankDepth == 0)
                {
                    var end = ValueEnd(text, blankStart, current.End);
                    scan.AddExample(blankPointer, (int)blankStart.Index, end);
                    Blank(blanked, (int)blankStart.Index, end);
                    changed = true;
                    frames.Peek().Advance();
                }

                continue;
            }

            if (current is MappingEnd or SequenceEnd)
            {
                frames.Pop();
                if (frames.Count > 0)
                {
                    frames.Peek().Advance();
                }

                continue;
            }

            // A node: a key of a mapping, or a value.
            if (frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true } mapping)
            {
                mapping.Key = current is Scalar keyScalar ? keyScalar.Value : "?";
                if (current is Scalar && !mapping.Keys.Add(mapping.Key))
                {
                    throw new YamlException(current.Start, current.End, $"The key '{mapping.Key}' appears twice in the same mapping.");
                }

                mapping.KeyStart = current.Start;
                mapping.ExpectingKey = false;
                if (current is MappingStart or SequenceStart)
                {
                    // A complex key: not used by OpenAPI; skip it whole.
                    SkipNode(parser);
                }

                continue;
            }

            var parent = frames.Count > 0 ? frames.Peek() : null;
            var pointer = parent is null ? "#" : parent.ChildPointer();
            var start = parent is { IsMapping: true } ? parent.KeyStart : current.Start;
            scan._positions[pointer] = new SpecPosition((int)start.Line - 1, (int)start.Column - 1);

            if (parent is { IsMapping: true } && ExampleData.IsExample(parent.Role, parent.Key)
                && (current.Start.Line == parent.KeyStart.Line || current.Start.Column > parent.KeyStart.Column))
            {
                blankStart = current.Start;
                blankPointer = pointer;
                if (current is MappingStart or SequenceStart)
                {
                    blankDepth = 1;
                    continue;
                }

                var valueEnd = ValueEnd(text, current.Start, current.End);
                scan.AddExample(pointer, (int)current.Start.Index, valueEnd);
                Blank(blanked, (int)current.Start.Index, valueEnd);
                changed = true;
                parent.Advance();
                continue;
            }

            switch (current)
            {
                case MappingStart:
                    if (parent is null)
                    {
                        scan.RootIsMapping = true;
                    }

                    var role = parent is null ? MappingRole.Root : parent.IsMapping ? ExampleData.ChildRole(parent.Role, parent.Key) : MappingRole.None;
                    frames.Push(new Frame(pointer, isMapping: true, role));
                    break;
                case SequenceStart:
                    frames.Push(new Frame(pointer, isMapping: false, MappingRole.None));
                    break;
                case Scalar scalar:
                    if (parent is { IsMapping: true, Key: "$ref" })
                    {
                        scan.AddReference(scalar.Value, new SpecPosition((int)scalar.Start.Line - 1, (int)scalar.Start.Column - 1));
                    }
                    else if (pointer == "#/openapi")
                    {
                        scan.OpenApiVersion = scalar.Value;
                    }

                    parent?.Advance();
                    break;
                default:
                    parent?.Advance();
                    break;
            }
        }

        if (changed)
        {
            scan.TextForReader = blanked.ToString();
        }

        return scan;
    }

    private static void SkipNode(Parser parser)
    {
        var depth = 1;
        while (depth > 0 && parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart)
            {
                depth++;
            }
            else if (parser.Current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }
    }

    // Where the value that starts at `start` ends: YamlDotNet ends a flow collection's end event before its closing bracket.
    private static int ValueEnd(string text, Mark start, Mark end)
    {
        var from = (int)start.Index;
        var to = System.Math.Min((int)end.Index, text.Length);
        return to < text.Length && (text[from] == '{' || text[from] == '[') && (text[to] == '}' || text[to] == ']') ? to + 1 : to;
    }

    // Replaces [start, end) with "{}" and spaces, keeping line breaks so every later position is unchanged.
    private static void Blank(StringBuilder text, int from, int to)
    {
        if (to - from < 2)
        {
            return;
        }

        for (var i = from; i < to; i++)
        {
            if (text[i] != '\n' && text[i] != '\r')
            {
                text[i] = ' ';
            }
        }

        text[from] = '{';
        text[from + 1] = '}';
    }

    private sealed class Frame
    {
        private readonly string _pointer;
        private int _index;

        public Frame(string pointer, bool isMapping, MappingRole role)
        {
            _pointer = pointer;
            IsMapping = isMapping;
            Role = role;
            ExpectingKey = isMapping;
        }

        public bool IsMapping { get; }

        public MappingRole Role { get; }

        public bool ExpectingKey { get; set; }

        public string? Key { get; set; }

        public Mark KeyStart { get; set; }

        /// <summary>The keys seen so far: YAML forbids a key twice in one mapping, and a parser would keep only one.</summary>
        public HashSet<string> Keys { get; } = new(System.StringComparer.Ordinal);

        public string ChildPointer() => _pointer + "/" + (IsMapping ? EscapePointer(Key ?? string.Empty) : _index.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void Advance()
        {
            if (IsMapping)
            {
                ExpectingKey = true;
            }
            else
            {
                _index++;
            }
        }
    }
}
