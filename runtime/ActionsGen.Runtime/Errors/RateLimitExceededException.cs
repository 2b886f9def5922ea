using System;
using ActionsGen.Runtime.Http;

namespace ActionsGen.Runtime.Errors;

/// <summary>
/// 403 or 429 because a rate limit is used up: the primary limit (<c>x-ratelimit-remaining: 0</c>, wait until
/// <see cref="Reset"/>) or a secondary limit (wait <see cref="RetryAfter"/>).
/// </summary>
public sealed class RateLimitExceededException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public RateLimitExceededException(ApiErrorDetails details)
        : base(details)
    {
    }

    private RateLimitExceededException(ApiErrorDetails details, string message)
        : base(details, message, null)
    {
    }

    /// <summary>
    /// False when the request never went out: a response to this client, or (with a shared cache) to another replica,
    /// had already used the limit up, and the wait until it resets is longer than <see cref="ActionsClientOptions.MaxRateLimitWait"/>.
    /// </summary>
    public bool WasSent { get; private init; } = true;

    /// <summary>When the primary limit resets, if the response said.</summary>
    public DateTimeOffset? Reset => Details.RateLimit?.Reset;

    /// <summary>How long to wait before retrying (secondary limits), if the response said.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>The exception for a request held back because the rate-limit window is closed until <paramref name="until"/>.</summary>
    internal static RateLimitExceededException NotSent(string operationId, DateTimeOffset until, RateLimit? limit, bool secondary)
    {
        var wait = until - DateTimeOffset.UtcNow;
        var what = secondary ? "A secondary rate limit is in force" : "The rate limit" + (limit?.Resource is { } resource ? " (" + resource + ")" : string.Empty) + " is used up";
        var message = what + " until " + until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ", as an earlier response said; " + operationId + " was not sent (MaxRateLimitWait is shorter than the wait).";
        var details = new ApiErrorDetails(operationId, System.Net.HttpStatusCode.TooManyRequests, "Not sent", message, null, Array.Empty<ApiError>(), null, limit, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        return new RateLimitExceededException(details, message) { WasSent = false };
    }
}
