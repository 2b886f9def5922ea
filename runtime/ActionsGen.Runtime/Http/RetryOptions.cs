using System;
using System.Net;
using System.Net.Http;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// Retries of transient failures: connection errors, timeouts and 500/502/503/504. Only idempotent methods (GET, HEAD,
/// OPTIONS, PUT, DELETE) are retried unless <see cref="RetryNonIdempotent"/> is set: a POST that timed out may have
/// taken effect (a re-run started twice). Waits grow exponentially with jitter; a <c>Retry-After</c> is honoured.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt (0 turns retrying off). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; each later one doubles it. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry POST and PATCH too. Default false.</summary>
    public bool RetryNonIdempotent { get; set; }

    internal bool CanRetry(HttpMethod method, int attempt) =>
        attempt < MaxRetries && (RetryNonIdempotent || IsIdempotent(method));

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1: exponential, "equal jitter" (half fixed, half random).</summary>
    internal TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < MaxDelay ? after : MaxDelay;
        }

        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;
}
