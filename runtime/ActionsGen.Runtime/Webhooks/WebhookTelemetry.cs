using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActionsGen.Runtime.Webhooks;

/// <summary>
/// What a receiver reports, on the same ActivitySource and Meter as the client (<c>ActionsGen</c>): one activity per
/// delivery (tags <c>github.event</c>, <c>github.action</c>, <c>github.delivery_id</c>, <c>github.hook_id</c>,
/// <c>actionsgen.webhook.outcome</c>) and a counter of deliveries by outcome and event. Event, action and ids are tagged
/// only once the signature is checked. Payload drift is reported as for responses, under the webhook's operationId.
/// </summary>
public static class WebhookTelemetry
{
    /// <summary>The activity of one delivery.</summary>
    public const string ActivityName = "actionsgen.webhook";

    /// <summary>Counter: deliveries by outcome (tags <c>actionsgen.webhook.outcome</c>, and <c>github.event</c> once authenticated).</summary>
    public const string Deliveries = "actionsgen.webhook.deliveries";

    private static readonly Meter Meter = new(Telemetry.ActionsTelemetry.Name, typeof(WebhookTelemetry).Assembly.GetName().Version?.ToString(3));
    private static readonly Counter<long> DeliveryCounter = Meter.CreateCounter<long>(Deliveries, "{delivery}", "Webhook deliveries received, by outcome.");

    internal static Activity? Start() => Telemetry.ActionsTelemetry.Source.StartActivity(ActivityName, ActivityKind.Internal);

    internal static void Delivery(Activity? activity, WebhookDelivery delivery)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.DisplayName = ActivityName + " " + delivery;
        activity.SetTag("github.event", delivery.Event);
        activity.SetTag("github.action", delivery.Action);
        activity.SetTag("github.delivery_id", delivery.DeliveryId);
        activity.SetTag("github.hook_id", delivery.HookId);
    }

    internal static void Outcome(Activity? activity, WebhookResult result)
    {
        var outcome = OutcomeName(result.Outcome);
        var tags = new TagList { { "actionsgen.webhook.outcome", outcome } };
        if (result.Delivery is { } delivery)
        {
            tags.Add("github.event", delivery.Event);
        }

        DeliveryCounter.Add(1, tags);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("actionsgen.webhook.outcome", outcome);
        activity.SetTag("http.response.status_code", result.StatusCode);
        if (result.Outcome == WebhookOutcome.Failed)
        {
            activity.SetTag("error.type", result.Exception?.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, "the handler failed");
        }
    }

    /// <summary>The tag value of <paramref name="outcome"/>: <c>dispatched</c>, <c>unknown</c>, <c>redelivery</c>, <c>unauthorized</c>, <c>too_large</c>, <c>malformed</c> or <c>failed</c>.</summary>
    public static string OutcomeName(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Dispatched => "dispatched",
        WebhookOutcome.Unknown => "unknown",
        WebhookOutcome.Redelivery => "redelivery",
        WebhookOutcome.Unauthorized => "unauthorized",
        WebhookOutcome.TooLarge => "too_large",
        WebhookOutcome.Malformed => "malformed",
        _ => "failed",
    };
}
