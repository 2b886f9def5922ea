using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>
/// A refusal for a rate limit (403/429 with <c>Retry-After</c>, a used-up primary limit, or GitHub's secondary-limit
/// message) closes the window for every call sharing the state; within <see cref="ActionsClientOptions.MaxRateLimitWait"/>
/// the call goes again once (a refused request was not run, so any method may), waiting in <see cref="RateWindowPolicy"/>.
/// A success that reports the limit used up (<c>x-ratelimit-remaining: 0</c>) closes the window until the reset too:
/// the next request would only be refused.
/// </summary>
internal sealed class RateLimitPolicy(RateGovernor governor, ActionsClientOptions options) : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        var response = await next.SendAsync(message).ConfigureAwait(false);
        var limit = RateLimit.FromHeaders(response.Headers);
        if (response.IsSuccessStatusCode || (int)response.StatusCode == 304)
        {
            if (limit is { Remaining: 0 })
            {
                await governor.CloseAsync(limit.Reset - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), limit, secondary: false, options.SharedStore).ConfigureAwait(false);
            }

            return response;
        }

        if (await RateLimitResponse.WaitAsync(response, message.CancellationToken).ConfigureAwait(false) is not { } wait)
        {
            return response;
        }

        await governor.CloseAsync(wait, limit, secondary: limit is not { Remaining: 0 }, options.SharedStore).ConfigureAwait(false);
        if (wait > options.MaxRateLimitWait)
        {
            return response;
        }

        response.Dispose();
        return await next.SendAsync(message).ConfigureAwait(false);
    }
}
