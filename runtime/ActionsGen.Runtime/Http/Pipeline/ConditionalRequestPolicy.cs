using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>
/// <see cref="ActionsClientOptions.UseConditionalRequests"/>: a GET whose URL answered before is sent with its
/// validators, and a 304 (which GitHub does not count against the rate limit) is answered from the stored body. The
/// body is stored by <see cref="StoreAsync"/> once it has been read (so only a body that parsed is kept).
/// </summary>
internal sealed class ConditionalRequestPolicy(ConditionalRequestCache cache) : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        if (message.Request.Method != HttpMethod.Get)
        {
            return await next.SendAsync(message).ConfigureAwait(false);
        }

        var stored = await cache.LookupAsync(message.Uri, message.CancellationToken).ConfigureAwait(false);
        message.Validators = stored is null ? default : (stored.ETag, stored.LastModified);
        var response = await next.SendAsync(message).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotModified || stored is null)
        {
            return response;
        }

        var replay = ConditionalRequestCache.Replay(stored, response);
        response.Dispose();
        return replay;
    }

    /// <summary>Keeps a body that was read, if it is a fresh 200 to a GET with a validator (not a replay).</summary>
    public ValueTask StoreAsync(HttpResponseMessage response, System.ReadOnlySpan<byte> body) =>
        ConditionalRequestCache.IsCacheable(response) ? cache.StoreIfCacheableAsync(response, body.ToArray()) : default;
}
