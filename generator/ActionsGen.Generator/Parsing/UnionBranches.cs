using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Naming;
using Microsoft.OpenApi.Models;

namespace ActionsGen.Generator.Parsing;

/// <summary>Reads what tells a union's branch from its siblings (<see cref="BranchFacts"/>), for Naming/ to name its case by.</summary>
internal static class UnionBranches
{
    private const int MaxDepth = 8;

    /// <summary>The facts of each branch; null for one that holds no value (<c>type: 'null'</c>, or missing).</summary>
    public static List<BranchFacts?> Facts(IList<OpenApiSchema> branches) =>
        branches.Select(b => b is null || b.Type == "null" ? null : Of(b)).ToList();

    private static BranchFacts Of(OpenApiSchema branch)
    {
        var parts = Flatten(branch, 0).ToList();
        var properties = parts.SelectMany(p => p.Properties).ToList();
        var enums = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in properties.Where(p => p.Value?.Enum.Count > 0 && !enums.ContainsKey(p.Key)))
        {
            enums[property.Key] = Values(property.Value);
        }

        return new BranchFacts(
            branch.Title,
            JsonType(parts, properties.Count > 0),
            parts.Where(p => p.Reference is { IsLocal: true } && !p.UnresolvedReference).Select(p => p.Reference.Id).Distinct(StringComparer.Ordinal).ToList(),
            parts.SelectMany(p => p.Required).Distinct(StringComparer.Ordinal).ToList(),
            properties.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList(),
            enums,
            Values(branch));
    }

    // The branch and its allOf parts, depth first.
    private static IEnumerable<OpenApiSchema> Flatten(OpenApiSchema schema, int depth)
    {
        yield return schema;
        if (depth >= MaxDepth)
        {
            yield break;
        }

        foreach (var part in schema.AllOf.Where(p => p is not null).SelectMany(p => Flatten(p, depth + 1)))
        {
            yield return part;
        }
    }

    private static string? JsonType(List<OpenApiSchema> parts, bool hasProperties) =>
        parts.Select(p => p.Type).FirstOrDefault(t => t is not null)
        ?? (hasProperties || parts.Count > 1 ? "object" : parts[0].Enum.Count > 0 ? "string" : null);

    private static List<string> Values(OpenApiSchema schema) =>
        schema.Enum.Select(OpenApiValues.Text).Where(v => v is not null).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
}
