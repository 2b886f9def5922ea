using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// The base of every generated webhook handler (<c>ActionsWebhookHandler</c> for the built-in spec): the generated
/// class has one virtual <c>On…Async</c> method per webhook of the spec and implements <see cref="DispatchAsync"/>, a
/// table from event and action to those methods. Deliveries no method is for go to <see cref="OnUnknownAsync"/>.
/// </summary>
public abstract class WebhookHandler
{
    /// <summary>
    /// A delivery whose event or action the spec does not list (a new action GitHub added, an event the hook sends
    /// that this spec leaves out). Acknowledged either way; by default nothing else happens.
    /// </summary>
    public virtual Task OnUnknownAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the payload and calls the method of its event and action (or <see cref="OnUnknownAsync"/>).</summary>
    /// <exception cref="WebhookFormatException">The payload does not fit its model at all (or, strict, drifts).</exception>
    public abstract Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>For the generated dispatch: a delivery no method is for.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task Unknown(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(delivery);
        delivery.IsUnknown = true;
        return OnUnknownAsync(delivery, cancellationToken);
    }

    /// <summary>For the generated dispatch: the payload as its model, read past drift (reported under <paramref name="webhook"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static T Payload<T>(WebhookDelivery delivery, string webhook) where T : IJsonModel<T>
    {
        System.ArgumentNullException.ThrowIfNull(delivery);
        return delivery.ReadPayload<T>(webhook);
    }

    /// <summary>For the generated dispatch: the payload of a webhook the spec gives no model for.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static JsonElement RawPayload(WebhookDelivery delivery)
    {
        System.ArgumentNullException.ThrowIfNull(delivery);
        return delivery.ReadPayloadElement();
    }
}
