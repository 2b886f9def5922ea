using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Sharing;

namespace ActionsGen.Runtime.Http;

/// <summary>A response kept for conditional requests: its validators, its body and the <c>Link</c> a page walk needs.</summary>
internal sealed record StoredResponse(string? ETag, string? LastModified, byte[] Body, string? Link);

/// <summary>
/// The conditional-request cache (<see cref="ActionsClientOptions.UseConditionalRequests"/>): bodies of GETs that came
/// with an <c>ETag</c> or <c>Last-Modified</c>, by URL. Two tiers: this process's (bounded, the oldest go first) and,
/// with <see cref="ActionsClientOptions.SharedCache"/>, the replicas' shared store, so that a replica's first call of a
/// URL another fetched is a 304 (which GitHub does not count against the rate limit). Shared entries are bounded in
/// size (<see cref="ActionsClientOptions.SharedCacheMaxBodyBytes"/>) and lifetime (<see cref="ActionsClientOptions.SharedCacheLifetime"/>).
/// </summary>
internal sealed class ConditionalRequestCache(int capacity, SharedStore? shared, int sharedMaxBytes, TimeSpan sharedLifetime)
{
    private readonly ConcurrentDictionary<string, (StoredResponse Response, long Stamp)> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public int Count => _entries.Count;

    /// <summary>What is stored for <paramref name="uri"/>: this process's entry, else the shared one (then kept here too).</summary>
    public async ValueTask<StoredResponse?> LookupAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(uri.AbsoluteUri, out var entry))
        {
            return entry.Response;
        }

        if (shared is null || await shared.GetAsync(SharedKeys.Response(uri), cancellationToken).ConfigureAwait(false) is not { } bytes
            || Decode(bytes) is not { } stored)
        {
            return null;
        }

        Keep(uri, stored);
        return stored;
    }

    /// <summary>Whether <paramref name="response"/> is a fresh 200 to a GET with a validator (not a replay of this cache).</summary>
    public static bool IsCacheable(HttpResponseMessage response) =>
        response is not ReplayedResponse && response.StatusCode == HttpStatusCode.OK
        && (response.Headers.ETag is not null || response.Content.Headers.LastModified is not null)
        && response.RequestMessage is { } request && request.Method == HttpMethod.Get && request.RequestUri is not null;

    /// <summary>Keeps a body that was read, if <see cref="IsCacheable"/>.</summary>
    public async ValueTask StoreIfCacheableAsync(HttpResponseMessage response, byte[] body)
    {
        if (!IsCacheable(response))
        {
            return;
        }

        var uri = response.RequestMessage!.RequestUri!;
        var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null;
        var stored = new StoredResponse(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), body, link);
        Keep(uri, stored);
        if (shared is not null && body.Length <= sharedMaxBytes)
        {
            await shared.SetAsync(SharedKeys.Response(uri), Encode(stored), sharedLifetime, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A 200 response rebuilt from <paramref name="stored"/> for a 304, with the 304's headers.</summary>
    public static HttpResponseMessage Replay(StoredResponse stored, HttpResponseMessage notModified)
    {
        var replay = new ReplayedResponse
        {
            RequestMessage = notModified.RequestMessage,
            Content = new ByteArrayContent(stored.Body),
        };
        replay.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var header in notModified.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (stored.Link is not null && !replay.Headers.Contains("Link"))
        {
            replay.Headers.TryAddWithoutValidation("Link", stored.Link);
        }

        return replay;
    }

    private void Keep(Uri uri, StoredResponse stored)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey(uri.AbsoluteUri))
        {
            foreach (var oldest in _entries.OrderBy(e => e.Value.Stamp).Take(Math.Max(1, capacity / 4)).ToList())
            {
                _entries.TryRemove(oldest.Key, out _);
            }
        }

        _entries[uri.AbsoluteUri] = (stored, Interlocked.Increment(ref _clock));
    }

    // [length of the header text][etag \n last-modified \n link][body]
    private static byte[] Encode(StoredResponse stored)
    {
        var header = Encoding.UTF8.GetBytes(stored.ETag + "\n" + stored.LastModified + "\n" + stored.Link);
        var bytes = new byte[4 + header.Length + stored.Body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, header.Length);
        header.CopyTo(bytes, 4);
        stored.Body.CopyTo(bytes, 4 + header.Length);
        return bytes;
    }

    private static StoredResponse? Decode(byte[] bytes)
    {
        if (bytes.Length < 4 || BinaryPrimitives.ReadInt32LittleEndian(bytes) is var length && (length < 0 || length > bytes.Length - 4))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 4, length).Split('\n');
        return parts.Length != 3 ? null
            : new StoredResponse(NullIfEmpty(parts[0]), NullIfEmpty(parts[1]), bytes.AsSpan(4 + length).ToArray(), NullIfEmpty(parts[2]));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // A 200 this cache made up from a 304: never stored again.
    private sealed class ReplayedResponse : HttpResponseMessage
    {
    }
}
