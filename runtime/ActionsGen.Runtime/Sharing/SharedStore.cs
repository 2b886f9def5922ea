using System;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Telemetry;
using Microsoft.Extensions.Caching.Distributed;

namespace ActionsGen.Runtime.Sharing;

/// <summary>
/// The <see cref="IDistributedCache"/> replicas share (<see cref="ActionsClientOptions.SharedCache"/>), under one key
/// prefix per API root and identity so that GitHub.com, a GHES host and two installations never mix. A store that
/// fails or is slow never fails a call: the call goes on as if there were no store, and the failure is counted
/// (<see cref="ActionsTelemetry.SharedCacheFailures"/>). The first call may take up to 3 s (a cache client connects on
/// its first call); later ones <see cref="ActionsClientOptions.SharedCacheTimeout"/>.
/// </summary>
internal sealed class SharedStore(IDistributedCache cache, string prefix, TimeSpan timeout)
{
    // A cache client connects on its first call (RedisCache does): that call may take the connection's time, once.
    private static readonly TimeSpan FirstContact = TimeSpan.FromSeconds(3);

    private int _contacted;

    public string Prefix { get; } = prefix;

    private TimeSpan Timeout => Volatile.Read(ref _contacted) == 0 && FirstContact > timeout ? FirstContact : timeout;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // WaitAsync bounds the wait even where the cache ignores the token (RedisCache does, once a command is queued).
            return await cache.GetAsync(Prefix + key, cancellationToken).WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ActionsTelemetry.SharedCacheFailure("get", e);
            return null;
        }
        finally
        {
            Volatile.Write(ref _contacted, 1);
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await cache.SetAsync(Prefix + key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken)
                .WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ActionsTelemetry.SharedCacheFailure("set", e);
        }
        finally
        {
            Volatile.Write(ref _contacted, 1);
        }
    }
}
