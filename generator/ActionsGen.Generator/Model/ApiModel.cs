namespace ActionsGen.Generator.Model;

/// <summary>Everything generated from one spec file: the contract between the parser and the emitters.</summary>
/// <param name="Simulator">The simulator's table, with <c>Simulator="true"</c> only.</param>
internal sealed record ApiModel(
    string Namespace,
    string SpecPath,
    EquatableArray<TypeModel> Types,
    ClientModel Client,
    WebhooksModel? Webhooks = null,
    SimulatorModel? Simulator = null);

/// <summary>The outcome of parsing one spec: a model (absent when the spec cannot be used) and diagnostics as data.</summary>
internal sealed record ParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One spec file picked from AdditionalFiles, with its per-file settings.</summary>
/// <param name="Paths">The <c>Paths</c> filter: semicolon-separated globs over path templates, or null.</param>
/// <param name="Operations">The <c>Operations</c> filter: semicolon-separated globs over operationIds, or null.</param>
/// <param name="Schemas">The <c>Schemas</c> setting: <c>all</c> generates every component schema; otherwise only those the generated operations reach.</param>
/// <param name="Writers">The <c>Writers</c> setting: <c>all</c> emits JSON writing code for every type; otherwise only for types a request body can hold.</param>
/// <param name="Webhooks">The <c>Webhooks</c> setting: <c>none</c>, <c>all</c>, or globs over webhook names; unset, webhooks follow <paramref name="ReferencesAspNetCore"/>.</param>
/// <param name="ReferencesAspNetCore">Whether the consuming project references ASP.NET Core (so it can receive webhooks).</param>
/// <param name="Simulator">The <c>Simulator</c> setting: <c>true</c> also generates a simulated API (and a writer for every type, to answer with).</param>
internal sealed record SpecFile(string Path, string Text, string? Namespace, string? ClientName, string? Paths = null, string? Operations = null, string? Schemas = null, string? Writers = null, string? Webhooks = null, bool ReferencesAspNetCore = false, string? Simulator = null)
{
    /// <summary>Whether a simulator is generated (<c>Simulator="true"</c>).</summary>
    public bool HasSimulator => string.Equals(Simulator?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether every type gets JSON writing code (<c>Writers="all"</c>), not only those a request body can hold.</summary>
    public bool AllWriters => IsAll(Writers);

    /// <summary>Whether every component schema is generated, used by an operation or not (<c>Schemas="all"</c>).</summary>
    public bool AllSchemas => IsAll(Schemas);

    private static bool IsAll(string? setting) => string.Equals(setting?.Trim(), "all", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>MSBuild settings that apply to all specs of a project.</summary>
internal sealed record GeneratorSettings(string Namespace, string ClientName);

/// <summary>A generated type together with the namespace it goes in: the unit of source output.</summary>
internal sealed record EmitUnit(string Namespace, TypeModel Type);

/// <summary>What the JSON type-info resolver of one namespace covers.</summary>
internal sealed record ResolverModel(string Namespace, EquatableArray<string> TypeNames);
