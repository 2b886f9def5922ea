using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// A generated simulator's table, read once per simulator type: each operation's rules and answer, the schemas they
/// refer to, the route tree, and the JSON type-info resolver its models are written with.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SimulatedApi
{
    private readonly Dictionary<string, OperationRules> _byId = new(StringComparer.Ordinal);

    /// <summary>Reads the table.</summary>
    /// <param name="resolver">The generated resolver of the spec's namespace: scripted models are written with it.</param>
    /// <param name="schemas">The component schemas the rules refer to.</param>
    /// <param name="operations">One row per operation.</param>
    public SimulatedApi(IJsonTypeInfoResolver resolver, SimulatedSchema[] schemas, SimulatedOperation[] operations)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(operations);
        Resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        var table = new Dictionary<string, SchemaRule>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            using var document = JsonDocument.Parse(schema.Schema);
            table[schema.Name] = SchemaRule.Parse(document.RootElement, table);
        }

        var rules = new List<OperationRules>(operations.Length);
        foreach (var operation in operations)
        {
            var rule = new OperationRules(operation, table);
            rules.Add(rule);
            _byId.TryAdd(operation.OperationId, rule);
        }

        Operations = operations;
        Router = new Router(rules);
    }

    /// <summary>The operations, as the table lists them.</summary>
    public IReadOnlyList<SimulatedOperation> Operations { get; }

    internal IJsonTypeInfoResolver Resolver { get; }

    internal Router Router { get; }

    internal OperationRules? Find(string operationId) => _byId.TryGetValue(operationId, out var rules) ? rules : null;
}
