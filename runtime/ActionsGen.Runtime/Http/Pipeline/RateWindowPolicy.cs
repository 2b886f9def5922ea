using System.Net.Http;
using System.Threading.Tasks;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>
/// Before each send: while a rate-limit window is closed, the request does not go out. It waits for the window when
/// that is within <see cref="ActionsClientOptions.MaxRateLimitWait"/>, else fails at once with
/// <see cref="Errors.RateLimitExceededException"/> (GitHub asks integrations to stop when limited). A request that goes
/// out again says so on its activity.
/// </summary>
internal sealed class RateWindowPolicy(RateGovernor governor, ActionsClientOptions options) : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        if (await governor.WaitAsync(message.Request.OperationId, options.MaxRateLimitWait, options.SharedStore, message.CancellationToken).ConfigureAwait(false))
        {
            ActionsTelemetry.RateLimitWait(message.Request.OperationId);
        }

        if (message.Sends > 0)
        {
            ActionsTelemetry.Resend(message.Activity, message.Sends);
        }

        return await next.SendAsync(message).ConfigureAwait(false);
    }
}
