using System;
using System.Collections.Generic;
using System.Net;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime.Errors;

/// <summary>What a failed response said: status, GitHub's error body and the headers that matter.</summary>
/// <param name="OperationId">The operation, e.g. <c>actions/cancel-workflow-run</c>.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ReasonPhrase">The status text.</param>
/// <param name="Message">GitHub's <c>message</c>.</param>
/// <param name="DocumentationUrl">GitHub's <c>documentation_url</c>.</param>
/// <param name="Errors">GitHub's <c>errors</c> list (validation failures).</param>
/// <param name="RequestId">The <c>x-github-request-id</c> header.</param>
/// <param name="RateLimit">The rate-limit headers.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header (secondary rate limits).</param>
public sealed record ApiErrorDetails(
    string OperationId,
    HttpStatusCode StatusCode,
    string ReasonPhrase,
    string? Message,
    string? DocumentationUrl,
    IReadOnlyList<ApiError> Errors,
    string? RequestId,
    RateLimit? RateLimit,
    TimeSpan? RetryAfter);

/// <summary>One entry of GitHub's <c>errors</c> list.</summary>
/// <param name="Resource">The resource, e.g. <c>Issue</c>.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="Code">GitHub's code: <c>missing</c>, <c>missing_field</c>, <c>invalid</c>, <c>already_exists</c>, <c>unprocessable</c>, <c>custom</c>.</param>
/// <param name="Message">A message, for <c>custom</c> codes or when the entry is a plain string.</param>
public sealed record ApiError(string? Resource, string? Field, string? Code, string? Message);
