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
/// (<see cref="ActionsTelemetry.SharedCacheFailures"/>).
/// </summary>
internal sealed class SharedStore(IDistributedCache cache, string prefix, TimeSpan timeout)
{
    public string Prefix { get; } = prefix;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // WaitAsync bounds the wait even where the cache ignores the token (RedisCache does, once a command is queued).
            return await cache.GetAsync(Prefix + key, cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ActionsTelemetry.SharedCacheFailure("get", e);
            return null;
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
                .WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ActionsTelemetry.SharedCacheFailure("set", e);
        }
    }
}
