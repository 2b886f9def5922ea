using System;
using System.Net.Http.Headers;

namespace ActionsGen.Runtime.Http;

/// <summary>Reads GitHub's pagination header: <c>Link: &lt;https://…?page=2&gt;; rel="next", &lt;…&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    private const string EnterpriseApiRoot = "/api/v3/";

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

    /// <summary>
    /// The <c>rel="next"</c> target to request, always under <paramref name="baseAddress"/>' origin: a link on that
    /// origin is followed as it is; a link on another origin (GitHub names api.github.com even behind a proxy or
    /// mirror) continues at the base address, with its path (less GitHub Enterprise Server's <c>/api/v3/</c> API root,
    /// which a GHES base address already ends with) and its query resolved under the base path. So the token never
    /// leaves the configured origin.
    /// </summary>
    public static Uri? NextUnder(HttpResponseHeaders headers, Uri requestUri, Uri baseAddress)
    {
        var link = Next(headers, requestUri);
        if (link is null || Origin.Same(link, baseAddress))
        {
            return link;
        }

        var path = link.AbsolutePath.StartsWith(EnterpriseApiRoot, StringComparison.OrdinalIgnoreCase)
            ? link.AbsolutePath.Substring(EnterpriseApiRoot.Length)
            : link.AbsolutePath.TrimStart('/');
        return new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + baseAddress.AbsolutePath + path + link.Query);
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
