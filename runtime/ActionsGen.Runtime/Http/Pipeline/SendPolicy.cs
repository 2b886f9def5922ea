using System.Net.Http;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>
/// One step of the send path (as Azure.Core's <c>HttpPipelinePolicy</c>): it may act before the rest of the chain, call
/// it (<see cref="SendNext"/>, any number of times), and act on what comes back. The last step is the transport.
/// </summary>
internal abstract class SendPolicy
{
    public abstract ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next);
}

/// <summary>The rest of the chain after a policy.</summary>
internal readonly struct SendNext(SendPolicy[] policies, int index)
{
    public ValueTask<HttpResponseMessage> SendAsync(SendMessage message) => policies[index].SendAsync(message, new SendNext(policies, index + 1));
}
