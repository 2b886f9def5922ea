using System;
using System.Linq;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// Every name the generator invents for webhooks. The prefix is the client name without its <c>Client</c> suffix
/// (<c>ActionsClient</c> → <c>Actions</c>): the handler is <c>{Prefix}WebhookHandler</c>, its methods
/// <c>On{Webhook}Async</c> from the webhook's operationId (or its name when it has none:
/// <c>workflow-job/completed</c> → <c>OnWorkflowJobCompletedAsync</c>), and the ASP.NET Core extensions
/// <c>Add{Prefix}WebhookHandler</c> and <c>Map{Prefix}Webhooks</c> in <c>{Prefix}WebhookExtensions</c>. An inline payload
/// schema's type is named <c>Webhook{Name}</c>, as GitHub names its payload components.
/// </summary>
internal static class WebhookNames
{
    private const string ClientSuffix = "Client";

    /// <summary>The base class method for events and actions the spec does not list (declared by the runtime's <c>WebhookHandler</c>).</summary>
    public const string Unknown = "OnUnknownAsync";

    /// <summary>The dispatch method the generated handler implements.</summary>
    public const string Dispatch = "DispatchAsync";

    /// <summary>The runtime base class's helpers the dispatch table calls.</summary>
    public const string ReadPayload = "Payload";
    public const string ReadRawPayload = "RawPayload";
    public const string DispatchUnknown = "Unknown";

    /// <summary>The parameters of every handler method.</summary>
    public const string PayloadParameter = "payload";
    public const string DeliveryParameter = "delivery";
    public const string CancellationParameter = "cancellationToken";

    private static readonly string[] HandlerMembers = { Unknown, Dispatch, ReadPayload, ReadRawPayload, DispatchUnknown };

    public static string Prefix(string clientName) =>
        clientName.Length > ClientSuffix.Length && clientName.EndsWith(ClientSuffix, StringComparison.Ordinal)
            ? clientName.Substring(0, clientName.Length - ClientSuffix.Length)
            : clientName;

    public static string Handler(string prefix) => prefix + "WebhookHandler";

    public static string Extensions(string prefix) => prefix + "WebhookExtensions";

    public static string AddHandler(string handlerName) => "Add" + handlerName;

    public static string Map(string prefix) => "Map" + prefix + "Webhooks";

    /// <summary>The member names of a handler: the runtime base class's and the handler's own name are taken.</summary>
    public static Identifiers.Scope HandlerScope(string handlerName) => MemberNames.Scope(HandlerMembers.Concat(new[] { handlerName }));

    /// <summary>A handler method's name without <c>Async</c>, from the webhook's operationId or name.</summary>
    public static string Method(string operationIdOrName) => "On" + Identifiers.Pascal(operationIdOrName);

    public static string Async(string method) => method + "Async";

    /// <summary>Claims a method name together with its <c>…Async</c> spelling, which is what must be free.</summary>
    public static string ClaimMethod(Identifiers.Scope scope, string candidate) => scope.ClaimWith(candidate, name => new[] { Async(name) });

    /// <summary>The type name of an inline payload schema.</summary>
    public static string PayloadContext(string webhookName)
    {
        var name = Identifiers.Pascal(webhookName);
        return name.StartsWith("Webhook", StringComparison.Ordinal) ? name : "Webhook" + name;
    }

    /// <summary>A GitHub event or action from a kebab-case spec name: <c>workflow-job</c> → <c>workflow_job</c>.</summary>
    public static string Snake(string kebab) => kebab.Trim().Replace('-', '_');
}
