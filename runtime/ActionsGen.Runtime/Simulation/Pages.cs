using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActionsGen.Runtime.Simulation;

/// <summary>GitHub's pagination for a simulated paged operation: the <c>Link</c> header, and the page after the last.</summary>
internal static class Pages
{
    /// <summary>
    /// <c>Link</c> for <paramref name="page"/> of <paramref name="pages"/>: <c>next</c> and <c>last</c> before the last
    /// page, <c>prev</c> and <c>first</c> after the first; null for a single page.
    /// </summary>
    public static string? Link(Uri request, int page, int pages)
    {
        if (pages <= 1)
        {
            return null;
        }

        var links = new List<string>(4);
        if (page < pages)
        {
            links.Add(Target(request, page + 1, "next"));
            links.Add(Target(request, pages, "last"));
        }

        if (page > 1)
        {
            links.Add(Target(request, Math.Min(page - 1, pages), "prev"));
            links.Add(Target(request, 1, "first"));
        }

        return links.Count == 0 ? null : string.Join(", ", links);
    }

    // The request URI with `page` set (added at the end if it was not there), in angle brackets with its relation.
    private static string Target(Uri request, int page, string rel)
    {
        var parts = new List<string>();
        var replaced = false;
        foreach (var pair in request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair == "page" || pair.StartsWith("page=", StringComparison.Ordinal))
            {
                parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
                replaced = true;
            }
            else
            {
                parts.Add(pair);
            }
        }

        if (!replaced)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return "<" + request.GetLeftPart(UriPartial.Path) + "?" + string.Join("&", parts) + ">; rel=\"" + rel + "\"";
    }

    /// <summary>
    /// The example with its list emptied: the page after the last. <paramref name="items"/> names the list; empty
    /// means the body is the list itself.
    /// </summary>
    public static byte[] Empty(byte[] example, string items)
    {
        if (items.Length == 0)
        {
            return "[]"u8.ToArray();
        }

        using var document = JsonDocument.Parse(example);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return example;
        }

        var buffer = new ArrayBufferWriter<byte>(example.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.NameEquals(items))
                {
                    writer.WriteStartArray(member.Name);
                    writer.WriteEndArray();
                }
                else
                {
                    member.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
