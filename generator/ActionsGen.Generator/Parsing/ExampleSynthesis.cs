using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// A small JSON value that fits a schema, for a response the spec gives no example: an object's required members
/// (recursively), the first enum value, the least value a range allows, an empty array, a date for a date-time. A
/// recursive schema ends in null (or an empty object) rather than looping.
/// </summary>
internal static class ExampleSynthesis
{
    private const int MaxDepth = 8;

    public static string Of(OpenApiSchema? schema)
    {
        var json = new StringBuilder();
        Write(json, schema, new HashSet<OpenApiSchema>(), 0);
        return json.ToString();
    }

    private static void Write(StringBuilder json, OpenApiSchema? schema, HashSet<OpenApiSchema> path, int depth)
    {
        if (schema is null || schema.UnresolvedReference || depth > MaxDepth || !path.Add(schema))
        {
            json.Append(schema?.Nullable == true || schema is null ? "null" : "{}");
            return;
        }

        try
        {
            WriteValue(json, schema, path, depth);
        }
        finally
        {
            path.Remove(schema);
        }
    }

    private static void WriteValue(StringBuilder json, OpenApiSchema schema, HashSet<OpenApiSchema> path, int depth)
    {
        if (schema.Enum.Count > 0 && JsonText.Of(schema.Enum[0]) is { } first)
        {
            json.Append(first);
            return;
        }

        if (schema.Default is { } value && schema.Type is not ("object" or "array") && JsonText.Of(value) is { } fallback)
        {
            json.Append(fallback);
            return;
        }

        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            Write(json, schema.OneOf.Count > 0 ? schema.OneOf[0] : schema.AnyOf[0], path, depth + 1);
            return;
        }

        if (schema.AllOf.Count > 0 || schema.Type == "object" || schema.Properties.Count > 0)
        {
            WriteObject(json, schema, path, depth);
            return;
        }

        switch (schema.Type)
        {
            case "array":
                json.Append('[');
                for (var i = 0; i < (schema.MinItems ?? 0); i++)
                {
                    json.Append(i == 0 ? string.Empty : ",");
                    Write(json, schema.Items, path, depth + 1);
                }

                json.Append(']');
                break;
            case "integer" or "number":
                var least = schema.Minimum is { } minimum ? minimum + (schema.ExclusiveMinimum == true ? 1 : 0) : 1;
                if (schema.Maximum is { } maximum && least > maximum)
                {
                    least = maximum;
                }

                json.Append((schema.Type == "integer" ? decimal.Ceiling(least) : least).ToString(CultureInfo.InvariantCulture));
                break;
            case "boolean":
                json.Append("false");
                break;
            case "string":
                json.Append(JsonText.Quote(schema.Format switch
                {
                    "date-time" => "2024-01-01T00:00:00Z",
                    "date" => "2024-01-01",
                    "uri" or "url" => "https://api.github.com/",
                    "email" => "octocat@github.com",
                    _ => new string('x', System.Math.Max(schema.MinLength ?? 1, 1)),
                }));
                break;
            default:
                json.Append(schema.Nullable ? "null" : "{}");
                break;
        }
    }

    // Required members of the schema and of every allOf part, each once, in spec order.
    private static void WriteObject(StringBuilder json, OpenApiSchema schema, HashSet<OpenApiSchema> path, int depth)
    {
        var members = new Dictionary<string, OpenApiSchema>(System.StringComparer.Ordinal);
        var order = new List<string>();
        Collect(schema, members, order, 0);
        json.Append('{');
        var first = true;
        foreach (var name in order)
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            JsonText.AppendQuoted(json, name);
            json.Append(':');
            Write(json, members[name], path, depth + 1);
        }

        json.Append('}');
    }

    private static void Collect(OpenApiSchema schema, Dictionary<string, OpenApiSchema> members, List<string> order, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var part in schema.AllOf.Where(p => p is not null))
        {
            Collect(part, members, order, depth + 1);
        }

        var required = new HashSet<string>(schema.Required, System.StringComparer.Ordinal);
        foreach (var property in schema.Properties.Where(p => required.Contains(p.Key)))
        {
            if (!members.ContainsKey(property.Key))
            {
                order.Add(property.Key);
            }

            members[property.Key] = property.Value;
        }

        // A name required here but declared in another part.
        foreach (var name in schema.Required.Where(n => !members.ContainsKey(n)))
        {
            var declared = FindProperty(schema, name);
            if (declared is not null)
            {
                order.Add(name);
                members[name] = declared;
            }
        }
    }

    private static OpenApiSchema? FindProperty(OpenApiSchema schema, string name) =>
        schema.Properties.TryGetValue(name, out var property) ? property : schema.AllOf.Where(p => p is not null).Select(p => FindProperty(p, name)).FirstOrDefault(p => p is not null);
}
