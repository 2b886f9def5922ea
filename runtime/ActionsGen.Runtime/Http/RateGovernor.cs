using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Sharing;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// The rate-limit window every call sharing an <see cref="ActionsClientState"/> respects: when a response says the limit
/// is used up (<c>x-ratelimit-remaining: 0</c>, until <c>x-ratelimit-reset</c>) or asks to wait (a secondary limit's
/// <c>Retry-After</c> or message), the window closes, and no call goes to the server until it opens: each waits (within
/// <see cref="ActionsClientOptions.MaxRateLimitWait"/>) or fails at once. With a shared store the window is published,
/// and read before each send, so one replica's limit holds back every replica.
/// </summary>
internal sealed class RateGovernor
{
    private long _closedUntilTicks;
    private volatile Reason? _reason;

    private sealed record Reason(RateLimit? Limit, bool Secondary);

    /// <summary>When the window opens again (UTC), or null when it is open.</summary>
    public DateTimeOffset? ClosedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _closedUntilTicks);
            return ticks > DateTimeOffset.UtcNow.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>
    /// Closes the window for <paramref name="wait"/> from now (a later close wins; an earlier one never shortens it), and
    /// publishes it to <paramref name="store"/>.
    /// </summary>
    public ValueTask CloseAsync(TimeSpan wait, RateLimit? limit, bool secondary, SharedStore? store)
    {
        var until = DateTimeOffset.UtcNow.UtcTicks + Math.Max(0, wait.Ticks);
        if (!CloseUntil(until, limit, secondary) || store is null)
        {
            return default;
        }

        var bytes = new byte[17];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, until);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), limit?.Reset.ToUnixTimeSeconds() ?? 0);
        bytes[16] = (byte)(secondary ? 1 : 0);
        return store.SetAsync(SharedKeys.RateWindow, bytes, wait, CancellationToken.None);
    }

    /// <summary>
    /// Waits while the window is closed, if it opens within <paramref name="maxWait"/>; returns whether it waited. A
    /// longer window fails the call at once: the request is not sent.
    /// </summary>
    public async ValueTask<bool> WaitAsync(string operationId, TimeSpan maxWait, SharedStore? store, CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            await LearnAsync(store, cancellationToken).ConfigureAwait(false);
        }

        var waited = false;
        while (ClosedUntil is { } until)
        {
            var wait = until - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            if (wait > maxWait)
            {
                var reason = _reason;
                throw RateLimitExceededException.NotSent(operationId, until, reason?.Limit, reason?.Secondary ?? false);
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            waited = true;
        }

        return waited;
    }

    // Another replica's window, if it closes later than what this process knows.
    private async ValueTask LearnAsync(SharedStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(SharedKeys.RateWindow, cancellationToken).ConfigureAwait(false) is not { Length: 17 } bytes)
        {
            return;
        }

        var until = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var reset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        var limit = reset > 0 ? new RateLimit(0, 0, 0, DateTimeOffset.FromUnixTimeSeconds(reset), null) : null;
        CloseUntil(until, limit, bytes[16] == 1);
    }

    private bool CloseUntil(long until, RateLimit? limit, bool secondary)
    {
        var current = Interlocked.Read(ref _closedUntilTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _closedUntilTicks, until, current);
            if (seen == current)
            {
                _reason = new Reason(limit, secondary);
                return true;
            }

            current = seen;
        }

        return false;
    }
}
