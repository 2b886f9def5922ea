using System;
using System.Collections.Generic;
using System.Linq;
using ActionsGen.Generator.Diagnostics;
using ActionsGen.Generator.Model;

namespace ActionsGen.Generator.Parsing;

/// <summary>
/// The <c>Paths</c> and <c>Operations</c> metadata of an <c>ActionsGenSpec</c> item. With neither set every operation
/// is kept; otherwise an operation is kept when its path template matches a <c>Paths</c> glob or its operationId an
/// <c>Operations</c> glob. In <c>Paths</c>, <c>*</c> matches within one segment and <c>**</c> any number of whole
/// segments (none included); in <c>Operations</c>, <c>*</c> matches any characters. Entries are separated by <c>;</c>,
/// or by <c>|</c> as ActionsGen.targets passes them (an .editorconfig value ends at a <c>;</c>).
/// </summary>
internal sealed class OperationFilter
{
    private readonly string[] _paths;
    private readonly string[] _operations;
    private readonly HashSet<string> _matchedPaths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matchedOperations = new(StringComparer.Ordinal);

    public OperationFilter(string? paths, string? operations)
    {
        _paths = Entries(paths);
        _operations = Entries(operations);
    }

    /// <summary>True when no filter is set: every operation and every component is generated.</summary>
    public bool IsEmpty => _paths.Length == 0 && _operations.Length == 0;

    /// <summary>Whether the operation is kept; remembers which entries matched.</summary>
    public bool Keeps(string template, string operationId)
    {
        if (IsEmpty)
        {
            return true;
        }

        var kept = false;
        foreach (var glob in _paths.Where(g => PathMatches(g, template)))
        {
            _matchedPaths.Add(glob);
            kept = true;
        }

        foreach (var glob in _operations.Where(g => Wildcard(g, 0, operationId, 0)))
        {
            _matchedOperations.Add(glob);
            kept = true;
        }

        return kept;
    }

    /// <summary>
    /// Whether a webhook is kept by the <c>Operations</c> globs (its operationId, e.g. <c>workflow-job/completed</c>);
    /// <c>Paths</c> globs never name a webhook. Remembers which entries matched.
    /// </summary>
    public bool KeepsWebhook(string operationId)
    {
        var kept = false;
        foreach (var glob in _operations.Where(g => Wildcard(g, 0, operationId, 0)))
        {
            _matchedOperations.Add(glob);
            kept = true;
        }

        return kept;
    }

    /// <summary>ACTG015 for every entry that matched no operation.</summary>
    public IEnumerable<DiagnosticInfo> Unmatched(string specPath) =>
        _paths.Where(g => !_matchedPaths.Contains(g)).Select(g => DiagnosticInfo.Create(Descriptors.FilterMatchesNothing, specPath, SpecPosition.Start, "Paths", g, specPath))
            .Concat(_operations.Where(g => !_matchedOperations.Contains(g)).Select(g => DiagnosticInfo.Create(Descriptors.FilterMatchesNothing, specPath, SpecPosition.Start, "Operations", g, specPath)));

    internal static string[] Entries(string? list) =>
        (list ?? string.Empty).Split(';', '|').Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    public static bool PathMatches(string glob, string template) =>
        Segments(Split(glob), 0, Split(template), 0);

    private static string[] Split(string path) => path.Trim('/').Split('/');

    private static bool Segments(string[] globs, int gi, string[] parts, int pi)
    {
        if (gi == globs.Length)
        {
            return pi == parts.Length;
        }

        if (globs[gi] == "**")
        {
            // Zero segments, or one more and try again.
            return Segments(globs, gi + 1, parts, pi) || (pi < parts.Length && Segments(globs, gi, parts, pi + 1));
        }

        return pi < parts.Length && Wildcard(globs[gi], 0, parts[pi], 0) && Segments(globs, gi + 1, parts, pi + 1);
    }

    /// <summary>Matches <paramref name="pattern"/>, where <c>*</c> is any run of characters, against <paramref name="text"/>.</summary>
    internal static bool Wildcard(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length && pattern[p] != '*')
        {
            if (t == text.Length || pattern[p] != text[t])
            {
                return false;
            }

            p++;
            t++;
        }

        if (p == pattern.Length)
        {
            return t == text.Length;
        }

        for (var rest = t; rest <= text.Length; rest++)
        {
            if (Wildcard(pattern, p + 1, text, rest))
            {
                return true;
            }
        }

        return false;
    }
}
