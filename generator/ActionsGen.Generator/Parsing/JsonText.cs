using System;
using System.Globalization;
using System.Text;
using Microsoft.OpenApi.Any;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// JSON text for the simulator's table: quoting, OpenAPI literal values, compacting a JSON example and reading a JSON
/// string back. The generator targets netstandard2.0 without System.Text.Json, and needs only these.
/// </summary>
internal static class JsonText
{
    /// <summary>A JSON string literal for <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>An OpenAPI literal (an enum value, a default) as JSON; null for a value JSON cannot hold.</summary>
    public static string? Of(IOpenApiAny? value) => value switch
    {
        null or OpenApiNull => "null",
        OpenApiString s => Quote(s.Value),
        OpenApiInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
        OpenApiBoolean b => b.Value ? "true" : "false",
        OpenApiDouble d when !double.IsNaN(d.Value) && !double.IsInfinity(d.Value) => d.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiFloat f when !float.IsNaN(f.Value) && !float.IsInfinity(f.Value) => f.Value.ToString("R", CultureInfo.InvariantCulture),
        OpenApiDate date => Quote(date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        OpenApiDateTime dateTime => Quote(dateTime.Value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)),
        _ => OpenApiValues.Text(value) is { } text ? Quote(text) : null,
    };

    /// <summary>
    /// <paramref name="json"/> without the whitespace between its tokens. Throws <see cref="FormatException"/> when it
    /// is not one JSON value (unbalanced brackets, a character outside a string no JSON token has).
    /// </summary>
    public static string Minify(string json)
    {
        var builder = new StringBuilder(json.Length);
        var depth = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    continue;
                case '"':
                    var end = i + 1;
                    while (end < json.Length && json[end] != '"')
                    {
                        end += json[end] == '\\' ? 2 : 1;
                    }

                    if (end >= json.Length)
                    {
                        throw new FormatException("an unterminated string");
                    }

                    builder.Append(json, i, end - i + 1);
                    i = end;
                    break;
                case '{' or '[':
                    depth++;
                    builder.Append(c);
                    break;
                case '}' or ']':
                    if (--depth < 0)
                    {
                        throw new FormatException("an unbalanced '" + c + "'");
                    }

                    builder.Append(c);
                    break;
                case ',' or ':' or '-' or '+' or '.' or (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                    builder.Append(c);
                    break;
                default:
                    throw new FormatException("the character '" + c + "'");
            }
        }

        if (depth != 0 || builder.Length == 0)
        {
            throw new FormatException("an incomplete value");
        }

        return builder.ToString();
    }

    /// <summary>The text of a JSON string literal, or null when <paramref name="json"/> is not one.</summary>
    public static string? Unquote(string json)
    {
        if (json.Length < 2 || json[0] != '"' || json[json.Length - 1] != '"')
        {
            return null;
        }

        var builder = new StringBuilder(json.Length);
        for (var i = 1; i < json.Length - 1; i++)
        {
            var c = json[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= json.Length - 1)
            {
                return null;
            }

            switch (json[i])
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < json.Length - 1 && ushort.TryParse(json.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(json[i]); break;
            }
        }

        return builder.ToString();
    }
}
