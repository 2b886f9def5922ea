using System;
using System.Collections.Generic;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>How a receiver checks and reads deliveries. Read on every delivery, so a rotated secret applies at once.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>GitHub's cap on a delivery's payload: 25 MB.</summary>
    public const long DefaultMaxBodyBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The webhook secrets a delivery may be signed with (<c>X-Hub-Signature-256</c>); several while a secret is being
    /// rotated. A delivery signed with none of them is refused (401) and never dispatched.
    /// </summary>
    public IList<string> Secrets { get; set; } = new List<string>();

    /// <summary>
    /// Dispatch deliveries without checking a signature. Only when <see cref="Secrets"/> is empty; without it, a
    /// receiver with no secret refuses to start. For tests and hooks behind something else that authenticates them.
    /// </summary>
    public bool AllowUnsignedDeliveries { get; set; }

    /// <summary>The largest body accepted (default 25 MB): a larger one is refused (413) without being read.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How long a delivery id (<c>X-GitHub-Delivery</c>) is remembered (default 24 hours): a redelivery within it is
    /// acknowledged and not dispatched again. <see cref="TimeSpan.Zero"/> turns this off.
    /// </summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many delivery ids are remembered at most (default 100,000): the oldest go first.</summary>
    public int RedeliveryCapacity { get; set; } = 100_000;

    /// <summary>
    /// Refuse a payload that drifts from its description (400) instead of reading past the drift. Off by default:
    /// payloads drift more than responses, and each deviation is reported either way (the
    /// <c>actionsgen.response.deviation</c> activity event, the <c>actionsgen.response.deviations</c> counter tagged
    /// with the webhook's operationId, and <see cref="OnPayloadDeviations"/>).
    /// </summary>
    public bool StrictPayloads { get; set; }

    /// <summary>Called with what drifted in a payload that was read past. Runs before the handler method: keep it short, and do not throw.</summary>
    public Action<WebhookDelivery, Serialization.JsonDeviationReport>? OnPayloadDeviations { get; set; }

    /// <summary>Throws unless a delivery can be authenticated: a secret, or unsigned deliveries explicitly allowed.</summary>
    internal void ThrowIfUnsafe()
    {
        if (!HasSecret && !AllowUnsignedDeliveries)
        {
            throw new InvalidOperationException(
                "A webhook receiver needs the webhook's secret (WebhookReceiverOptions.Secrets) to check X-Hub-Signature-256; without one anyone could post deliveries. Set AllowUnsignedDeliveries = true to receive unsigned deliveries anyway.");
        }

        if (MaxBodyBytes <= 0)
        {
            throw new InvalidOperationException("WebhookReceiverOptions.MaxBodyBytes must be positive.");
        }
    }

    internal bool HasSecret
    {
        get
        {
            foreach (var secret in Secrets ?? Array.Empty<string>())
            {
                if (!string.IsNullOrEmpty(secret))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
