using Microsoft.CodeAnalysis;

namespace ActionsGen.Generator.Diagnostics;

/// <summary>Every diagnostic ActionsGen reports. The README's diagnostics table explains each id and how to fix it.</summary>
internal static class Descriptors
{
    private const string Category = "ActionsGen";
    private const string HelpLink = "https://github.com/actionsgen/actionsgen#diagnostics";

    public static readonly DiagnosticDescriptor SpecSyntaxError = Create(
        "ACTG001", "Spec is not valid YAML or JSON", "The spec '{0}' cannot be read: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "ACTG002", "Spec is not an OpenAPI 3.0 document", "The spec '{0}' is not an OpenAPI 3.0 document: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOpenApi = Create(
        "ACTG003", "Spec is not valid OpenAPI", "The spec '{0}' is not valid OpenAPI: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "ACTG004", "Reference does not resolve", "The reference '{0}' does not point to anything in the spec; the value is kept as raw JSON (JsonElement)", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "ACTG005", "Schema construct not supported", "The schema at '{0}' uses {1}, which ActionsGen does not support; the value is kept as raw JSON (JsonElement)", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSchema = Create(
        "ACTG006", "Schema is not usable", "The schema at '{0}' is not usable: {1}; the value is kept as raw JSON (JsonElement)", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        "ACTG007", "Namespace is not valid", "'{0}' is not a valid C# namespace for the code generated from '{1}'", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidClientName = Create(
        "ACTG008", "Client name is not valid", "'{0}' cannot be the class name of the client generated from '{1}': {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UndeclaredPathParameter = Create(
        "ACTG009", "Path parameter is not declared", "The path '{0}' uses '{{{1}}}', which operation '{2}' does not declare as a path parameter; the operation is skipped", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateOutput = Create(
        "ACTG010", "Two specs generate into one namespace", "Another spec already generates into the namespace '{0}', or into one that differs from it only in case: give '{1}' a namespace of its own (the Namespace metadata of its ActionsGenSpec item)", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PartSkipped = Create(
        "ACTG011", "Part of the spec is not usable", "{0}: {1}; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "ACTG012", "External reference", "The reference '{0}' points outside this document; ActionsGen never reads other files or the network, so {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedParameterLocation = Create(
        "ACTG013", "Parameter location not supported", "The parameter '{0}' of operation '{1}' is in '{2}', which ActionsGen does not send; the method has no parameter for it", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AllOfConflict = Create(
        "ACTG014", "allOf parts disagree", "The schema at '{0}' combines parts that define the property '{1}' differently ({2}); the first definition is used", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "ACTG015", "Operation filter matches nothing", "The {0} entry '{1}' of '{2}' matches no operation", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SchemasNotUsed = Create(
        "ACTG016", "Schemas no operation uses are not generated", "{0} component schemas are used by no generated operation and were not generated ({1}); Schemas=\"all\" on the ActionsGenSpec item generates every one", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnionBranchIsItself = Create(
        "ACTG017", "Union branch is the union itself", "The branch at '{0}' is the union '{1}' itself, which cannot be a case of itself; the branch is left out", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedMapping = Create(
        "ACTG018", "Discriminator mapping does not resolve", "The discriminator mapping of '{0}' maps '{1}' to '{2}', which is no schema in the spec; the entry is ignored", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor WebhookNotUsable = Create(
        "ACTG030", "Webhook is not fully usable", "The webhook '{0}' {1}; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WebhookFilterMatchesNothing = Create(
        "ACTG031", "Webhooks filter matches nothing", "The Webhooks entry '{0}' of '{1}' matches no webhook", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExtendsClientAssemblyType = Create(
        "ACTG040", "Declaration extends a type of the client assembly", "'{0}' is generated into the client assembly '{1}' (ActionsGenClientAssembly, on by default in applications and test projects), so a declaration in this project cannot extend it: set <ActionsGenClientAssembly>false</ActionsGenClientAssembly> in the project to extend generated types with partial declarations", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "ACTG099", "ActionsGen failed unexpectedly", "ActionsGen failed while processing '{0}': {1}. This is a bug in ActionsGen; please report it with the spec that causes it.", DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink);

    public static DiagnosticDescriptor Find(string id) => id switch
    {
        "ACTG001" => SpecSyntaxError,
        "ACTG002" => NotOpenApi,
        "ACTG003" => InvalidOpenApi,
        "ACTG004" => UnresolvedReference,
        "ACTG005" => UnsupportedSchema,
        "ACTG006" => InvalidSchema,
        "ACTG007" => InvalidNamespace,
        "ACTG008" => InvalidClientName,
        "ACTG009" => UndeclaredPathParameter,
        "ACTG010" => DuplicateOutput,
        "ACTG011" => PartSkipped,
        "ACTG012" => ExternalReference,
        "ACTG013" => UnsupportedParameterLocation,
        "ACTG014" => AllOfConflict,
        "ACTG015" => FilterMatchesNothing,
        "ACTG016" => SchemasNotUsed,
        "ACTG017" => UnionBranchIsItself,
        "ACTG018" => UnresolvedMapping,
        "ACTG030" => WebhookNotUsable,
        "ACTG031" => WebhookFilterMatchesNothing,
        "ACTG040" => ExtendsClientAssemblyType,
        _ => InternalError,
    };
}
