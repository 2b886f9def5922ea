using System;
using System.Collections.Generic;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// The delivery ids seen lately, bounded in time (<see cref="WebhookReceiverOptions.RedeliveryWindow"/>) and count
/// (<see cref="WebhookReceiverOptions.RedeliveryCapacity"/>): a claimed id is dispatched once; a failed dispatch
/// releases it, so GitHub's redelivery of that delivery is dispatched again.
/// </summary>
internal sealed class DeliveryLog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _claimedAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long At)> _order = new();

    /// <summary>Claims <paramref name="id"/> at <paramref name="now"/> (ticks); false when it was claimed within the window.</summary>
    public bool TryClaim(string id, long now, TimeSpan window, int capacity)
    {
        lock (_gate)
        {
            Evict(now, window.Ticks, Math.Max(capacity, 1));
            if (!_claimedAt.TryAdd(id, now))
            {
                return false;
            }

            _order.Enqueue((id, now));
            return true;
        }
    }

    public void Release(string id)
    {
        lock (_gate)
        {
            _claimedAt.Remove(id);
        }
    }

    /// <summary>How many ids are remembered (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _claimedAt.Count;
            }
        }
    }

    // The queue holds each claim in order; a released id leaves a stale entry that is skipped when its turn comes.
    private void Evict(long now, long window, int capacity)
    {
        while (_order.Count > 0 && (_order.Count >= capacity || now - _order.Peek().At > window))
        {
            var (id, at) = _order.Dequeue();
            if (_claimedAt.TryGetValue(id, out var claimed) && claimed == at)
            {
                _claimedAt.Remove(id);
            }
        }
    }
}
