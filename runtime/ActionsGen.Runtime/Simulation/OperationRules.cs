using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace ActionsGen.Runtime.Simulation;

/// <summary>One operation of the table, read: its parameter and body rules and its default answer.</summary>
internal sealed class OperationRules
{
    public OperationRules(SimulatedOperation row, IReadOnlyDictionary<string, SchemaRule> schemas)
    {
        Row = row;
        Method = HttpMethod.Parse(row.Method);
        PathParameters = Router.ParameterNames(row.PathTemplate);
        var parameters = new List<ParameterRule>();
        using (var document = JsonDocument.Parse(row.Parameters))
        {
            foreach (var parameter in document.RootElement.EnumerateArray())
            {
                parameters.Add(new ParameterRule(
                    parameter.GetProperty("name").GetString()!,
                    parameter.GetProperty("in").GetString()!,
                    parameter.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                    parameter.TryGetProperty("schema", out var schema) ? SchemaRule.Parse(schema, schemas) : SchemaRule.Any));
            }
        }

        Parameters = parameters;
        HasPageParameter = parameters.Exists(p => p.Location == "query" && p.Name == "page");
        if (row.Body is { } body)
        {
            using var document = JsonDocument.Parse(body);
            BodyRequired = document.RootElement.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True;
            Body = document.RootElement.TryGetProperty("schema", out var schema) ? SchemaRule.Parse(schema, schemas) : SchemaRule.Any;
        }
    }

    public SimulatedOperation Row { get; }

    public string OperationId => Row.OperationId;

    public HttpMethod Method { get; }

    /// <summary>The path template's parameter names, in order.</summary>
    public IReadOnlyList<string> PathParameters { get; }

    public IReadOnlyList<ParameterRule> Parameters { get; }

    /// <summary>The JSON body's rule, or null when the operation takes none.</summary>
    public SchemaRule? Body { get; }

    public bool BodyRequired { get; }

    /// <summary>Whether the operation is paged: it takes <c>page</c> and says where its list is.</summary>
    public bool IsPaged => HasPageParameter && Row.Items is not null;

    private bool HasPageParameter { get; }

    public bool IsRedirect => Row.Status is >= 300 and < 400;
}

/// <summary>A path, query or header parameter: where it goes, whether it must be there, and its schema.</summary>
internal sealed record ParameterRule(string Name, string Location, bool Required, SchemaRule Schema);
