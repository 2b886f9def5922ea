using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// An example value the scan recorded (<see cref="YamlScan.ExampleRanges"/>) as compact JSON: JSON text is compacted as
/// it is; YAML is parsed on its own (lines after the first un-indented to where the value starts) and written as JSON,
/// plain scalars typed as YAML 1.2's core schema types them (null, booleans, numbers), every other scalar a string.
/// </summary>
internal static class ExampleText
{
    private static readonly Regex Integer = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The example at <paramref name="pointer"/> as JSON, or null when there is none or it cannot be read.</summary>
    public static string? Json(YamlScan scan, string pointer)
    {
        if (!scan.ExampleRanges.TryGetValue(pointer, out var range) || range.To <= range.From)
        {
            return null;
        }

        var text = scan.Source.Substring(range.From, range.To - range.From);
        try
        {
            return scan.IsJson ? JsonText.Minify(text) : FromYaml(Unindent(text, Column(scan.Source, range.From)));
        }
        catch (Exception e) when (e is YamlException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static int Column(string source, int index) => index - (source.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1);

    // The lines after the first lose up to `column` leading spaces (no more than the least indented of them has).
    private static string Unindent(string text, int column)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var strip = column;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                strip = Math.Min(strip, lines[i].Length - lines[i].TrimStart(' ').Length);
            }
        }

        for (var i = 1; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length >= strip ? lines[i].Substring(strip) : lines[i].TrimStart(' ');
        }

        return string.Join("\n", lines);
    }

    private static string FromYaml(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var json = new StringBuilder(yaml.Length);
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        Write(parser, json);
        return json.ToString();
    }

    private static void Write(IParser parser, StringBuilder json)
    {
        switch (parser.Consume<ParsingEvent>())
        {
            case MappingStart:
                json.Append('{');
                for (var first = true; !parser.TryConsume<MappingEnd>(out _); first = false)
                {
                    json.Append(first ? string.Empty : ",");
                    var key = parser.Consume<Scalar>();
                    JsonText.AppendQuoted(json, key.Value);
                    json.Append(':');
                    Write(parser, json);
                }

                json.Append('}');
                break;
            case SequenceStart:
                json.Append('[');
                for (var first = true; !parser.TryConsume<SequenceEnd>(out _); first = false)
                {
                    json.Append(first ? string.Empty : ",");
                    Write(parser, json);
                }

                json.Append(']');
                break;
            case Scalar scalar:
                json.Append(scalar.Style == ScalarStyle.Plain ? Plain(scalar.Value) : JsonText.Quote(scalar.Value));
                break;
            default:
                // An alias: examples do not use them; nothing better to say than null.
                json.Append("null");
                break;
        }
    }

    // A plain scalar as YAML 1.2's core schema reads it.
    private static string Plain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return "null";
            case "true" or "True" or "TRUE":
                return "true";
            case "false" or "False" or "FALSE":
                return "false";
        }

        if (Integer.IsMatch(value))
        {
            var digits = value.TrimStart('-', '+').TrimStart('0');
            return (value[0] == '-' && digits.Length > 0 ? "-" : string.Empty) + (digits.Length == 0 ? "0" : digits);
        }

        if (Float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number))
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        return JsonText.Quote(value);
    }
}
