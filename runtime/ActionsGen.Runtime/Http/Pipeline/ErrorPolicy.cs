using System.Net.Http;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>What the caller gets: a 2xx, or a 3xx with somewhere to go; any other response becomes its typed exception.</summary>
internal sealed class ErrorPolicy : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        var response = await next.SendAsync(message).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 || (status is >= 300 and < 400 && response.Headers.Location is not null))
        {
            return response;
        }

        using (response)
        {
            throw status is >= 300 and < 400
                ? ApiExceptionFactory.InvalidResponse(response, message.Request.OperationId, "a " + status + " response without a Location header")
                : await ApiExceptionFactory.CreateAsync(response, message.Request.OperationId, message.CancellationToken).ConfigureAwait(false);
        }
    }
}
