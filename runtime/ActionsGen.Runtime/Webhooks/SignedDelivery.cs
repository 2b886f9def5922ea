using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// Deliveries as GitHub sends them, for testing a receiver: a POST with the payload as JSON, GitHub's delivery headers
/// (<c>X-GitHub-Event</c>, <c>X-GitHub-Delivery</c>, <c>X-GitHub-Hook-ID</c>, the installation target, a Hookshot
/// user agent) and <c>X-Hub-Signature-256</c> signed with the secret, as the receiver checks it.
/// </summary>
public static class SignedDelivery
{
    /// <summary>
    /// A delivery of <paramref name="payload"/>, written with its generated JSON writer (payload models have one with
    /// <c>Writers="all"</c> or <c>Simulator="true"</c>).
    /// </summary>
    /// <param name="event">The <c>X-GitHub-Event</c>, e.g. <c>workflow_job</c>.</param>
    /// <param name="payload">The payload model.</param>
    /// <param name="secret">The webhook's secret; null sends the delivery unsigned.</param>
    /// <param name="target">Where it goes (the receiver's route), relative to the <see cref="HttpClient"/>'s base address or absolute.</param>
    /// <param name="deliveryId">The <c>X-GitHub-Delivery</c>; a new GUID when null (the same id again is a redelivery).</param>
    public static HttpRequestMessage Create<T>(string @event, T payload, string? secret, Uri target, string? deliveryId = null)
        where T : IJsonModel<T> =>
        Create(@event, ActionsJson.SerializeToUtf8Bytes(payload), secret, target, deliveryId);

    /// <summary>A delivery of a payload given as UTF-8 JSON.</summary>
    public static HttpRequestMessage Create(string @event, ReadOnlyMemory<byte> utf8Json, string? secret, Uri target, string? deliveryId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@event);
        ArgumentNullException.ThrowIfNull(target);
        var body = utf8Json.ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-ID", "1");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "repository");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-ID", 1.ToString(CultureInfo.InvariantCulture));
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/actionsgen");
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, secret));
        }

        return request;
    }
}
