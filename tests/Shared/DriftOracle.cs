using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionsGen.Testing;

/// <summary>What the drift rules make of a schema: unions and free-form values are never of a wrong type.</summary>
internal enum DriftShape
{
    Raw,
    Union,
    Object,
    Map,
    Array,
    String,
    DateTime,
    Integer,
    Number,
    Boolean,
}

/// <summary>A schema resolved through <c>$ref</c> and single-part <c>allOf</c>, nullable if any step of the way says so.</summary>
internal sealed record DriftSchema(JsonObject Node, DriftShape Shape, bool Nullable)
{
    public JsonObject Properties => Node["properties"] as JsonObject ?? new JsonObject();

    public JsonNode? Items => Node["items"];

    public bool Requires(string name) => Node["required"] is JsonArray required && required.Any(r => r?.GetValue<string>() == name);
}

/// <summary>
/// The drift corpus's oracle: the deviations a lenient read of a JSON value should report, in the order a reader meets
/// them, found by walking an OpenAPI schema beside the value. It knows the rules, not the generated readers: a member
/// required and not nullable that is absent (<c>missing</c>) or null (<c>null</c>), reported at its object's end in
/// declaration order; a value of another JSON type (<c>wrong_type</c>); a date-time that does not parse
/// (<c>invalid_format</c>); a null item of a list whose items may not be null (<c>null_element</c>).
/// </summary>
internal sealed class DriftOracle(JsonNode document)
{
    /// <summary>The deviations of <paramref name="value"/> read as <paramref name="schema"/>, each as "path kind".</summary>
    public IReadOnlyList<string> Deviations(JsonNode? schema, JsonNode? value)
    {
        var found = new List<string>();
        Check(schema, value, "$", found);
        return found;
    }

    /// <summary>What <paramref name="schema"/> is once its references and single-part allOf are followed (no schema: raw JSON).</summary>
    public DriftSchema Resolve(JsonNode? schema)
    {
        var node = schema as JsonObject ?? new JsonObject();
        var nullable = false;
        for (var hops = 0; hops < 64; hops++)
        {
            nullable |= node["nullable"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
            if (node["$ref"] is not null)
            {
                node = Follow(node) as JsonObject ?? throw new InvalidOperationException("unresolved " + node["$ref"]);
            }
            else if (node["allOf"] is JsonArray { Count: 1 } parts && node["properties"] is null && Choices(node) is null)
            {
                node = parts[0] as JsonObject ?? new JsonObject();
            }
            else
            {
                break;
            }
        }

        if (Choices(node) is { } choices)
        {
            nullable |= choices.Any(c => c is null || Resolve(c) is var branch && (branch.Nullable || Type(branch.Node) == "null"));
            return new DriftSchema(node, DriftShape.Union, nullable);
        }

        return new DriftSchema(node, ShapeOf(node), nullable);
    }

    /// <summary>Whether a null item of a list of <paramref name="items"/> is left out and reported.</summary>
    public bool NullItemDeviates(JsonNode? items) => Resolve(items) is { Nullable: false, Shape: not DriftShape.Raw };

    /// <summary>The JSON path of member <paramref name="name"/> of the value at <paramref name="path"/>, spelled as the reader spells it.</summary>
    public static string Member(string path, string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? path + "." + name
            : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static JsonArray? Choices(JsonObject node) =>
        (node["oneOf"] ?? node["anyOf"]) is JsonArray { Count: > 0 } choices ? choices : null;

    private static string? Type(JsonObject node) => node["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String ? type.GetValue<string>() : null;

    // An object with no properties and no typed additionalProperties is free-form: kept as raw JSON, like `{}`.
    private static DriftShape ShapeOf(JsonObject node)
    {
        var type = Type(node);
        if (node["enum"] is not null && type is null or "string")
        {
            return DriftShape.String;
        }

        return type switch
        {
            "array" => DriftShape.Array,
            "string" => node["format"]?.GetValue<string>() == "date-time" ? DriftShape.DateTime : DriftShape.String,
            "integer" => DriftShape.Integer,
            "number" => DriftShape.Number,
            "boolean" => DriftShape.Boolean,
            null or "object" when node["properties"] is JsonObject { Count: > 0 } => DriftShape.Object,
            null or "object" when node["additionalProperties"] is JsonObject => DriftShape.Map,
            _ => DriftShape.Raw,
        };
    }

    /// <summary>What <paramref name="node"/> refers to when it is a local <c>$ref</c>, else itself.</summary>
    public JsonNode? Follow(JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode?)document, (at, part) => at?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
            : node;

    // A null is judged by what holds it: its object (required or not) or its list (items nullable or not).
    private void Check(JsonNode? schema, JsonNode? value, string path, List<string> found)
    {
        if (value is null)
        {
            return;
        }

        var resolved = Resolve(schema);
        var kind = value.GetValueKind();
        var fits = resolved.Shape switch
        {
            DriftShape.Object or DriftShape.Map => kind == JsonValueKind.Object,
            DriftShape.Array => kind == JsonValueKind.Array,
            DriftShape.String or DriftShape.DateTime => kind == JsonValueKind.String,
            DriftShape.Integer or DriftShape.Number => kind == JsonValueKind.Number,
            DriftShape.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!fits)
        {
            found.Add(path + " wrong_type");
        }
        else if (resolved.Shape == DriftShape.DateTime && !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            found.Add(path + " invalid_format");
        }
        else if (resolved.Shape == DriftShape.Object)
        {
            CheckObject(resolved, value.AsObject(), path, found);
        }
        else if (resolved.Shape == DriftShape.Array)
        {
            CheckItems(resolved.Items, value.AsArray(), path, found);
        }
    }

    private void CheckObject(DriftSchema schema, JsonObject value, string path, List<string> found)
    {
        var properties = schema.Properties;
        foreach (var (name, member) in value)
        {
            if (properties.TryGetPropertyValue(name, out var property))
            {
                Check(property, member, Member(path, name), found);
            }
        }

        // Absent or null required members are found when the object ends, in the order the schema declares them.
        foreach (var (name, property) in properties)
        {
            if (!schema.Requires(name) || Resolve(property).Nullable)
            {
                continue;
            }

            if (!value.TryGetPropertyValue(name, out var member))
            {
                found.Add(Member(path, name) + " missing");
            }
            else if (member is null)
            {
                found.Add(Member(path, name) + " null");
            }
        }
    }

    private void CheckItems(JsonNode? items, JsonArray value, string path, List<string> found)
    {
        var nullDeviates = NullItemDeviates(items);
        for (var i = 0; i < value.Count; i++)
        {
            var at = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (value[i] is null && nullDeviates)
            {
                found.Add(at + " null_element");
            }
            else
            {
                Check(items, value[i], at, found);
            }
        }
    }
}
