using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Http.Pipeline;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// One call from request to a response the caller can read: a list of small policies, outermost first. Shared state
/// (the rate-limit window, the write gate, the conditional-request cache) comes from <see cref="ActionsClientState"/>,
/// which outlives any one options object.
/// </summary>
internal sealed class SendPipeline
{
    private readonly SendPolicy[] _policies;
    private readonly TransportPolicy _transport;
    private readonly ConditionalRequestPolicy? _conditional;

    public SendPipeline(HttpClient httpClient, ActionsClientOptions options)
    {
        var state = options.State;
        _transport = new TransportPolicy(httpClient, options);
        _conditional = options.UseConditionalRequests ? new ConditionalRequestPolicy(state.ConditionalCache(options)) : null;
        SendPolicy?[] policies =
        [
            new WriteGatePolicy(state.WriteGate, options.SerializeWrites),
            new ErrorPolicy(),
            new RateLimitPolicy(state.RateGovernor, options),
            new RetryPolicy(options.Retry),
            new RateWindowPolicy(state.RateGovernor, options),
            _conditional,
            _transport,
        ];
        _policies = Array.FindAll(policies, p => p is not null)!;
    }

    public RateLimit? LastRateLimit => _transport.LastRateLimit;

    /// <summary>Sends <paramref name="request"/> to <paramref name="uri"/>; returns a 2xx, or a 3xx with a <c>Location</c>.</summary>
    public ValueTask<HttpResponseMessage> SendAsync(ApiRequest request, Uri uri, Activity? activity, CancellationToken cancellationToken) =>
        new SendNext(_policies, 0).SendAsync(new SendMessage(request, uri, activity, cancellationToken));

    /// <summary>A response body was read: the conditional-request cache may keep it.</summary>
    public ValueTask BodyReadAsync(HttpResponseMessage response, ReadOnlySpan<byte> body) =>
        _conditional is null ? default : _conditional.StoreAsync(response, body);
}
