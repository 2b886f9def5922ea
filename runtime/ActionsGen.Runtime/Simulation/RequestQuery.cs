using System;
using System.Collections.Generic;

namespace ActionsGen.Runtime.Simulation;

/// <summary>A request's query parameters, unescaped (<c>+</c> is a space, as form encoding has it), in order.</summary>
internal sealed class RequestQuery
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private RequestQuery()
    {
    }

    public static RequestQuery Parse(string query)
    {
        var result = new RequestQuery();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? string.Empty : Unescape(pair.Substring(equals + 1));
            if (!result._values.TryGetValue(name, out var values))
            {
                result._values[name] = values = new List<string>(1);
            }

            values.Add(value);
        }

        return result;
    }

    /// <summary>The values given for <paramref name="name"/>, or null when it is absent.</summary>
    public IReadOnlyList<string>? Values(string name) => _values.TryGetValue(name, out var values) ? values : null;

    /// <summary>Each name once, its values joined with <c>,</c>.</summary>
    public IReadOnlyDictionary<string, string> Joined()
    {
        var joined = new Dictionary<string, string>(_values.Count, StringComparer.Ordinal);
        foreach (var (name, values) in _values)
        {
            joined[name] = string.Join(",", values);
        }

        return joined;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
