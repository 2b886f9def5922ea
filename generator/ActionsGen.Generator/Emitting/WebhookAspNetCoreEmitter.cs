using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Emitting;

/// <summary>
/// Emits the ASP.NET Core side of a spec's webhooks, for consumers that reference ASP.NET Core (as the DI registration
/// is for Microsoft.Extensions.Http): <c>services.Add{Prefix}WebhookHandler&lt;THandler&gt;()</c> registers the handler
/// (scoped) and the receiver's named options; <c>app.Map{Prefix}Webhooks(pattern …)</c> maps a POST endpoint over the
/// runtime's <c>WebhookReceiver</c> and returns the <c>IEndpointConventionBuilder</c>. The endpoint only adapts
/// HttpContext to the receiver; every rule (signature, limit, redelivery, status codes) is the runtime's.
/// </summary>
internal static class WebhookAspNetCoreEmitter
{
    private const string Options = "global::ActionsGen.Runtime.Webhooks.WebhookReceiverOptions";
    private const string Receiver = "global::ActionsGen.Runtime.Webhooks.WebhookReceiver";
    private const string Outcome = "global::ActionsGen.Runtime.Webhooks.WebhookOutcome";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Endpoints = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    private const string Convention = "global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder";
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string Logger = "global::Microsoft.Extensions.Logging.ILogger";
    private const string LoggerExtensions = "global::Microsoft.Extensions.Logging.LoggerExtensions";
    private const string GetRequired = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";
    private const string Func = "global::System.Func";
    private const string Action = "global::System.Action";
    private const string Header = "global::System.Collections.Generic.KeyValuePair<string, string>";

    public static string Emit(WebhooksModel model)
    {
        var handler = TypeNames.Qualified(model.Namespace, model.HandlerName);
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.DocComment($"Receives GitHub's webhook deliveries in ASP.NET Core with {model.HandlerName}.");
        using (w.Block($"public static partial class {model.ExtensionsName}"))
        {
            AddHandler(w, model, handler);
            MapOverloads(w, model, handler);
            Map(w, model, handler);
            Receive(w, handler);
        }

        w.FileFooter();
        return w.ToString();
    }

    private static void AddHandler(SourceWriter w, WebhooksModel model, string handler)
    {
        w.DocComment(
            $"Registers THandler (scoped, so it may take scoped services) as the {model.HandlerName} that {model.MapMethod} dispatches to, and the receiver's options.",
            $"The options configured here (or bound from configuration as named options \"{model.Namespace}.{model.HandlerName}\") serve {model.MapMethod}(pattern), which reads them on every delivery: a rotated secret applies without a restart.");
        w.DocElement("param", "The service collection.", " name=\"services\"");
        w.DocElement("param", "Sets the receiver's options: secrets, body limit, redelivery window.", " name=\"configure\"");
        using (w.Block($"public static {Services} {model.AddMethod}<THandler>(this {Services} services, {Action}<{Options}>? configure = null) where THandler : {handler}"))
        {
            w.Line("if (services is null) throw new global::System.ArgumentNullException(nameof(services));");
            w.Line("global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<THandler>(services);");
            w.Line($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<{handler}>(services, provider => {GetRequired}<THandler>(provider));");
            w.Line($"var options = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<{Options}>(services, typeof({handler}).FullName!);");
            w.Line("if (configure is not null) options.Configure(configure);");
            w.Line("return services;");
        }

        w.Line();
    }

    private static void MapOverloads(SourceWriter w, WebhooksModel model, string handler)
    {
        w.DocComment(
            $"Maps POST pattern to the registered {model.HandlerName}, with the options {model.AddMethod} configured, read on every delivery (a rotated secret applies without a restart).",
            "Throws at startup when no secret is configured and unsigned deliveries are not explicitly allowed.");
        w.DocElement("param", "The endpoints (the WebApplication).", " name=\"endpoints\"");
        w.DocElement("param", "The route, e.g. \"/github/webhooks\".", " name=\"pattern\"");
        using (w.Block($"public static {Convention} {model.MapMethod}(this {Endpoints} endpoints, string pattern)"))
        {
            w.Line("if (endpoints is null) throw new global::System.ArgumentNullException(nameof(endpoints));");
            w.Line($"var monitor = {GetRequired}<global::Microsoft.Extensions.Options.IOptionsMonitor<{Options}>>(endpoints.ServiceProvider);");
            w.Line($"var name = typeof({handler}).FullName!;");
            w.Line("return Map(endpoints, pattern, () => monitor.Get(name));");
        }

        w.Line();
        w.DocComment($"Maps POST pattern to the registered {model.HandlerName}, accepting deliveries signed with secret.");
        w.DocElement("param", "The endpoints (the WebApplication).", " name=\"endpoints\"");
        w.DocElement("param", "The route, e.g. \"/github/webhooks\".", " name=\"pattern\"");
        w.DocElement("param", "The webhook's secret.", " name=\"secret\"");
        w.Line($"public static {Convention} {model.MapMethod}(this {Endpoints} endpoints, string pattern, string secret) =>");
        w.Line($"    {model.MapMethod}(endpoints, pattern, options => options.Secrets = new global::System.Collections.Generic.List<string> {{ secret }});");
        w.Line();
        w.DocComment(
            $"Maps POST pattern to the registered {model.HandlerName} with options of its own: several secrets (rotation), body limit, redelivery window.",
            "Throws at startup when no secret is configured and unsigned deliveries are not explicitly allowed.");
        w.DocElement("param", "The endpoints (the WebApplication).", " name=\"endpoints\"");
        w.DocElement("param", "The route, e.g. \"/github/webhooks\".", " name=\"pattern\"");
        w.DocElement("param", "Sets the options, starting from the defaults.", " name=\"configure\"");
        using (w.Block($"public static {Convention} {model.MapMethod}(this {Endpoints} endpoints, string pattern, {Action}<{Options}> configure)"))
        {
            w.Line("if (configure is null) throw new global::System.ArgumentNullException(nameof(configure));");
            w.Line($"var options = new {Options}();");
            w.Line("configure(options);");
            w.Line("return Map(endpoints, pattern, () => options);");
        }

        w.Line();
    }

    private static void Map(SourceWriter w, WebhooksModel model, string handler)
    {
        using (w.Block($"private static {Convention} Map({Endpoints} endpoints, string pattern, {Func}<{Options}> options)"))
        {
            w.Line("if (endpoints is null) throw new global::System.ArgumentNullException(nameof(endpoints));");
            w.Line("if (pattern is null) throw new global::System.ArgumentNullException(nameof(pattern));");
            w.Line($"if (endpoints.ServiceProvider.GetService(typeof(global::Microsoft.Extensions.DependencyInjection.IServiceProviderIsService)) is global::Microsoft.Extensions.DependencyInjection.IServiceProviderIsService registered && !registered.IsService(typeof({handler})))");
            w.Line($"    throw new global::System.InvalidOperationException(\"No {model.HandlerName} is registered: call services.{model.AddMethod}<THandler>() first.\");");
            w.Line($"var receiver = new {Receiver}(options);");
            w.Line($"var logger = endpoints.ServiceProvider.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) is global::Microsoft.Extensions.Logging.ILoggerFactory factory ? factory.CreateLogger(typeof({handler}).FullName!) : global::Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;");
            w.Line("return global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(endpoints, pattern, context => ReceiveAsync(context, receiver, options, logger));");
        }

        w.Line();
    }

    private static void Receive(SourceWriter w, string handler)
    {
        using (w.Block($"private static async global::System.Threading.Tasks.Task ReceiveAsync({HttpContext} context, {Receiver} receiver, {Func}<{Options}> options, {Logger} logger)"))
        {
            // The receiver stops reading one byte past the limit: the server must not refuse first with an exception.
            w.Line("if (context.Features.Get<global::Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options().MaxBodyBytes + 1;");
            w.Line($"var headers = new global::System.Collections.Generic.List<{Header}>(context.Request.Headers.Count);");
            w.Line($"foreach (var header in context.Request.Headers) headers.Add(new {Header}(header.Key, header.Value.ToString()));");
            w.Line($"var result = await receiver.ReceiveAsync(headers, context.Request.Body, () => {GetRequired}<{handler}>(context.RequestServices), context.RequestAborted).ConfigureAwait(false);");
            w.Line($"if (result.Outcome == {Outcome}.Failed)");
            w.Line($"    {LoggerExtensions}.LogError(logger, result.Exception, \"The webhook handler failed on {{Event}} delivery {{DeliveryId}}\", result.Delivery?.ToString(), result.Delivery?.DeliveryId);");
            w.Line("else if (result.StatusCode >= 400)");
            w.Line($"    {LoggerExtensions}.LogInformation(logger, \"Webhook delivery refused with {{StatusCode}}: {{Reason}}\", result.StatusCode, result.Reason);");
            w.Line("context.Response.StatusCode = result.StatusCode;");
            using (w.Block("if (result.Outcome == " + Outcome + ".TooLarge)"))
            {
                // The rest of the body is never read: the response goes out now and the connection closes after it.
                w.Line("context.Response.Headers[\"Connection\"] = \"close\";");
                w.Line("await context.Response.CompleteAsync().ConfigureAwait(false);");
            }
        }
    }
}
