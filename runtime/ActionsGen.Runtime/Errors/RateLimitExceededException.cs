using System;

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

    /// <summary>When the primary limit resets, if the response said.</summary>
    public DateTimeOffset? Reset => Details.RateLimit?.Reset;

    /// <summary>How long to wait before retrying (secondary limits), if the response said.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;
}
