using System;
using System.Collections.Generic;
using System.Globalization;
using ActionsGen.Generator.Model;
using SharpYaml.Serialization;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// The JSON path of <see cref="YamlScan"/>: one hand-written pass over a document that starts with <c>{</c>, giving the
/// same positions, references and blanked text as YamlDotNet's events would, at a fraction of the cost. It gives up
/// (returns null) on anything it is not sure YamlDotNet reads the same way (malformed JSON, duplicate keys, odd escapes
/// or characters YAML treats specially) so that the YAML path reports errors exactly as before. From the same tokens it
/// builds the tree the OpenAPI reader's SharpYaml would build from the blanked text (<see cref="YamlScan.ReaderTree"/>).
/// </summary>
internal sealed partial class JsonScan
{
    // Deeper documents go the YAML way rather than risk the stack.
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly YamlScan _scan;
    private readonly List<(int From, int To)> _blanks = new();
    private int _pos;
    private int _line;
    private int _lineStart;

    private JsonScan(string text)
    {
        _text = text;
        _scan = YamlScan.Empty(text);
    }

    /// <summary>The scan of <paramref name="text"/>, or null when it is not plain JSON (the caller scans it as YAML).</summary>
    public static YamlScan? TryRun(string text)
    {
        var scanner = new JsonScan(text);
        scanner.SkipWhitespace();
        if (scanner._pos >= text.Length || text[scanner._pos] != '{')
        {
            return null;
        }

        try
        {
            return scanner.Run();
        }
        catch (NotPlainJson)
        {
            return null;
        }
    }

    private YamlScan Run()
    {
        _scan.AddPosition("#", Here());
        _scan.RootIsMapping = true;
        var root = Mapping("#", MappingRole.Root, 0);
        SkipWhitespace();
        if (_pos != _text.Length)
        {
            throw new NotPlainJson();
        }

        _scan.TextForReader = Blanked();
        _scan.ReaderTree = TreeFor(root);
        return _scan;
    }

    private YamlMappingNode Mapping(string pointer, MappingRole role, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new NotPlainJson();
        }

        var node = NewMapping(depth);
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return node;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            var keyStart = Here();
            var keyFrom = _pos;
            var key = ReadString();
            if (!keys.Add(key))
            {
                throw new NotPlainJson(); // YamlDotNet reports it (ACTG001) with its own message
            }

            SkipWhitespace();
            CheckKey(keyFrom, keyStart.Line);
            Expect(':');
            SkipWhitespace();
            var child = pointer + "/" + YamlScan.EscapePointer(key);
            _scan.AddPosition(child, keyStart);
            node.Add(Scalar(key, quoted: true), Member(child, key, role, keyStart, depth));
            if (EndOfCollection('}'))
            {
                return node;
            }
        }
    }

    private YamlSequenceNode Sequence(string pointer, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new NotPlainJson();
        }

        var node = NewSequence(depth);
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return node;
        }

        for (var index = 0; ; index++)
        {
            SkipWhitespace();
            var child = pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
            _scan.AddPosition(child, Here());
            node.Add(Value(child, null, MappingRole.None, depth));
            if (EndOfCollection(']'))
            {
                return node;
            }
        }
    }

    // The value of a mapping member: example data is skipped and blanked (the reader sees "{}", or the one character
    // of a one-character literal, which is left as it is), anything else read.
    private YamlNode Member(string pointer, string key, MappingRole parentRole, SpecPosition keyStart, int depth)
    {
        var start = Here();
        if (ExampleData.IsExample(parentRole, key) && (start.Line == keyStart.Line || start.Column > keyStart.Column))
        {
            var from = _pos;
            Skip(depth);
            _scan.AddExample(pointer, from, _pos);
            if (_pos - from >= 2)
            {
                _blanks.Add((from, _pos));
                return NewMapping(depth + 1);
            }

            return Scalar(_text.Substring(from, _pos - from), quoted: false);
        }

        return Value(pointer, key, parentRole, depth);
    }

    private YamlNode Value(string pointer, string? key, MappingRole parentRole, int depth)
    {
        var start = Here();
        string scalar;
        bool quoted;
        switch (Peek())
        {
            case '{':
                return Mapping(pointer, key is null ? MappingRole.None : ExampleData.ChildRole(parentRole, key), depth + 1);
            case '[':
                return Sequence(pointer, depth + 1);
            case '"':
                scalar = ReadString();
                quoted = true;
                break;
            default:
                scalar = ReadLiteral();
                quoted = false;
                break;
        }

        if (key == "$ref")
        {
            _scan.AddReference(scalar, start);
        }
        else if (pointer == "#/openapi")
        {
            _scan.OpenApiVersion = scalar;
        }

        return Scalar(scalar, quoted);
    }

    // Any value, recording nothing: the inside of example data.
    private void Skip(int depth)
    {
        var close = Peek() switch { '{' => '}', '[' => ']', _ => '\0' };
        if (close == '\0')
        {
            if (Peek() == '"')
            {
                SkipString();
            }
            else
            {
                ReadLiteral();
            }

            return;
        }

        if (depth > MaxDepth)
        {
            throw new NotPlainJson();
        }

        _pos++;
        SkipWhitespace();
        if (Peek() == close)
        {
            _pos++;
            return;
        }

        do
        {
            SkipWhitespace();
            if (close == '}')
            {
                SkipString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
            }

            Skip(depth + 1);
        }
        while (!EndOfCollection(close));
    }

    // After a member or item: true at the closing bracket (consumed), false after a comma.
    private bool EndOfCollection(char close)
    {
        SkipWhitespace();
        var c = Peek();
        _pos++;
        return c == close || (c == ',' ? false : throw new NotPlainJson());
    }

    private string Blanked()
    {
        if (_blanks.Count == 0)
        {
            return _text;
        }

        var chars = _text.ToCharArray();
        foreach (var (from, to) in _blanks)
        {
            for (var i = from; i < to; i++)
            {
                if (chars[i] != '\n' && chars[i] != '\r')
                {
                    chars[i] = ' ';
                }
            }

            chars[from] = '{';
            chars[from + 1] = '}';
        }

        return new string(chars);
    }

    /// <summary>Thrown to give the text to the YAML path.</summary>
    private sealed class NotPlainJson : Exception
    {
    }
}
