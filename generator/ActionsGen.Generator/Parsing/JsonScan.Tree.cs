using System;
using Microsoft.OpenApi.Readers;
using SharpYaml;
using SharpYaml.Serialization;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// The reader's tree: the nodes SharpYaml builds from the blanked JSON text (flow collections, keys and strings
/// double-quoted, numbers and true/false/null plain, as the OpenAPI reader tells a string "1" from a number 1 by the
/// style), so the OpenAPI reader need not parse the text again. A document the reader's own YAML parser would refuse
/// (its size limits, a key YAML 1.1 does not take) gets no tree: its text goes to the reader, which reports it as before.
/// </summary>
internal sealed partial class JsonScan
{
    // Below both of the reader's input limits: one node per character at most, three UTF-8 bytes per character at most.
    private static readonly int MaxTreeTextLength = (int)Math.Min(OpenApiReaderSettings.DefaultMaxNodeCount, OpenApiReaderSettings.DefaultMaxInputByteCount / 3);

    // Below YAML's 1024, with room for how SharpYaml counts it.
    private const int MaxSimpleKeyLength = 1000;

    private bool _treeUsable = true;

    private YamlDocument? TreeFor(YamlMappingNode root) =>
        _treeUsable && _text.Length < MaxTreeTextLength ? new YamlDocument(root) : null;

    // A collection with as many collections around it as depth; its scalars are one deeper, and the reader's parser
    // refuses a node as deep as its maximum depth.
    private YamlMappingNode NewMapping(int depth)
    {
        CheckDepth(depth);
        return new YamlMappingNode { Style = YamlStyle.Flow };
    }

    private YamlSequenceNode NewSequence(int depth)
    {
        CheckDepth(depth);
        return new YamlSequenceNode { Style = YamlStyle.Flow };
    }

    private YamlScalarNode Scalar(string value, bool quoted)
    {
        if (value.Length > OpenApiReaderSettings.DefaultMaxScalarLength)
        {
            _treeUsable = false;
        }

        return new YamlScalarNode(value) { Style = quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };
    }

    // SharpYaml reads YAML 1.1, where a key of a flow mapping is a "simple key": on one line with its ':' and at most
    // 1024 characters before it. JSON allows either; such a text goes to the reader to be refused there.
    private void CheckKey(int keyFrom, int keyLine)
    {
        if (_line != keyLine || _pos - keyFrom > MaxSimpleKeyLength)
        {
            _treeUsable = false;
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth + 2 > OpenApiReaderSettings.DefaultMaxDepth)
        {
            _treeUsable = false;
        }
    }
}
