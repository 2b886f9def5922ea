using System.Globalization;
using System.Text;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>JSON tokens: whitespace (counting lines as YAML does), strings read (keys, <c>$ref</c> targets, the version)
/// or skipped and checked either way, and literals.</summary>
internal sealed partial class JsonScan
{
    private SpecPosition Here() => new(_line, _pos - _lineStart);

    private char Peek() => _pos < _text.Length ? _text[_pos] : throw new NotPlainJson();

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new NotPlainJson();
        }

        _pos++;
    }

    private void SkipWhitespace()
    {
        for (; _pos < _text.Length; _pos++)
        {
            switch (_text[_pos])
            {
                case ' ' or '\t':
                    break;
                case '\n':
                case '\r' when _pos + 1 >= _text.Length || _text[_pos + 1] != '\n':
                    _line++;
                    _lineStart = _pos + 1;
                    break;
                case '\r':
                    break;
                default:
                    return;
            }
        }
    }

    // true, false, null or a number: YAML reads each as a plain scalar of the same text.
    private string ReadLiteral()
    {
        var from = _pos;
        while (_pos < _text.Length && _text[_pos] is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '+' or '.' or 'E')
        {
            _pos++;
        }

        var literal = _text.Substring(from, _pos - from);
        return literal is "true" or "false" or "null" || IsNumber(literal) ? literal : throw new NotPlainJson();
    }

    private static bool IsNumber(string literal) =>
        literal.Length > 0 && (literal[0] == '-' || char.IsDigit(literal[0]))
        && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

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
