using System;
using System.Text.Json;

namespace ActionsGen.Runtime.Errors;

/// <summary>A successful status whose body could not be read: not JSON, truncated, too large, or (with <see cref="ActionsClientOptions.StrictResponses"/>) drifted from the spec.</summary>
public sealed class InvalidResponseException : ApiException
{
    /// <summary>Creates the exception for a body that failed to read.</summary>
    public InvalidResponseException(ApiErrorDetails details, string? contentType, JsonException innerException)
        : base(details, Describe(details, contentType, innerException), innerException)
    {
        BytePosition = innerException.BytePositionInLine;
        JsonPath = innerException.Path;
        ContentType = contentType;
    }

    /// <summary>Creates the exception for a body that could not be read at all (e.g. larger than allowed).</summary>
    public InvalidResponseException(ApiErrorDetails details, string? contentType, string reason)
        : base(details, "The " + (int)details.StatusCode + " response to " + details.OperationId + " could not be read: " + reason, null)
    {
        ContentType = contentType;
    }

    /// <summary>The byte offset in the body where reading failed, when known.</summary>
    public long? BytePosition { get; }

    /// <summary>The JSON path of the value that was refused (e.g. <c>$.workflow_runs[3].head_sha</c>), when known.</summary>
    public string? JsonPath { get; }

    /// <summary>The response's content type.</summary>
    public string? ContentType { get; }

    private static string Describe(ApiErrorDetails details, string? contentType, JsonException error)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(error);
        var kind = contentType is null || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : " (content type '" + contentType + "', not JSON)";
        return "The " + (int)details.StatusCode + " response to " + details.OperationId + " is not what the spec describes" + kind + ": " + error.Message;
    }
}
