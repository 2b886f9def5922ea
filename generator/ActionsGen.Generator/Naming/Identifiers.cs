using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionsGen.Generator.Naming;

/// <summary>
/// The one naming rule. A spec name is split into words at every character that cannot be part of a C# identifier
/// (<c>workflow-run</c>, <c>head_sha</c>, <c>a.b</c>); each word gets an upper-case first letter, and an all-capital
/// word becomes capitalised (<c>UBUNTU</c> → <c>Ubuntu</c>); the words are joined. A leading <c>+</c> or <c>-</c> becomes
/// <c>Plus</c>/<c>Minus</c>; a name that starts with a digit gets a leading <c>_</c>; a name with no usable
/// character becomes <c>Value</c>. <see cref="Scope"/> then makes names unique by appending 2, 3, … in spec order;
/// type names must differ in more than case (<see cref="TypeScope"/>).
/// </summary>
internal static class Identifiers
{
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        var trimmed = name.TrimStart();
        if (trimmed.Length > 1 && (trimmed[0] == '+' || trimmed[0] == '-'))
        {
            builder.Append(trimmed[0] == '+' ? "Plus" : "Minus");
            trimmed = trimmed.Substring(1);
        }

        var word = new StringBuilder();
        foreach (var c in trimmed)
        {
            if (IsPart(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(builder, word);
            }
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase for parameters and locals; a C# keyword gets an <c>@</c>.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>A name as XML docs spell it (<c>&lt;param name="event"&gt;</c>): without the <c>@</c> that escapes a keyword.</summary>
    public static string Unescaped(string name) => name.Length > 1 && name[0] == '@' ? name.Substring(1) : name;

    /// <summary>Whether <paramref name="ns"/> is a dotted list of plain C# identifiers (no keywords, no escapes).</summary>
    public static bool IsValidNamespace(string ns)
    {
        foreach (var part in ns.Split('.'))
        {
            if (part.Length == 0 || !SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None;

    private static bool IsPart(char c) =>
        c != '_' && SyntaxFacts.IsIdentifierPartCharacter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format;

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        var allUpper = text.Length > 1 && text.ToUpperInvariant() == text && text.ToLowerInvariant() != text;
        builder.Append(char.ToUpperInvariant(text[0]));
        builder.Append(allUpper ? text.Substring(1).ToLowerInvariant() : text.Substring(1));
        word.Clear();
    }

    /// <summary>
    /// The scope of the type names of one namespace. Each type is a file whose hint name Roslyn compares ignoring case
    /// (two that differ only in case throw, CS8785), so a name is free only if no taken one equals it ignoring case:
    /// <c>foo-bar</c> after <c>FOOBAR</c> is <c>FooBar2</c>, not <c>FooBar</c> beside <c>Foobar</c>.
    /// </summary>
    public static Scope TypeScope(params string[] reserved) => new(System.StringComparer.OrdinalIgnoreCase, reserved);

    /// <summary>A set of names that must not collide (members of one type, types of one namespace).</summary>
    internal sealed class Scope
    {
        private readonly HashSet<string> _taken;

        public Scope(params string[] reserved)
            : this(System.StringComparer.Ordinal, reserved)
        {
        }

        public Scope(System.StringComparer comparer, params string[] reserved) => _taken = new HashSet<string>(reserved, comparer);

        /// <summary>Returns <paramref name="candidate"/>, or it with the smallest suffix 2, 3, … that is still free, and takes it.</summary>
        public string Claim(string candidate)
        {
            var name = candidate;
            for (var i = 2; !_taken.Add(name); i++)
            {
                name = candidate + i.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>
        /// Like <see cref="Claim"/>, for a name that brings other names with it (a property and its field): the
        /// smallest suffix for which the name and all of <paramref name="derived"/>'s names are free; takes them all.
        /// </summary>
        public string ClaimWith(string candidate, System.Func<string, string[]> derived)
        {
            var name = candidate;
            for (var i = 2; _taken.Contains(name) || System.Array.Exists(derived(name), _taken.Contains); i++)
            {
                name = candidate + i.ToString(CultureInfo.InvariantCulture);
            }

            _taken.Add(name);
            foreach (var other in derived(name))
            {
                _taken.Add(other);
            }

            return name;
        }

        public void Reserve(string name) => _taken.Add(name);

        public bool IsTaken(string name) => _taken.Contains(name);
    }
}
