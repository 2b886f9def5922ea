using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActionsGen.Generator.Naming;

/// <summary>What the parser reads of one branch of a union, to tell it from its siblings by.</summary>
/// <param name="JsonType">Its JSON type, given or implied (properties: <c>object</c>; an enum: <c>string</c>).</param>
/// <param name="Refs">The components it is or is made of (its <c>$ref</c>, its <c>allOf</c> parts').</param>
/// <param name="Enums">Its properties that list their values, with the values (<c>data_type: [iteration]</c>).</param>
/// <param name="EnumValues">The values it lists itself, if it is an enum.</param>
internal sealed record BranchFacts(
    string? Title,
    string? JsonType,
    IReadOnlyList<string> Refs,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Properties,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Enums,
    IReadOnlyList<string> EnumValues);

/// <summary>
/// The name of each case of a union defined inline, by what tells it from its siblings, the first that does:
/// its <c>title</c>; its JSON type (<c>String</c>, <c>Object</c>); a value only it has for a property or as an enum
/// (<c>data_type: [iteration]</c> → <c>Iteration</c>); a component only it is made of (<c>allOf: [$ref:
/// repository-rule-creation, …]</c> → <c>Creation</c> in <c>RepositoryRuleDetailed</c>); the required members only it
/// has (<c>RepositoryId</c>, the first of more than three), else the members only it has (<c>WaitTimer</c>); its set of required members
/// (<c>NameAndDataType</c>). The words a name shares at its start with the union's are dropped. Only when nothing
/// tells a branch apart (or two would get one name) is it <c>Option{n}</c>. The case's type is the union's name and the
/// case's (<c>RepositoryRuleDetailedCreation</c>).
/// </summary>
internal static class UnionCaseNames
{
    private const int MaxMembers = 3;

    /// <summary>The case name of each branch (null branches, which hold no value, get null).</summary>
    public static string?[] Of(string union, IReadOnlyList<BranchFacts?> branches)
    {
        var names = new string?[branches.Count];
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is { } branch)
            {
                var siblings = branches.Where((b, j) => b is not null && j != i).Select(b => b!).ToList();
                names[i] = Distinguisher(branch, siblings) is { } found ? WithoutSharedStart(found, union) : null;
            }
        }

        // A name two branches would share tells neither apart.
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is not null && (names[i] is null || names.Count(n => n == names[i]) > 1))
            {
                names[i] = null;
            }
        }

        return names.Select((n, i) => branches[i] is null ? null : n ?? Option(i)).ToArray();
    }

    /// <summary>The last resort: the branch's place, from 1.</summary>
    public static string Option(int index) => "Option" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string? Distinguisher(BranchFacts branch, List<BranchFacts> siblings)
    {
        if (branch.Title is { Length: > 0 } title && !siblings.Any(s => s.Title is { } other && Identifiers.Pascal(other) == Identifiers.Pascal(title)))
        {
            return Identifiers.Pascal(title);
        }

        if (branch.JsonType is { } type && !siblings.Any(s => s.JsonType == type))
        {
            return Identifiers.Pascal(type);
        }

        return OwnValue(branch, siblings)
            ?? Only(branch.Refs.Where(r => !siblings.Any(s => s.Refs.Contains(r))).ToList(), 1)
            ?? First(branch.Required.Where(r => !siblings.Any(s => s.Required.Contains(r))).ToList())
            ?? Only(branch.Properties.Where(p => !siblings.Any(s => s.Properties.Contains(p))).ToList(), MaxMembers - 1)
            ?? (siblings.Any(s => s.Required.OrderBy(r => r, StringComparer.Ordinal).SequenceEqual(branch.Required.OrderBy(r => r, StringComparer.Ordinal))) ? null : Only(branch.Required.ToList(), MaxMembers));
    }

    // A single value of one of its properties (or of itself) that no sibling can have there.
    private static string? OwnValue(BranchFacts branch, List<BranchFacts> siblings)
    {
        foreach (var pair in branch.Enums)
        {
            if (pair.Value.Count == 1 && !siblings.Any(s => s.Properties.Contains(pair.Key) && (!s.Enums.TryGetValue(pair.Key, out var values) || values.Contains(pair.Value[0]))))
            {
                return Identifiers.Pascal(pair.Value[0]);
            }
        }

        return branch.EnumValues.Count == 1 && !siblings.Any(s => s.JsonType == branch.JsonType && (s.EnumValues.Count == 0 || s.EnumValues.Contains(branch.EnumValues[0])))
            ? Identifiers.Pascal(branch.EnumValues[0])
            : null;
    }

    // The members joined with And (`HeadRefAndBaseRef`), when there are 1 to `max` of them.
    private static string? Only(List<string> members, int max) =>
        members.Count is > 0 && members.Count <= max ? string.Concat(members.Select((m, i) => (i > 0 ? "And" : string.Empty) + Identifiers.Pascal(m))) : null;

    // The members joined with And, or the first of more than MaxMembers (`uuid` of `uuid, merge_method, merge_action, …`).
    private static string? First(List<string> members) => Only(members.Count > MaxMembers ? members.GetRange(0, 1) : members, MaxMembers);

    // `RepositoryRuleCreation` in `RepositoryRuleDetailed` is `Creation`; a name all of whose words are shared stays whole.
    private static string WithoutSharedStart(string name, string union)
    {
        var words = Words(name);
        var unionWords = Words(union);
        var shared = 0;
        while (shared < words.Count - 1 && shared < unionWords.Count && words[shared] == unionWords[shared])
        {
            shared++;
        }

        var rest = string.Concat(words.Skip(shared));
        return shared > 0 && char.IsLetter(rest[0]) ? rest : name;
    }

    // PascalCase words: each starts at an upper-case letter (`RepositoryRuleCreation` → Repository, Rule, Creation).
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsUpper(name[i]))
            {
                words.Add(name.Substring(start, i - start));
                start = i;
            }
        }

        return words;
    }
}
