using System;
using System.Threading;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// The rate-limit window every call of a client shares: when one response says "wait" (a secondary limit's
/// <c>Retry-After</c>, GitHub's secondary-limit message, or a used-up primary limit), the window closes for all of them,
/// so the other calls wait it out (when <see cref="ActionsClientOptions.MaxRateLimitWait"/> allows) instead of each
/// meeting the limit and failing. Held by the options: every client built from one options object shares it.
/// </summary>
internal sealed class RateGovernor
{
    private long _closedUntilTicks;

    /// <summary>When the window opens again (UTC), or null when it is open.</summary>
    public DateTimeOffset? ClosedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _closedUntilTicks);
            return ticks > DateTimeOffset.UtcNow.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Closes the window for <paramref name="wait"/> from now (a later close wins; an earlier one never shortens it).</summary>
    public void Close(TimeSpan wait)
    {
        var until = DateTimeOffset.UtcNow.UtcTicks + Math.Max(0, wait.Ticks);
        var current = Interlocked.Read(ref _closedUntilTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _closedUntilTicks, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// Waits while the window is closed, if it opens within <paramref name="maxWait"/>; returns whether it waited.
    /// A longer window is not waited for: the request goes out and meets the limit itself.
    /// </summary>
    public async ValueTask<bool> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var waited = false;
        while (ClosedUntil is { } until)
        {
            var wait = until - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero || wait > maxWait)
            {
                break;
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            waited = true;
        }

        return waited;
    }
}
