using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;

namespace ActionsGen.Runtime.Http;

/// <summary>Tells a rate-limited refusal (403/429) from any other, and how long it asks the client to wait.</summary>
internal static class RateLimitResponse
{
    /// <summary>GitHub's advice when a secondary limit names no time: wait at least a minute.</summary>
    public static readonly TimeSpan SecondaryDefaultWait = TimeSpan.FromMinutes(1);

    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// The wait a rate-limited response asks for: its <c>Retry-After</c>, the primary limit's reset, or a minute for
    /// GitHub's secondary-limit message; null when the refusal is not about a rate limit. When only the message can tell,
    /// the (small) body is read and put back, so the error built later still sees it.
    /// </summary>
    public static async ValueTask<TimeSpan?> WaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (RateLimit.RetryAfter(response.Headers) is { } retryAfter)
        {
            return retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero;
        }

        if (RateLimit.FromHeaders(response.Headers) is { Remaining: 0 } limit)
        {
            var untilReset = limit.Reset - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            return untilReset > TimeSpan.Zero ? untilReset : TimeSpan.Zero;
        }

        return IsSecondaryLimitMessage(await MessageAsync(response, cancellationToken).ConfigureAwait(false)) ? SecondaryDefaultWait : null;
    }

    /// <summary>GitHub's wording for secondary limits, today's and the older "abuse detection" one.</summary>
    public static bool IsSecondaryLimitMessage(string? message) =>
        message is not null
        && (message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
            || message.Contains("abuse detection", StringComparison.OrdinalIgnoreCase));

    private static async Task<string?> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        using var body = await ResponseBuffer.ReadAsync(original, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var bytes = body.Span.ToArray();
        var copy = new ByteArrayContent(bytes);
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        original.Dispose();
        return ErrorBody.TryRead(bytes)?.Message;
    }
}
