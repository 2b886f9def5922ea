using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime.Errors;

/// <summary>A failed response → the typed exception that says what went wrong (status, GitHub's body, headers).</summary>
internal static class ApiExceptionFactory
{
    public static async Task<ApiException> CreateAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        ErrorBody? error = null;
        using (var body = await ResponseBuffer.ReadAsync(response.Content, 1024 * 1024, cancellationToken).ConfigureAwait(false))
        {
            if (body is not null)
            {
                error = ErrorBody.TryRead(body.Span);
            }
        }

        var details = Details(response, operationId, error);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new NotFoundException(details),
            HttpStatusCode.Conflict => new ConflictException(details),
            HttpStatusCode.UnprocessableEntity => new ValidationFailedException(details),
            HttpStatusCode.TooManyRequests => new RateLimitExceededException(details),
            HttpStatusCode.Forbidden when IsRateLimited(details) => new RateLimitExceededException(details),
            HttpStatusCode.Forbidden => new ForbiddenException(details),
            _ => new ApiException(details),
        };
    }

    // GitHub signals both limits with 403: the primary by remaining = 0, a secondary by Retry-After or its message.
    private static bool IsRateLimited(ApiErrorDetails details) =>
        details.RateLimit is { Remaining: 0 }
        || details.RetryAfter is not null
        || (details.Message?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false);

    public static ApiErrorDetails Details(HttpResponseMessage response, string operationId, ErrorBody? error)
    {
        return new ApiErrorDetails(
            operationId,
            response.StatusCode,
            response.ReasonPhrase ?? response.StatusCode.ToString(),
            error?.Message,
            error?.DocumentationUrl,
            error?.Errors ?? Array.Empty<ApiError>(),
            RateLimit.First(response.Headers, "x-github-request-id"),
            RateLimit.FromHeaders(response.Headers),
            RateLimit.RetryAfter(response.Headers));
    }

    /// <summary>A success status whose body could not be read as the spec says.</summary>
    public static InvalidResponseException InvalidResponse(HttpResponseMessage response, string operationId, JsonException error) =>
        new(Details(response, operationId, null), ContentType(response), error);

    /// <summary>A success status whose body could not be read at all (too large, too slow, no redirect target).</summary>
    public static InvalidResponseException InvalidResponse(HttpResponseMessage response, string operationId, string reason) =>
        new(Details(response, operationId, null), ContentType(response), reason);

    private static string? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;
}
