using System;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>What became of a delivery: the <c>actionsgen.webhook.outcome</c> tag.</summary>
public enum WebhookOutcome
{
    /// <summary>Dispatched to the method of its event and action (200).</summary>
    Dispatched,

    /// <summary>An event or action the spec does not list: dispatched to <c>OnUnknownAsync</c> and acknowledged (200).</summary>
    Unknown,

    /// <summary>A delivery id already dispatched within the redelivery window: acknowledged, not dispatched again (200).</summary>
    Redelivery,

    /// <summary>No signature, or one made with none of the secrets (401): never dispatched.</summary>
    Unauthorized,

    /// <summary>A body over <see cref="WebhookReceiverOptions.MaxBodyBytes"/> (413): not read, not dispatched.</summary>
    TooLarge,

    /// <summary>No event header, or a payload that is not a JSON object or does not fit its model (400).</summary>
    Malformed,

    /// <summary>The handler threw (500, with no detail in the body); the exception is in <see cref="WebhookResult.Exception"/>.</summary>
    Failed,
}

/// <summary>The answer to one delivery: the HTTP status to send, the outcome, and what was read of it.</summary>
public sealed class WebhookResult
{
    internal WebhookResult(WebhookOutcome outcome, WebhookDelivery? delivery = null, Exception? exception = null, string? reason = null)
    {
        Outcome = outcome;
        Delivery = delivery;
        Exception = exception;
        Reason = reason;
    }

    /// <summary>What became of the delivery.</summary>
    public WebhookOutcome Outcome { get; }

    /// <summary>The HTTP status to answer with: 200, 400, 401, 413 or 500.</summary>
    public int StatusCode => Outcome switch
    {
        WebhookOutcome.Unauthorized => 401,
        WebhookOutcome.TooLarge => 413,
        WebhookOutcome.Malformed => 400,
        WebhookOutcome.Failed => 500,
        _ => 200,
    };

    /// <summary>The delivery, once it was authenticated and read.</summary>
    public WebhookDelivery? Delivery { get; }

    /// <summary>What the handler threw (<see cref="WebhookOutcome.Failed"/>), or why the payload could not be read.</summary>
    public Exception? Exception { get; }

    /// <summary>Why a delivery was refused, for logs (never secrets or payload content).</summary>
    public string? Reason { get; }
}
