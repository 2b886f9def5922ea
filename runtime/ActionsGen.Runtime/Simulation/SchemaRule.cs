using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;


namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// A schema as the simulator checks values against it: OpenAPI 3.0's validation keywords, read once from the generated
/// table's JSON. JSON values (request bodies) and parameter text (path, query, header) are checked by the same rules;
/// text is first read as the schema's type. <c>oneOf</c> is checked as <c>anyOf</c>: a double never refuses what one of
/// the branches allows.
/// </summary>
internal sealed class SchemaRule
{
    /// <summary>No rule: anything goes.</summary>
    public static readonly SchemaRule Any = new();

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private string? _reference;
    private IReadOnlyDictionary<string, SchemaRule>? _table;
    private string? _type;
    private string? _format;
    private bool _nullable;
    private JsonElement[]? _enum;
    private decimal? _minimum;
    private decimal? _maximum;
    private bool _exclusiveMinimum;
    private bool _exclusiveMaximum;
    private int? _minLength;
    private int? _maxLength;
    private Regex? _pattern;
    private string? _patternText;
    private int? _minItems;
    private int? _maxItems;
    private SchemaRule? _items;
    private Dictionary<string, SchemaRule>? _properties;
    private string[]? _required;
    private SchemaRule? _additional;
    private bool _noAdditional;
    private SchemaRule[]? _allOf;
    private SchemaRule[]? _anyOf;

    private SchemaRule Target => _reference is null ? this : _table!.TryGetValue(_reference, out var target) ? target : Any;

    /// <summary>Reads a description; <c>$ref</c>s are looked up in <paramref name="table"/> when checked.</summary>
    public static SchemaRule Parse(JsonElement element, IReadOnlyDictionary<string, SchemaRule> table)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Any;
        }

        var rule = new SchemaRule();
        foreach (var member in element.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "$ref": rule._reference = value.GetString(); rule._table = table; break;
                case "type": rule._type = value.GetString(); break;
                case "format": rule._format = value.GetString(); break;
                case "nullable": rule._nullable = value.ValueKind == JsonValueKind.True; break;
                case "enum": rule._enum = Items(value, e => e.Clone()); break;
                case "minimum": rule._minimum = value.GetDecimal(); break;
                case "maximum": rule._maximum = value.GetDecimal(); break;
                case "exclusiveMinimum": rule._exclusiveMinimum = value.ValueKind == JsonValueKind.True; break;
                case "exclusiveMaximum": rule._exclusiveMaximum = value.ValueKind == JsonValueKind.True; break;
                case "minLength": rule._minLength = value.GetInt32(); break;
                case "maxLength": rule._maxLength = value.GetInt32(); break;
                case "pattern": rule._patternText = value.GetString(); rule._pattern = Pattern(rule._patternText); break;
                case "minItems": rule._minItems = value.GetInt32(); break;
                case "maxItems": rule._maxItems = value.GetInt32(); break;
                case "items": rule._items = Parse(value, table); break;
                case "properties":
                    rule._properties = new Dictionary<string, SchemaRule>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        rule._properties[property.Name] = Parse(property.Value, table);
                    }

                    break;
                case "required": rule._required = Items(value, e => e.GetString() ?? string.Empty); break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False)
                    {
                        rule._noAdditional = true;
                    }
                    else
                    {
                        rule._additional = Parse(value, table);
                    }

                    break;
                case "allOf": rule._allOf = Items(value, e => Parse(e, table)); break;
                case "oneOf" or "anyOf": rule._anyOf = Concat(rule._anyOf, Items(value, e => Parse(e, table))); break;
            }
        }

        return rule;
    }

    /// <summary>Checks a JSON value; what it breaks goes to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public void Check(JsonElement value, string field, ValidationErrors errors) => Check(CheckedValue.Of(value), field, errors);

    /// <summary>
    /// Checks parameter text: read as the schema's type (an array's items from each value given; anything else from
    /// the last value), then checked as the JSON value it stands for.
    /// </summary>
    public void CheckText(IReadOnlyList<string> values, string field, ValidationErrors errors)
    {
        var rule = Target;
        if (rule._type == "array")
        {
            var items = rule._items ?? Any;
            foreach (var text in values)
            {
                items.CheckText(new[] { text }, field, errors);
            }

            rule.CheckCount(values.Count, "values", field, errors);
            return;
        }

        var last = values[values.Count - 1];
        if (rule.Read(last) is { } value)
        {
            rule.Check(value, field, errors);
        }
        else
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " must be " + Article(rule._type!) + ", not '" + last + "'");
        }
    }

    private void Check(in CheckedValue value, string field, ValidationErrors errors)
    {
        var rule = Target;
        if (rule != this)
        {
            rule.Check(value, field, errors);
            return;
        }

        if (value.Kind == JsonValueKind.Null)
        {
            if (!_nullable && (_type is not null || _enum is not null) && !EnumContains(value))
            {
                errors.Add(field, ValidationErrors.Invalid, Named(field) + " must not be null");
            }

            return;
        }

        if (_type is not null && !value.IsOfType(_type))
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " must be " + Article(_type) + ", not " + value.Describe());
            return;
        }

        if (_enum is not null && !EnumContains(value))
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + value.Raw + ", which is not one of " + EnumText());
            return;
        }

        switch (value.Kind)
        {
            case JsonValueKind.String:
                CheckString(value.Text!, field, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(value.Number, value.Raw, field, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(value.Element, field, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(value.Element, field, errors);
                break;
        }

        CheckParts(value, field, errors);
    }

    // Parameter text as the value it stands for; null when it cannot be of the schema's type. A schema with branches
    // and no type of its own takes the first branch's type the text can be read as.
    private CheckedValue? Read(string text)
    {
        if (_type is null && _anyOf is not null)
        {
            foreach (var branch in _anyOf)
            {
                if (branch.Target._type is { } type && CheckedValue.Read(text, type) is { } read)
                {
                    return read;
                }
            }
        }

        return CheckedValue.Read(text, _type ?? "string");
    }

    private void CheckString(string text, string field, ValidationErrors errors)
    {
        if (_minLength is { } min && text.Length < min)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + text.Length + " characters long, shorter than " + min);
        }

        if (_maxLength is { } max && text.Length > max)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + text.Length + " characters long, longer than " + max);
        }

        if (_pattern is not null && !Matches(_pattern, text))
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is '" + text + "', which does not match the pattern " + _patternText);
        }

        var badFormat = _format switch
        {
            "date-time" => !DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _),
            "date" => !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => false,
        };
        if (badFormat)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is '" + text + "', which is not a " + _format);
        }
    }

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    };

    private void CheckNumber(decimal number, string raw, string field, ValidationErrors errors)
    {
        if (_type == "integer" && _format == "int32" && number is < int.MinValue or > int.MaxValue)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + raw + ", outside a 32-bit integer");
        }

        if (_minimum is { } min && (number < min || (_exclusiveMinimum && number == min)))
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + raw + ", below the " + (_exclusiveMinimum ? "exclusive " : string.Empty) + "minimum " + min.ToString(CultureInfo.InvariantCulture));
        }

        if (_maximum is { } max && (number > max || (_exclusiveMaximum && number == max)))
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " is " + raw + ", above the " + (_exclusiveMaximum ? "exclusive " : string.Empty) + "maximum " + max.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void CheckCount(int count, string what, string field, ValidationErrors errors)
    {
        if (_minItems is { } min && count < min)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " has " + count + " " + what + ", fewer than " + min);
        }

        if (_maxItems is { } max && count > max)
        {
            errors.Add(field, ValidationErrors.Invalid, Named(field) + " has " + count + " " + what + ", more than " + max);
        }
    }

    private void CheckArray(JsonElement value, string field, ValidationErrors errors)
    {
        CheckCount(value.GetArrayLength(), "items", field, errors);
        if (_items is not null)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                _items.Check(item, field + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", errors);
                index++;
            }
        }
    }

    private void CheckObject(JsonElement value, string field, ValidationErrors errors)
    {
        if (_required is not null)
        {
            foreach (var name in _required)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add(Member(field, name), ValidationErrors.MissingField, Named(Member(field, name)) + " is required");
                }
            }
        }

        foreach (var member in value.EnumerateObject())
        {
            if (_properties is not null && _properties.TryGetValue(member.Name, out var property))
            {
                property.Check(member.Value, Member(field, member.Name), errors);
            }
            else if (_noAdditional)
            {
                errors.Add(Member(field, member.Name), ValidationErrors.Invalid, Named(Member(field, member.Name)) + " is not a permitted key");
            }
            else
            {
                _additional?.Check(member.Value, Member(field, member.Name), errors);
            }
        }
    }

    // allOf: every part; anyOf/oneOf: some branch, else what the closest branch (fewest complaints) says.
    private void CheckParts(in CheckedValue value, string field, ValidationErrors errors)
    {
        if (_allOf is not null)
        {
            foreach (var part in _allOf)
            {
                part.Check(value, field, errors);
            }
        }

        if (_anyOf is null)
        {
            return;
        }

        ValidationErrors? closest = null;
        foreach (var branch in _anyOf)
        {
            var attempt = new ValidationErrors(errors.Resource);
            branch.Check(value, field, attempt);
            if (attempt.Count == 0)
            {
                return;
            }

            if (closest is null || attempt.Count < closest.Count)
            {
                closest = attempt;
            }
        }

        errors.AddRange(closest!);
    }

    private bool EnumContains(in CheckedValue value)
    {
        if (_enum is null)
        {
            return false;
        }

        foreach (var allowed in _enum)
        {
            if (value.Equals(allowed))
            {
                return true;
            }
        }

        return false;
    }

    private string EnumText() => "[" + string.Join(", ", Array.ConvertAll(_enum!, e => e.GetRawText())) + "]";

    private static string Article(string type) => type is "object" or "array" or "integer" ? "an " + type : "a " + type;

    private static string Named(string field) => field.Length == 0 ? "the body" : field;

    private static string Member(string field, string name) => field.Length == 0 ? name : field + "." + name;

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    // A pattern .NET cannot compile is no rule rather than a refusal of everything.
    private static Regex? Pattern(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static T[] Items<T>(JsonElement array, Func<JsonElement, T> read)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<T>();
        }

        var items = new T[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i++] = read(item);
        }

        return items;
    }

    private static SchemaRule[] Concat(SchemaRule[]? first, SchemaRule[] second) => first is null ? second : [.. first, .. second];
}
