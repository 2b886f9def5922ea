using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits a spec's webhook handler: an abstract class over the runtime's <c>WebhookHandler</c> with one virtual
/// <c>On…Async(payload, delivery, cancellationToken)</c> per webhook (doing nothing unless overridden), and
/// <c>DispatchAsync</c>, a switch on the event and then the payload's action that reads the payload as its model and
/// calls the method; anything the spec does not list goes to <c>OnUnknownAsync</c>.
/// </summary>
internal static class WebhookEmitter
{
    private const string Handler = Aliases.Webhooks + "WebhookHandler";
    private const string Delivery = Aliases.Webhooks + "WebhookDelivery";
    private const string Cancellation = Aliases.Threading + "CancellationToken";

    public static string Emit(WebhooksModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.DocComment(
            "Receives the webhooks of " + (model.Title ?? "the spec") + ": override the method of each webhook you handle; a delivery of any other is acknowledged and does nothing.",
            $"In ASP.NET Core: services.{model.AddMethod}<THandler>() and app.{model.MapMethod}(pattern, secret). Elsewhere (a queue, a function): check the signature with WebhookSignature.Verify, read the delivery with WebhookDelivery.Read and call DispatchAsync. Payloads are read past drift from the description; each deviation is reported.");
        using (w.Block($"public abstract partial class {model.HandlerName} : {Handler}"))
        {
            foreach (var webhook in model.Webhooks)
            {
                Method(w, webhook);
            }

            Dispatch(w, model);
        }

        w.FileFooter();
        return w.ToString();
    }

    private static void Method(SourceWriter w, WebhookModel webhook)
    {
        var on = webhook.Actions.Length == 0
            ? $"Called for each '{webhook.Event}' delivery" + (webhook.PayloadKind == WebhookPayloadKind.Raw ? "; the spec gives no model for its payload." : ".")
            : $"Called for each '{webhook.Event}' delivery with the action " + string.Join(" or ", webhook.Actions.Select(a => "'" + a + "'")) + ".";
        w.DocComment(webhook.Description ?? webhook.Summary ?? on, webhook.Description is null ? on : webhook.Summary + "\n\n" + on);
        w.DocElement("param", "The payload, read with the drift-tolerant reader.", " name=\"" + WebhookNames.PayloadParameter + "\"");
        w.DocElement("param", "The delivery: event, action, ids, headers and the raw body.", " name=\"" + WebhookNames.DeliveryParameter + "\"");
        w.DocElement("param", "Cancelled when the request is aborted.", " name=\"" + WebhookNames.CancellationParameter + "\"");
        w.Line($"public virtual {TypeNames.Task} {WebhookNames.Async(webhook.Method)}({PayloadType(webhook)} {WebhookNames.PayloadParameter}, {Delivery} {WebhookNames.DeliveryParameter}, {Cancellation} {WebhookNames.CancellationParameter}) => {TypeNames.Task}.CompletedTask;");
        w.Line();
    }

    private static void Dispatch(SourceWriter w, WebhooksModel model)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"public override {TypeNames.Task} {WebhookNames.Dispatch}({Delivery} {WebhookNames.DeliveryParameter}, {Cancellation} {WebhookNames.CancellationParameter})"))
        {
            w.Line($"if ({WebhookNames.DeliveryParameter} is null) throw new {TypeNames.ArgumentNull}(nameof({WebhookNames.DeliveryParameter}));");
            using (w.Block($"switch ({WebhookNames.DeliveryParameter}.Event)"))
            {
                foreach (var group in model.Webhooks.GroupBy(h => h.Event, System.StringComparer.Ordinal).OrderBy(g => g.Key, System.StringComparer.Ordinal))
                {
                    w.Line($"case {SourceWriter.Literal(group.Key)}:");
                    w.Indent();
                    var byAction = group.Where(h => h.Actions.Length > 0).ToList();
                    if (byAction.Count > 0)
                    {
                        using (w.Block($"switch ({WebhookNames.DeliveryParameter}.Action)"))
                        {
                            foreach (var webhook in byAction)
                            {
                                foreach (var action in webhook.Actions)
                                {
                                    w.Line($"case {SourceWriter.Literal(action)}:");
                                }

                                w.Line($"    return {Call(webhook)};");
                            }
                        }
                    }

                    // The event's webhook without an action takes the actions no other names; else they are unknown.
                    w.Line(group.FirstOrDefault(h => h.Actions.Length == 0) is { } any ? $"return {Call(any)};" : "break;");
                    w.Unindent();
                }
            }

            w.Line($"return {WebhookNames.DispatchUnknown}({WebhookNames.DeliveryParameter}, {WebhookNames.CancellationParameter});");
        }
    }

    private static string Call(WebhookModel webhook)
    {
        var payload = webhook.PayloadKind == WebhookPayloadKind.Model
            ? $"{WebhookNames.ReadPayload}<{TypeNames.Of(webhook.Payload, nullable: false)}>({WebhookNames.DeliveryParameter}, {SourceWriter.Literal(webhook.OperationId)})"
            : $"{WebhookNames.ReadRawPayload}({WebhookNames.DeliveryParameter})";
        return $"{WebhookNames.Async(webhook.Method)}({payload}, {WebhookNames.DeliveryParameter}, {WebhookNames.CancellationParameter})";
    }

    private static string PayloadType(WebhookModel webhook) =>
        webhook.PayloadKind == WebhookPayloadKind.Model ? TypeNames.Of(webhook.Payload, nullable: false) : TypeNames.Element;
}
