using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// <see cref="ActionsClientOptions.SerializeWrites"/>: POST, PATCH, PUT and DELETE go out one at a time (GitHub's
/// best practices against secondary limits); reads are never held. Held by the options, like <see cref="RateGovernor"/>.
/// </summary>
internal sealed class WriteGate
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Enters the gate for a write when <paramref name="enabled"/>; dispose the result to leave. Null: nothing to leave.</summary>
    public async ValueTask<IDisposable?> EnterAsync(HttpMethod method, bool enabled, CancellationToken cancellationToken)
    {
        if (!enabled || !IsWrite(method))
        {
            return null;
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_writes);
    }

    private static bool IsWrite(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Patch || method == HttpMethod.Put || method == HttpMethod.Delete;

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
