using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Sharing;

namespace ActionsGen.Runtime.Auth;

/// <summary>
/// An installation's token in the replicas' shared store: sealed (<see cref="SealedToken"/>) so the store cannot read
/// it, and obtained by one replica at a time. <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>
/// has no atomic operations, so a replica that finds no token writes a lease, reads it back after a moment, and
/// exchanges only if its own lease is still there; the others wait for the token it stores.
/// </summary>
internal sealed class SharedInstallationToken(RSA appKey, long installationId) : IDisposable
{
    // How long a replica's claim to exchange holds, and how long a claim is left to settle before it is read back.
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LeaseSettle = TimeSpan.FromMilliseconds(100);

    private readonly byte[] _replica = RandomNumberGenerator.GetBytes(16);
    private SealedToken? _sealer;
    private string? _sealerBinding;

    /// <summary>The token another replica stored (or is about to store); null when this replica should exchange.</summary>
    public async ValueTask<(string Token, DateTimeOffset RefreshAt)?> GetAsync(SharedStore store, CancellationToken cancellationToken)
    {
        if (await ReadAsync(store, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var lease = await store.GetAsync(SharedKeys.TokenLease, cancellationToken).ConfigureAwait(false);
        if (lease is null || lease.AsSpan().SequenceEqual(_replica))
        {
            await store.SetAsync(SharedKeys.TokenLease, _replica, LeaseLifetime, cancellationToken).ConfigureAwait(false);
            await Task.Delay(LeaseSettle, cancellationToken).ConfigureAwait(false);
            lease = await store.GetAsync(SharedKeys.TokenLease, cancellationToken).ConfigureAwait(false);
            if (lease is null || lease.AsSpan().SequenceEqual(_replica))
            {
                return null;
            }
        }

        // Another replica is exchanging: wait for its token, within the lease.
        for (var waited = TimeSpan.Zero; waited < LeaseLifetime; waited += LeaseSettle)
        {
            await Task.Delay(LeaseSettle, cancellationToken).ConfigureAwait(false);
            if (await ReadAsync(store, cancellationToken).ConfigureAwait(false) is { } arrived)
            {
                return arrived;
            }
        }

        return null;
    }

    /// <summary>Stores a token this replica got, sealed, until it is due for refresh.</summary>
    public ValueTask SetAsync(SharedStore store, string token, DateTimeOffset refreshAt) =>
        store.SetAsync(SharedKeys.InstallationToken, Sealer(store).Seal(token, refreshAt), refreshAt - DateTimeOffset.UtcNow, CancellationToken.None);

    public void Dispose()
    {
        lock (_replica)
        {
            _sealer?.Dispose();
        }
    }

    private async ValueTask<(string Token, DateTimeOffset RefreshAt)?> ReadAsync(SharedStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(SharedKeys.InstallationToken, cancellationToken).ConfigureAwait(false) is { } bytes
        && Sealer(store).Open(bytes) is { } opened && DateTimeOffset.UtcNow < opened.RefreshAt
            ? opened
            : null;

    // The seal is bound to the store's prefix (API root and identity) and the installation.
    private SealedToken Sealer(SharedStore store)
    {
        lock (_replica)
        {
            if (_sealer is null || _sealerBinding != store.Prefix)
            {
                _sealer?.Dispose();
                _sealer = new SealedToken(appKey, store.Prefix + installationId.ToString(CultureInfo.InvariantCulture));
                _sealerBinding = store.Prefix;
            }

            return _sealer;
        }
    }
}
