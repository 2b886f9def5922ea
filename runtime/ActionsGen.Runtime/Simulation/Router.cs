using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// Finds the operation a request is for: a tree of path segments built from the spec's templates, a literal segment
/// preferred to a parameter where both fit (<c>/runs/latest</c> before <c>/runs/{run_id}</c>), then the method. The
/// request path may carry a base path before the API's own (<c>/api/v3/</c> on GitHub Enterprise Server, a proxy's
/// prefix): leading segments are dropped until a template fits.
/// </summary>
internal sealed class Router
{
    private readonly Node _root = new();

    public Router(IEnumerable<OperationRules> operations)
    {
        foreach (var operation in operations)
        {
            var node = _root;
            foreach (var segment in Segments(operation.Row.PathTemplate))
            {
                node = node.Child(segment);
            }

            node.Operations ??= new Dictionary<HttpMethod, OperationRules>();
            node.Operations.TryAdd(operation.Method, operation);
        }
    }

    /// <summary>
    /// What a path matched: the operation and its path values by name; or, when the path is known but not for this
    /// method, no operation and the methods it has.
    /// </summary>
    public sealed record RouteMatch(OperationRules? Operation, IReadOnlyDictionary<string, string> Values, IReadOnlyCollection<HttpMethod> Methods);

    /// <summary>The operation for <paramref name="method"/> on <paramref name="segments"/> (unescaped), or null when no template fits.</summary>
    public RouteMatch? Find(HttpMethod method, string[] segments)
    {
        IReadOnlyCollection<HttpMethod>? otherMethods = null;
        var values = new List<string>();
        for (var skip = 0; skip < Math.Max(segments.Length, 1); skip++)
        {
            values.Clear();
            if (Walk(_root, segments, skip, method, values, ref otherMethods) is { } found)
            {
                var names = found.PathParameters;
                var byName = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
                for (var i = 0; i < names.Count && i < values.Count; i++)
                {
                    byName[names[i]] = values[i];
                }

                return new RouteMatch(found, byName, Array.Empty<HttpMethod>());
            }
        }

        return otherMethods is null ? null : new RouteMatch(null, new Dictionary<string, string>(), otherMethods);
    }

    private static OperationRules? Walk(Node node, string[] segments, int index, HttpMethod method, List<string> values, ref IReadOnlyCollection<HttpMethod>? otherMethods)
    {
        if (index == segments.Length)
        {
            if (node.Operations is null)
            {
                return null;
            }

            if (node.Operations.TryGetValue(method, out var operation))
            {
                return operation;
            }

            otherMethods ??= node.Operations.Keys;
            return null;
        }

        var segment = segments[index];
        if (node.Literals is not null && node.Literals.TryGetValue(segment, out var literal)
            && Walk(literal, segments, index + 1, method, values, ref otherMethods) is { } byLiteral)
        {
            return byLiteral;
        }

        var mark = values.Count;
        if (node.Patterns is not null)
        {
            foreach (var (pattern, count, child) in node.Patterns)
            {
                var match = pattern.Match(segment);
                if (!match.Success)
                {
                    continue;
                }

                for (var i = 1; i <= count; i++)
                {
                    values.Add(match.Groups[i].Value);
                }

                if (Walk(child, segments, index + 1, method, values, ref otherMethods) is { } byPattern)
                {
                    return byPattern;
                }

                values.RemoveRange(mark, values.Count - mark);
            }
        }

        if (node.Parameter is { } parameter && segment.Length > 0)
        {
            values.Add(segment);
            if (Walk(parameter, segments, index + 1, method, values, ref otherMethods) is { } byParameter)
            {
                return byParameter;
            }

            values.RemoveRange(mark, values.Count - mark);
        }

        return null;
    }

    /// <summary>A template's or a path's segments, without empty ones.</summary>
    public static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The names of a template's parameters, in order: <c>{owner}</c>, <c>{repo}</c> …</summary>
    public static IReadOnlyList<string> ParameterNames(string template)
    {
        var names = new List<string>();
        foreach (Match match in Regex.Matches(template, @"\{([^}]*)\}"))
        {
            names.Add(match.Groups[1].Value);
        }

        return names;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Literals { get; private set; }

        public Node? Parameter { get; private set; }

        public List<(Regex Pattern, int Count, Node Child)>? Patterns { get; private set; }

        public Dictionary<HttpMethod, OperationRules>? Operations { get; set; }

        // A segment of a template: literal text, a whole-segment parameter `{name}`, or text with parameters in it.
        public Node Child(string segment)
        {
            var open = segment.IndexOf('{', StringComparison.Ordinal);
            if (open < 0)
            {
                Literals ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                return Literals.TryGetValue(segment, out var literal) ? literal : Literals[segment] = new Node();
            }

            if (open == 0 && segment.IndexOf('}', StringComparison.Ordinal) == segment.Length - 1)
            {
                return Parameter ??= new Node();
            }

            var count = 0;
            var regex = "^" + Regex.Replace(segment, @"\{[^}]*\}|[^{]+", m => m.Value.StartsWith('{') && ++count > 0 ? "(.+?)" : Regex.Escape(m.Value)) + "$";
            Patterns ??= new List<(Regex, int, Node)>();
            foreach (var (existing, _, child) in Patterns)
            {
                if (existing.ToString() == regex)
                {
                    return child;
                }
            }

            var added = new Node();
            Patterns.Add((new Regex(regex, RegexOptions.CultureInvariant), count, added));
            return added;
        }
    }
}
