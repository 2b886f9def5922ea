using System;
using System.Globalization;
using System.Text.Json;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// A value being checked: a JSON value of a request body, or parameter text read as the type its schema declares, so
/// one set of rules serves both.
/// </summary>
internal readonly struct CheckedValue
{
    private CheckedValue(JsonValueKind kind, string? text, decimal number, string raw, JsonElement element)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Raw = raw;
        Element = element;
    }

    public JsonValueKind Kind { get; }

    /// <summary>A string's value.</summary>
    public string? Text { get; }

    /// <summary>A number's value (clamped to what a decimal holds).</summary>
    public decimal Number { get; }

    /// <summary>The value as JSON spells it, for messages.</summary>
    public string Raw { get; }

    /// <summary>An object or array's element.</summary>
    public JsonElement Element { get; }

    public static CheckedValue Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(JsonValueKind.String, element.GetString(), 0, element.GetRawText(), default),
        JsonValueKind.Number => new(JsonValueKind.Number, null, DecimalOf(element), element.GetRawText(), default),
        JsonValueKind.Object or JsonValueKind.Array => new(element.ValueKind, null, 0, element.ValueKind == JsonValueKind.Object ? "an object" : "an array", element),
        var kind => new(kind, null, 0, element.GetRawText(), default),
    };

    /// <summary>Parameter text as a value of <paramref name="type"/>; null when it cannot be one.</summary>
    public static CheckedValue? Read(string text, string type)
    {
        switch (type)
        {
            case "integer":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? new CheckedValue(JsonValueKind.Number, null, integer, text, default) : null;
            case "number":
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new CheckedValue(JsonValueKind.Number, null, number, text, default) : null;
            case "boolean":
                return text.Equals("true", StringComparison.OrdinalIgnoreCase) ? new CheckedValue(JsonValueKind.True, null, 0, "true", default)
                    : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? new CheckedValue(JsonValueKind.False, null, 0, "false", default)
                    : null;
            case "object" or "array":
                // Not something a parameter of the client holds: nothing to check.
                return new CheckedValue(JsonValueKind.Undefined, null, 0, text, default);
            default:
                return new CheckedValue(JsonValueKind.String, text, 0, "'" + text + "'", default);
        }
    }

    public bool IsOfType(string type) => type switch
    {
        "object" => Kind == JsonValueKind.Object,
        "array" => Kind == JsonValueKind.Array,
        "string" => Kind == JsonValueKind.String,
        "boolean" => Kind is JsonValueKind.True or JsonValueKind.False,
        "number" => Kind == JsonValueKind.Number,
        "integer" => Kind == JsonValueKind.Number && Number == decimal.Truncate(Number),
        _ => true,
    } || Kind == JsonValueKind.Undefined;

    /// <summary>Whether this is the JSON value <paramref name="other"/> (an enum's entry).</summary>
    public bool Equals(JsonElement other) => Kind switch
    {
        JsonValueKind.String => other.ValueKind == JsonValueKind.String && other.ValueEquals(Text),
        JsonValueKind.Number => other.ValueKind == JsonValueKind.Number && DecimalOf(other) == Number,
        JsonValueKind.Object or JsonValueKind.Array => other.ValueKind == Kind && other.GetRawText() == Element.GetRawText(),
        _ => other.ValueKind == Kind,
    };

    public string Describe() => Kind switch
    {
        JsonValueKind.String => "the string " + Raw,
        _ => Raw,
    };

    private static decimal DecimalOf(JsonElement number) =>
        number.TryGetDecimal(out var value) ? value : (decimal)Math.Clamp(number.GetDouble(), (double)decimal.MinValue, (double)decimal.MaxValue);
}
