using System.Net.Http;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary><see cref="ActionsClientOptions.SerializeWrites"/>: a write waits for the one before it (<see cref="WriteGate"/>); reads pass.</summary>
internal sealed class WriteGatePolicy(WriteGate gate, bool enabled) : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        using var slot = await gate.EnterAsync(message.Request.Method, enabled, message.CancellationToken).ConfigureAwait(false);
        return await next.SendAsync(message).ConfigureAwait(false);
    }
}
