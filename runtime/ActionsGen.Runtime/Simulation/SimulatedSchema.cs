using System;
using System.ComponentModel;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// One row of a generated simulator's schema table: a component schema that parameters and request bodies refer to
/// (<c>{"$ref":"name"}</c>), described as JSON with OpenAPI 3.0's validation keywords.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SimulatedSchema
{
    /// <summary>Creates the row.</summary>
    /// <param name="name">The component's name in the spec.</param>
    /// <param name="schema">Its description, UTF-8 JSON.</param>
    public SimulatedSchema(string name, ReadOnlySpan<byte> schema)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Schema = schema.ToArray();
    }

    /// <summary>The component's name in the spec.</summary>
    public string Name { get; }

    internal byte[] Schema { get; }
}
