using System;
using System.Net;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime.Errors;

/// <summary>GitHub answered with a status the operation does not succeed with.</summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception from what the response said.</summary>
    public ApiException(ApiErrorDetails details)
        : base(Describe(details))
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    protected ApiException(ApiErrorDetails details, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Everything the failed response said.</summary>
    public ApiErrorDetails Details { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>The operation that failed, e.g. <c>actions/cancel-workflow-run</c>.</summary>
    public string OperationId => Details.OperationId;

    /// <summary>GitHub's <c>message</c>, if the body had one.</summary>
    public string? ApiMessage => Details.Message;

    /// <summary>GitHub's <c>documentation_url</c>, if the body had one.</summary>
    public string? DocumentationUrl => Details.DocumentationUrl;

    /// <summary>The <c>x-github-request-id</c> header: quote it to GitHub support.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The rate-limit headers of the response, if any.</summary>
    public RateLimit? RateLimit => Details.RateLimit;

    private static string Describe(ApiErrorDetails details)
    {
        var message = details.OperationId + " failed: " + (int)details.StatusCode + " " + details.ReasonPhrase;
        if (!string.IsNullOrEmpty(details.Message))
        {
            message += ": " + details.Message;
        }

        if (!string.IsNullOrEmpty(details.DocumentationUrl))
        {
            message += " (" + details.DocumentationUrl + ")";
        }

        if (!string.IsNullOrEmpty(details.RequestId))
        {
            message += ". Request id " + details.RequestId;
        }

        return message + ".";
    }
}
