namespace ActionsGen.Generator.Model;

/// <summary>
/// What the simulator of one spec is generated from: a table of operations and of the schemas their requests are
/// checked against, as data (JSON text) the runtime's engine reads. Only with <c>Simulator="true"</c>.
/// </summary>
/// <param name="ClassName">The simulator's class name, e.g. <c>ActionsSimulator</c>.</param>
/// <param name="ClientName">The root client it stands in for, named in its documentation.</param>
/// <param name="Operations">Every generated operation, in spec order (path, then method).</param>
/// <param name="Schemas">The component schemas parameters and request bodies refer to, by name.</param>
internal sealed record SimulatorModel(
    string Namespace,
    string ClassName,
    string ClientName,
    EquatableArray<SimulatedOperationModel> Operations,
    EquatableArray<SimulatedSchemaModel> Schemas);

/// <summary>One row of the simulator's operation table.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Status">The status a request that follows the spec is answered with: the first declared 2xx, else the first 3xx.</param>
/// <param name="Parameters">The path, query and header parameters as a JSON array of <c>{"name","in","required","schema"}</c>.</param>
/// <param name="Body">The JSON request body as <c>{"required","schema"}</c>, or null when the operation takes none.</param>
/// <param name="Example">The answer's JSON body: the spec's example, or one made from the response schema; null for none.</param>
/// <param name="Location">For a 3xx: where it points (the spec's <c>Location</c> example), or null for the engine's default.</param>
/// <param name="Items">For a paged operation: the JSON name of the page's list (empty for a top-level array), else null.</param>
/// <param name="DocumentationUrl">The operation's <c>externalDocs</c> URL, for error bodies.</param>
internal sealed record SimulatedOperationModel(
    string OperationId,
    string Method,
    string Path,
    int Status,
    string Parameters,
    string? Body,
    string? Example,
    string? Location,
    string? Items,
    string? DocumentationUrl);

/// <summary>A component schema as the simulator checks it: its name and a JSON description (a subset of OpenAPI's).</summary>
internal sealed record SimulatedSchemaModel(string Name, string Schema);
