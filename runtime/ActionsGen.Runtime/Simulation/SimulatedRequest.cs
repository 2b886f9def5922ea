using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace ActionsGen.Runtime.Simulation;

/// <summary>One request the simulator received, as recorded in <see cref="ApiSimulator.Requests"/>.</summary>
/// <param name="OperationId">The operation it was routed to; null when no operation of the spec has its path and method.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The whole request URI.</param>
/// <param name="PathValues">The path parameters by their spec names (unescaped), e.g. <c>run_id</c> → <c>30433642</c>.</param>
/// <param name="Query">The query parameters (unescaped); a name given several times has its values joined with <c>,</c>.</param>
/// <param name="Headers">The request's headers (content headers included); several values are joined with <c>, </c>.</param>
/// <param name="Body">The body as text, or null when there was none.</param>
/// <param name="StatusCode">What the simulator answered.</param>
/// <param name="IsDownload">Whether this was the download of a redirect the simulator gave (a log's <c>Location</c>); <see cref="OperationId"/> is then the operation that redirected.</param>
public sealed record SimulatedRequest(
    string? OperationId,
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    HttpStatusCode StatusCode,
    bool IsDownload = false);
