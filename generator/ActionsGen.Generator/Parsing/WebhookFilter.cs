using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// Which webhooks of a spec are generated. Consumers that do not receive webhooks do not pay for them: with no
/// <c>Webhooks</c> metadata, webhooks are generated when the project references ASP.NET Core; <c>Webhooks="none"</c>
/// turns them off, <c>Webhooks="all"</c> on (e.g. for Azure Functions or a queue worker), and any other value is
/// <c>;</c>-separated globs over webhook names and operationIds (<c>workflow-job/*;ping</c>, <c>*</c> matching any
/// characters). Without such globs, a spec item with <c>Paths</c>/<c>Operations</c> filters keeps the webhooks whose
/// operationId an <c>Operations</c> glob matches; with no filter at all, every webhook.
/// </summary>
internal sealed class WebhookFilter
{
    private readonly string[] _globs;
    private readonly OperationFilter _operations;
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);

    public WebhookFilter(string? webhooks, OperationFilter operations)
    {
        _globs = IsAll(webhooks) ? Array.Empty<string>() : OperationFilter.Entries(webhooks);
        _operations = operations;
    }

    /// <summary>Whether <paramref name="file"/> gets webhook code at all.</summary>
    public static bool Enabled(SpecFile file) =>
        file.Webhooks is null ? file.ReferencesAspNetCore : !IsNone(file.Webhooks);

    /// <summary>
    /// Whether the consumer references ASP.NET Core's routing and HTTP abstractions: what the receiver's extensions
    /// compile against, and what turns webhooks on when the spec item does not say.
    /// </summary>
    public static bool ReferencesAspNetCore(IEnumerable<string> referencedAssemblyNames)
    {
        bool routing = false, http = false;
        foreach (var name in referencedAssemblyNames)
        {
            routing |= name == "Microsoft.AspNetCore.Routing";
            http |= name == "Microsoft.AspNetCore.Http.Abstractions";
        }

        return routing && http;
    }

    public bool Keeps(string name, string operationId)
    {
        if (_globs.Length > 0)
        {
            var kept = false;
            foreach (var glob in _globs.Where(g => OperationFilter.Wildcard(g, 0, name, 0) || OperationFilter.Wildcard(g, 0, operationId, 0)))
            {
                _matched.Add(glob);
                kept = true;
            }

            return kept;
        }

        return _operations.IsEmpty || _operations.KeepsWebhook(operationId);
    }

    /// <summary>ACTG031 for every <c>Webhooks</c> glob that matched no webhook.</summary>
    public IEnumerable<DiagnosticInfo> Unmatched(string specPath, SpecPosition position) =>
        _globs.Where(g => !_matched.Contains(g)).Select(g => DiagnosticInfo.Create(Descriptors.WebhookFilterMatchesNothing, specPath, position, g, specPath));

    private static bool IsAll(string? setting) =>
        setting is null || setting.Trim() is "*" || string.Equals(setting.Trim(), "all", StringComparison.OrdinalIgnoreCase) || string.Equals(setting.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsNone(string setting) =>
        string.Equals(setting.Trim(), "none", StringComparison.OrdinalIgnoreCase) || string.Equals(setting.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
