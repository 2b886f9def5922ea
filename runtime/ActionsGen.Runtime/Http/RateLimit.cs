using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ActionsGen.Runtime.Http;

/// <summary>GitHub's rate-limit state as its <c>x-ratelimit-*</c> headers reported it on a response.</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests left in this window.</param>
/// <param name="Used">Requests used in this window.</param>
/// <param name="Reset">When the window resets.</param>
/// <param name="Resource">The limit's resource (e.g. <c>core</c>).</param>
public sealed record RateLimit(long Limit, long Remaining, long Used, DateTimeOffset Reset, string? Resource)
{
    /// <summary>Reads the headers, or null when the response carries none.</summary>
    public static RateLimit? FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var limit = Long(headers, "x-ratelimit-limit");
        var remaining = Long(headers, "x-ratelimit-remaining");
        var reset = Long(headers, "x-ratelimit-reset");
        if (limit is null || remaining is null || reset is null)
        {
            return null;
        }

        return new RateLimit(
            limit.Value,
            remaining.Value,
            Long(headers, "x-ratelimit-used") ?? limit.Value - remaining.Value,
            DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(reset.Value, 0, 253402300799)),
            First(headers, "x-ratelimit-resource"));
    }

    internal static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static long? Long(HttpResponseHeaders headers, string name) =>
        long.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The <c>Retry-After</c> header as a wait, whether it gives seconds or a date; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseHeaders headers) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
