namespace ActionsGen.Generator;

/// <summary>Names of the pipeline steps, shared with the tests that assert each step is cached.</summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Parse = nameof(Parse);
    public const string NamespaceOwners = nameof(NamespaceOwners);
    public const string Accepted = nameof(Accepted);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Types = nameof(Types);
    public const string Resolver = nameof(Resolver);
    public const string Client = nameof(Client);
    public const string ClientGroups = nameof(ClientGroups);
    public const string DependencyInjection = nameof(DependencyInjection);
    public const string AspNetCore = nameof(AspNetCore);
    public const string WebhookSpecFiles = nameof(WebhookSpecFiles);
    public const string Webhooks = nameof(Webhooks);
    public const string WebhookReceiver = nameof(WebhookReceiver);
    public const string Simulator = nameof(Simulator);
    public const string ClientAssemblyCheck = nameof(ClientAssemblyCheck);
}
