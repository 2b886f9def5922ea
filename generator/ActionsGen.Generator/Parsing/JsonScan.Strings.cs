using System.Globalization;
using System.Text;

namespace ActionsGen.Generator.Parsing;

/// <summary>JSON strings: read (keys, <c>$ref</c> targets, the version) or skipped, and checked either way.</summary>
internal sealed partial class JsonScan
{
    // Reads the string at the cursor with its escapes undone, as YAML reads a double-quoted scalar.
    private string ReadString()
    {
        Expect('"');
        var from = _pos;
        StringBuilder? value = null;
        while (true)
        {
            var c = Peek();
            if (c == '"')
            {
                var tail = _text.Substring(from, _pos - from);
                _pos++;
                return value is null ? tail : value.Append(tail).ToString();
            }

            if (c == '\\')
            {
                value ??= new StringBuilder();
                value.Append(_text, from, _pos - from).Append(Escape());
                from = _pos;
                continue;
            }

            Check(c);
            _pos++;
        }
    }

    private void SkipString()
    {
        Expect('"');
        while (true)
        {
            var c = Peek();
            if (c == '"')
            {
                _pos++;
                return;
            }

            if (c == '\\')
            {
                Escape();
                continue;
            }

            Check(c);
            _pos++;
        }
    }

    // The escape at the cursor (a backslash), consumed. "\/" and escaped surrogates are valid JSON that YamlDotNet
    // handles its own way: those texts go the YAML path.
    private char Escape()
    {
        _pos++;
        var c = Peek();
        _pos++;
        switch (c)
        {
            case '"' or '\\':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u' when _pos + 4 <= _text.Length
                && int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && !char.IsSurrogate((char)code):
                _pos += 4;
                return (char)code;
            default:
                throw new NotPlainJson();
        }
    }

    // A raw character inside a string: control characters are not JSON, and YAML reads some others as line breaks or
    // refuses them (NEL, the Unicode line and paragraph separators, C1 controls, U+FFFE/U+FFFF).
    private static void Check(char c)
    {
        if (c < ' ' || (c >= '\x7F' && (c < '\xA0' || c == '\u2028' || c == '\u2029' || c >= '\uFFFE')))
        {
            throw new NotPlainJson();
        }
    }
}
