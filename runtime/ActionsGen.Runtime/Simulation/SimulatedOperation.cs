using System;
using System.ComponentModel;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// One row of a generated simulator's operation table: how a request is recognised (method and path template), what
/// it must satisfy (parameter and body rules, JSON in OpenAPI's terms) and what it is answered with.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SimulatedOperation
{
    /// <summary>Creates the row.</summary>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="pathTemplate">The spec's path, e.g. <c>/repos/{owner}/{repo}/actions/runs</c>.</param>
    /// <param name="operationId">The spec's operationId.</param>
    /// <param name="status">The status a valid request is answered with: the first declared 2xx, else the 3xx.</param>
    /// <param name="parameters">UTF-8 JSON: an array of <c>{"name","in","required","schema"}</c>.</param>
    /// <param name="body">UTF-8 JSON <c>{"required","schema"}</c> for a JSON request body; empty when there is none.</param>
    /// <param name="example">The UTF-8 JSON answer body; empty for none.</param>
    /// <param name="location">For a 3xx, where it points; null for a simulated download address.</param>
    /// <param name="items">For a paged operation, the JSON name of the page's list (empty for a top-level array).</param>
    /// <param name="documentationUrl">The operation's documentation, for error bodies.</param>
    public SimulatedOperation(
        string method,
        string pathTemplate,
        string operationId,
        int status,
        ReadOnlySpan<byte> parameters,
        ReadOnlySpan<byte> body,
        ReadOnlySpan<byte> example,
        string? location = null,
        string? items = null,
        string? documentationUrl = null)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        Status = status;
        Parameters = parameters.ToArray();
        Body = body.IsEmpty ? null : body.ToArray();
        Example = example.IsEmpty ? null : example.ToArray();
        Location = location;
        Items = items;
        DocumentationUrl = documentationUrl;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The spec's path template.</summary>
    public string PathTemplate { get; }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The status a valid request is answered with.</summary>
    public int Status { get; }

    internal byte[] Parameters { get; }

    internal byte[]? Body { get; }

    internal byte[]? Example { get; }

    internal string? Location { get; }

    internal string? Items { get; }

    internal string? DocumentationUrl { get; }
}
