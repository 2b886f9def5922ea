using System;
using System.Collections.Generic;
using System.Linq;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The method names of every operation of a document, chosen before any <c>Paths</c>/<c>Operations</c> filter applies,
/// so that a filter never renames a method. A method is named by its operationId's last segment
/// (<c>pulls/create</c> → <c>Create</c>). Within a group (a tag) an operationId whose prefix is not the tag is of a
/// family of its own (<c>pull-request-stacks/…</c> under <c>pulls</c>); when a member of such a family would take a
/// name another operation of the group has, every member of the family is named with its prefix
/// (<c>PullRequestStacksCreate</c>, <c>PullRequestStacksAdd</c> …) and the tag's own operations keep theirs. A number
/// is the last resort (two operationIds that differ only in punctuation).
/// <para>
/// The inline types of an operation (its request, responses and parameters) are named from its
/// <see cref="TypeContext"/>, which must be unique in the namespace: the method name, unless another group has a method
/// of that name too; then the operationId's prefix, or the tag when there is none, goes in front (<c>repos/update</c>
/// and <c>issues/update</c> give <c>ReposUpdateRequest</c> and <c>IssuesUpdateRequest</c>).
/// </para>
/// </summary>
internal sealed class MethodNames
{
    private readonly string[] _names;
    private readonly string[] _contexts;
    private readonly Dictionary<string, Identifiers.Scope> _scopes;

    private MethodNames(string[] names, string[] contexts, Dictionary<string, Identifiers.Scope> scopes)
    {
        _names = names;
        _contexts = contexts;
        _scopes = scopes;
    }

    /// <summary>Names the operations, given as (operationId, tag) in spec order.</summary>
    public static MethodNames Assign(IReadOnlyList<(string OperationId, string Tag)> operations)
    {
        var names = new string[operations.Count];
        var scopes = new Dictionary<string, Identifiers.Scope>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, operations.Count).GroupBy(i => operations[i].Tag, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var family = members.ToDictionary(i => i, i => Family(operations[i].OperationId, operations[i].Tag));
            var shortName = members.ToDictionary(i => i, i => OperationNames.Method(operations[i].OperationId));
            var qualified = new HashSet<string>(
                members.Where(i => family[i] is not null && members.Any(j => family[j] != family[i] && shortName[j] == shortName[i])).Select(i => family[i]!),
                StringComparer.Ordinal);
            var scope = scopes[group.Key] = MemberNames.Scope(Array.Empty<string>());
            foreach (var i in members)
            {
                names[i] = scope.Claim(family[i] is { } prefix && qualified.Contains(prefix) ? Identifiers.Pascal(prefix) + shortName[i] : shortName[i]);
            }
        }

        return new MethodNames(names, TypeContexts(operations, names), scopes);
    }

    /// <summary>The method name (without <c>Async</c>) of the operation at <paramref name="index"/>.</summary>
    public string Method(int index) => _names[index];

    /// <summary>What the names of the operation's inline types start with: its method name, qualified when another group shares it.</summary>
    public string TypeContext(int index) => _contexts[index];

    /// <summary>The method names of a group: the names of its other methods (page walks, URL methods) are claimed here.</summary>
    public Identifiers.Scope ScopeOf(string tag) => _scopes[tag];

    private static string[] TypeContexts(IReadOnlyList<(string OperationId, string Tag)> operations, string[] names)
    {
        var shared = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        var sharedNames = new HashSet<string>(shared, StringComparer.Ordinal);
        var contexts = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var (operationId, tag) = operations[i];
            var slash = operationId.LastIndexOf('/');
            var qualifier = Identifiers.Pascal(slash > 0 ? operationId.Substring(0, slash) : tag);
            contexts[i] = !sharedNames.Contains(names[i]) ? names[i]
                : names[i].StartsWith(qualifier, StringComparison.Ordinal) ? Identifiers.Pascal(tag) + names[i]
                : qualifier + names[i];
        }

        return contexts;
    }

    // The operationId's prefix when it is not the tag's own (`pull-request-stacks` under `pulls`), else null.
    private static string? Family(string operationId, string tag)
    {
        var slash = operationId.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var prefix = operationId.Substring(0, slash);
        return string.Equals(Identifiers.Pascal(prefix), Identifiers.Pascal(tag), StringComparison.OrdinalIgnoreCase) ? null : prefix;
    }
}
