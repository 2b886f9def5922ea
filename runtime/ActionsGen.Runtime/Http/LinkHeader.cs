using System;
using System.Net.Http.Headers;

namespace ActionsGen.Runtime.Http;

/// <summary>Reads GitHub's pagination header: <c>Link: &lt;https://…?page=2&gt;; rel="next", &lt;…&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    /// <summary>The <c>rel="next"</c> target, or null on the last page.</summary>
    public static Uri? Next(HttpResponseHeaders headers, Uri requestUri)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (Find(value, "next") is { } target && Uri.TryCreate(requestUri, target, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>The target of the link with relation <paramref name="rel"/> in one header value, or null.</summary>
    public static string? Find(string header, string rel)
    {
        var position = 0;
        while (true)
        {
            var open = header.IndexOf('<', position);
            var close = open < 0 ? -1 : header.IndexOf('>', open);
            if (close < 0)
            {
                return null;
            }

            var next = header.IndexOf('<', close);
            var parameters = header.Substring(close + 1, (next < 0 ? header.Length : next) - close - 1);
            foreach (var parameter in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!parameter.StartsWith("rel=", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // rel may list several space-separated relations: rel="next last".
                var relations = parameter.Substring(4).Trim().TrimEnd(',').Trim().Trim('"');
                if (Array.Exists(relations.Split(' ', StringSplitOptions.RemoveEmptyEntries), r => r.Equals(rel, StringComparison.OrdinalIgnoreCase)))
                {
                    return header.Substring(open + 1, close - open - 1);
                }
            }

            if (next < 0)
            {
                return null;
            }

            position = next;
        }
    }
}
