namespace ActionsGen.Generator.Model;

/// <summary>
/// The webhooks of one spec (<c>x-webhooks</c>): the handler class with one method per webhook, its dispatch table, and
/// the names of the ASP.NET Core registration, all chosen by <see cref="Naming.WebhookNames"/>.
/// </summary>
/// <param name="HandlerName">The handler base class, e.g. <c>ActionsWebhookHandler</c>.</param>
/// <param name="ExtensionsName">The static class of the ASP.NET Core extensions, e.g. <c>ActionsWebhookExtensions</c>.</param>
/// <param name="AddMethod">The <c>IServiceCollection</c> extension, e.g. <c>AddActionsWebhookHandler</c>.</param>
/// <param name="MapMethod">The <c>IEndpointRouteBuilder</c> extension, e.g. <c>MapActionsWebhooks</c>.</param>
internal sealed record WebhooksModel(
    string Namespace,
    string HandlerName,
    string ExtensionsName,
    string AddMethod,
    string MapMethod,
    string? Title,
    EquatableArray<WebhookModel> Webhooks);

/// <summary>How a handler method receives its payload.</summary>
internal enum WebhookPayloadKind
{
    /// <summary>A generated type (object or union), read with the drift-tolerant reader.</summary>
    Model,

    /// <summary>Raw JSON (<c>JsonElement</c>): the spec gives no usable schema for the payload.</summary>
    Raw,
}

/// <summary>
/// One webhook: its spec name, the <c>X-GitHub-Event</c> value and payload <c>action</c>s it is dispatched for (none: any
/// action of the event that no other webhook names), the handler method (without <c>Async</c>) and the payload type.
/// </summary>
internal sealed record WebhookModel(
    string Name,
    string OperationId,
    string Event,
    EquatableArray<string> Actions,
    string Method,
    WebhookPayloadKind PayloadKind,
    TypeRef Payload,
    string? Summary,
    string? Description);
