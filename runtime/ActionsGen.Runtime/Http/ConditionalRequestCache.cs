using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// The opt-in ETag cache (<see cref="ActionsClientOptions.UseConditionalRequests"/>): a GET whose URL answered with an
/// <c>ETag</c> before is sent with <c>If-None-Match</c>, and a 304 (which GitHub does not count against the rate limit)
/// is served from the stored body. Bounded: the oldest entries go first when it is full. Held by the options, so per token.
/// </summary>
internal sealed class ConditionalRequestCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private long _clock;

    public ConditionalRequestCache(int capacity) => _capacity = capacity;

    public int Count => _entries.Count;

    public string? ETagFor(Uri uri) => _entries.TryGetValue(uri.AbsoluteUri, out var entry) ? entry.ETag : null;

    /// <summary>Keeps a body that parsed, if it is a fresh 200 to a GET with an <c>ETag</c> (not a replay of this cache).</summary>
    public void StoreIfCacheable(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        if (response is ReplayedResponse || response.StatusCode != System.Net.HttpStatusCode.OK || response.Headers.ETag is not { } etag
            || response.RequestMessage is not { } request || request.Method != HttpMethod.Get || request.RequestUri is not { } uri)
        {
            return;
        }

        var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null;
        Store(uri, etag.ToString(), body.ToArray(), link);
    }

    public void Store(Uri uri, string etag, byte[] body, string? link)
    {
        if (_entries.Count >= _capacity && !_entries.ContainsKey(uri.AbsoluteUri))
        {
            foreach (var oldest in _entries.OrderBy(e => e.Value.Stamp).Take(Math.Max(1, _capacity / 4)).ToList())
            {
                _entries.TryRemove(oldest.Key, out _);
            }
        }

        _entries[uri.AbsoluteUri] = new Entry(etag, body, link, System.Threading.Interlocked.Increment(ref _clock));
    }

    /// <summary>A 200 response rebuilt from the stored body for a 304, or null when nothing is stored.</summary>
    public HttpResponseMessage? Replay(Uri uri, HttpResponseMessage notModified)
    {
        if (!_entries.TryGetValue(uri.AbsoluteUri, out var entry))
        {
            return null;
        }

        var replay = new ReplayedResponse
        {
            RequestMessage = notModified.RequestMessage,
            Content = new ByteArrayContent(entry.Body),
        };
        replay.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var header in notModified.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (entry.Link is not null && !replay.Headers.Contains("Link"))
        {
            replay.Headers.TryAddWithoutValidation("Link", entry.Link);
        }

        return replay;
    }

    // A 200 this cache made up from a 304: never stored again.
    private sealed class ReplayedResponse : HttpResponseMessage
    {
    }

    private sealed record Entry(string ETag, byte[] Body, string? Link, long Stamp);
}
