using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ActionsGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// OpenAPI schemas → the JSON descriptions the simulator's engine checks requests against: the validation keywords of
/// OpenAPI 3.0 (type, format, nullable, enum, minimum/maximum, lengths, pattern, items, properties, required,
/// additionalProperties, allOf/oneOf/anyOf) and nothing else. A component schema is described once, in the table, and
/// referred to as <c>{"$ref":"name"}</c>, so recursive schemas stay finite.
/// </summary>
internal sealed class SimulatorSchemas
{
    private readonly OpenApiDocument _document;
    private readonly Dictionary<string, string?> _table = new(StringComparer.Ordinal);

    public SimulatorSchemas(OpenApiDocument document) => _document = document;

    /// <summary>The component schemas described so far, by name.</summary>
    public EquatableArray<SimulatedSchemaModel> Table =>
        _table.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new SimulatedSchemaModel(pair.Key, pair.Value ?? "{}")).ToEquatableArray();

    /// <summary>The description of <paramref name="schema"/> (<c>{}</c>, anything, when there is none).</summary>
    public string Describe(OpenApiSchema? schema)
    {
        var json = new StringBuilder();
        Write(json, schema);
        return json.ToString();
    }

    private void Write(StringBuilder json, OpenApiSchema? schema)
    {
        if (schema is null || schema.UnresolvedReference)
        {
            json.Append("{}");
            return;
        }

        if (schema.Reference is { IsLocal: true, Type: ReferenceType.Schema, Id: { } id })
        {
            if (!_table.ContainsKey(id))
            {
                _table[id] = null;
                var component = _document.Components?.Schemas?.TryGetValue(id, out var found) == true ? found : schema;
                var body = new StringBuilder();
                WriteInline(body, component);
                _table[id] = body.ToString();
            }

            json.Append("{\"$ref\":").Append(JsonText.Quote(id)).Append('}');
            return;
        }

        WriteInline(json, schema);
    }

    private void WriteInline(StringBuilder json, OpenApiSchema schema)
    {
        var members = new Members(json);
        var type = schema.Type ?? (schema.Properties.Count > 0 ? "object" : schema.Items is not null ? "array" : null);
        members.String("type", type);
        members.String("format", schema.Format);
        if (schema.Nullable)
        {
            members.Raw("nullable", "true");
        }

        if (schema.Enum.Count > 0)
        {
            members.Raw("enum", "[" + string.Join(",", schema.Enum.Select(JsonText.Of).Where(v => v is not null)) + "]");
        }

        members.Number("minimum", schema.Minimum);
        members.Number("maximum", schema.Maximum);
        if (schema.ExclusiveMinimum == true)
        {
            members.Raw("exclusiveMinimum", "true");
        }

        if (schema.ExclusiveMaximum == true)
        {
            members.Raw("exclusiveMaximum", "true");
        }

        members.Number("minLength", schema.MinLength);
        members.Number("maxLength", schema.MaxLength);
        members.String("pattern", schema.Pattern);
        members.Number("minItems", schema.MinItems);
        members.Number("maxItems", schema.MaxItems);
        if (schema.Items is not null)
        {
            members.Name("items");
            Write(json, schema.Items);
        }

        if (schema.Properties.Count > 0)
        {
            members.Name("properties");
            json.Append('{');
            var first = true;
            foreach (var property in schema.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.Append(first ? string.Empty : ",");
                first = false;
                JsonText.AppendQuoted(json, property.Key);
                json.Append(':');
                Write(json, property.Value);
            }

            json.Append('}');
        }

        // A member the server sets (readOnly) is not the client's to send, even when the schema requires it.
        var required = schema.Required.Where(name => !(schema.Properties.TryGetValue(name, out var p) && p?.ReadOnly == true)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (required.Count > 0)
        {
            members.Raw("required", "[" + string.Join(",", required.Select(JsonText.Quote)) + "]");
        }

        if (schema.AdditionalProperties is { } additional)
        {
            members.Name("additionalProperties");
            Write(json, additional);
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            members.Raw("additionalProperties", "false");
        }

        Parts(members, json, "allOf", schema.AllOf);
        Parts(members, json, "oneOf", schema.OneOf);
        Parts(members, json, "anyOf", schema.AnyOf);
        members.End();
    }

    private void Parts(Members members, StringBuilder json, string name, IList<OpenApiSchema> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }

        members.Name(name);
        json.Append('[');
        for (var i = 0; i < parts.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",");
            Write(json, parts[i]);
        }

        json.Append(']');
    }

    /// <summary>Writes the members of one JSON object, opening it at the first and closing it at <see cref="End"/>.</summary>
    private sealed class Members
    {
        private readonly StringBuilder _json;
        private bool _any;

        public Members(StringBuilder json)
        {
            _json = json;
            _json.Append('{');
        }

        public void Name(string name)
        {
            _json.Append(_any ? "," : string.Empty);
            _any = true;
            JsonText.AppendQuoted(_json, name);
            _json.Append(':');
        }

        public void Raw(string name, string json)
        {
            Name(name);
            _json.Append(json);
        }

        public void String(string name, string? value)
        {
            if (value is not null)
            {
                Raw(name, JsonText.Quote(value));
            }
        }

        public void Number(string name, decimal? value)
        {
            if (value is { } number)
            {
                Raw(name, number.ToString(CultureInfo.InvariantCulture));
            }
        }

        public void Number(string name, int? value) => Number(name, (decimal?)value);

        public void End() => _json.Append('}');
    }
}
