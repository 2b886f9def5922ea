namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>A delegating handler of "the app's own" that counts what passes through it.</summary>
/// <remarks>IHttpClientFactory builds a new handler for each pipeline it creates; they share the counter.</remarks>
public sealed class CountingHandler(CountingHandler.Counter counter) : DelegatingHandler
{
    public sealed class Counter
    {
        public int Calls;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counter.Calls);
        return base.SendAsync(request, cancellationToken);
    }
}
