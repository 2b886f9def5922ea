using System.Linq;
using ActionsGen.Generator.Model;
using ActionsGen.Generator.Naming;

namespace ActionsGen.Generator.Emitting;

/// <summary>What the registration needs of a client: its names and its groups' interfaces (so an operation edit leaves it cached).</summary>
internal sealed record DependencyInjectionModel(string Namespace, string ClientName, EquatableArray<DependencyInjectionGroup> Groups)
{
    public static DependencyInjectionModel From(ClientModel client) => new(
        client.Namespace,
        client.ClientName,
        client.Groups.Select(g => new DependencyInjectionGroup(g.InterfaceName, g.PropertyName)).ToEquatableArray());
}

/// <summary>One group: the interface registered and the root client's property that provides it.</summary>
internal sealed record DependencyInjectionGroup(string InterfaceName, string PropertyName);

/// <summary>
/// Emits <c>services.Add{ClientName}(configure)</c> for consumers that reference Microsoft.Extensions.Http: the root
/// client as a typed client of IHttpClientFactory over <c>ActionsClientOptions.CreateHttpHandler()</c>, its options
/// as named options (one instance per container, so every client instance shares its rate-limit window, write gate
/// and ETag cache), and each group interface, resolved through the root client.
/// </summary>
internal static class DependencyInjectionEmitter
{
    private const string Options = "global::ActionsGen.Runtime.ActionsClientOptions";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Provider = "global::System.IServiceProvider";
    private const string GetRequired = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";

    public static string Emit(DependencyInjectionModel model)
    {
        var client = TypeNames.Qualified(model.Namespace, model.ClientName);
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.DocComment($"Registers {model.ClientName} with IHttpClientFactory.");
        using (w.Block($"public static partial class {GeneratorTypeNames.Registration(model.ClientName)}"))
        {
            w.DocComment(
                $"Adds {model.ClientName} as a typed client (primary handler: ActionsClientOptions.CreateHttpHandler()) and each group interface, resolved through it.",
                "The options are configured once per container and shared by every client instance; their state (rate-limit window, tokens, conditional-request cache) outlives an options reload, and a registered IDistributedCache becomes their SharedCache unless one is set. Returns the client's IHttpClientBuilder, to add handlers of your own.");
            w.DocElement("param", "The service collection.", " name=\"services\"");
            w.DocElement("param", "Sets the options: base address, token or GitHub App (UseGitHubApp), retries, rate-limit wait.", " name=\"configure\"");
            using (w.Block($"public static {Builder} {GeneratorTypeNames.RegistrationMethod(model.ClientName)}(this {Services} services, global::System.Action<{Options}> configure)"))
            {
                w.Line("if (services is null) throw new global::System.ArgumentNullException(nameof(services));");
                w.Line("if (configure is null) throw new global::System.ArgumentNullException(nameof(configure));");
                w.Line($"var name = typeof({client}).FullName!;");
                // One state for the registration: options reloaded from configuration keep the rate-limit window and tokens.
                w.Line("var state = new global::ActionsGen.Runtime.ActionsClientState();");
                w.Line($"global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<{Options}>(services, name).Configure(configure).PostConfigure<{Provider}>((options, provider) => state.Attach(options, provider));");
                w.Line($"var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{client}, {client}>(");
                w.Indent();
                w.Line("services,");
                w.Line($"(global::System.Net.Http.HttpClient http, {Provider} provider) => new {client}(http, {GetRequired}<global::Microsoft.Extensions.Options.IOptionsMonitor<{Options}>>(provider).Get(name)));");
                w.Unindent();
                w.Line($"global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, () => {Options}.CreateHttpHandler());");
                foreach (var group in model.Groups)
                {
                    var type = TypeNames.Qualified(model.Namespace, group.InterfaceName);
                    w.Line($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<{type}>(services, provider => {GetRequired}<{client}>(provider).{group.PropertyName});");
                }

                w.Line("return builder;");
            }
        }

        w.FileFooter();
        return w.ToString();
    }
}
