using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Serialization;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// Sends the requests generated clients build: adds GitHub's headers and the token, maps failures to typed
/// exceptions, reads JSON bodies with generated code, follows pagination links and log redirects.
/// </summary>
/// <remarks>
/// It sends through the <see cref="HttpClient"/> it is given and owns no connections. The token goes only to the
/// configured base address' origin: log downloads and links to another origin never carry it.
/// </remarks>
public sealed class ApiConnection
{
    private static readonly MediaTypeWithQualityHeaderValue GitHubJson = new("application/vnd.github+json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly ConditionalRequestCache? _cache;
    private RateLimit? _lastRateLimit;

    /// <summary>Creates a connection over <paramref name="httpClient"/>.</summary>
    public ApiConnection(HttpClient httpClient, ActionsClientOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _cache = options.UseConditionalRequests ? new ConditionalRequestCache(Math.Max(1, options.ConditionalRequestCacheSize)) : null;
    }

    /// <summary>The options requests are sent with.</summary>
    public ActionsClientOptions Options { get; }

    /// <summary>The rate-limit state reported by the most recent response that carried one.</summary>
    public RateLimit? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    /// <summary>Sends <paramref name="request"/> and reads its JSON body as <typeparamref name="T"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request.Method, Resolve(request), request.Body, request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, request.OperationId, ActionsJson.Deserialize<T>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and reads its JSON body as <typeparamref name="T"/>, or null when the body is JSON <c>null</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<T?> SendForNullableAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : class, IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request.Method, Resolve(request), request.Body, request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, request.OperationId, NullOr<T>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and reads its JSON array body.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<IReadOnlyList<T>> SendForListAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request.Method, Resolve(request), request.Body, request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, request.OperationId, ActionsJson.DeserializeList<T>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and returns its body as raw JSON (for bodies the spec gives no model).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<JsonElement> SendForElementAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request.Method, Resolve(request), request.Body, request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, request.OperationId, ParseElement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> for its status only (201/202/204); any body is ignored.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendCoreAsync(request.Method, Resolve(request), request.Body, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> and returns where its 302 points (a short-lived signed URL).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<Uri> SendForRedirectAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Resolve(request);
        using var response = await SendCoreAsync(request.Method, uri, request.Body, request, cancellationToken).ConfigureAwait(false);
        return RedirectTarget(response, uri)
            ?? response.RequestMessage?.RequestUri // the handler followed the redirect itself: this is where it went
            ?? throw ApiExceptionFactory.InvalidResponse(response, request.OperationId, "expected a redirect with a Location header");
    }

    /// <summary>
    /// Sends <paramref name="request"/>, then downloads what its 302 points to with a fresh request that carries no
    /// <c>Authorization</c> header. The caller disposes the stream.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<Stream> DownloadAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Resolve(request);
        var response = await SendCoreAsync(request.Method, uri, request.Body, request, cancellationToken).ConfigureAwait(false);
        if (RedirectTarget(response, uri) is not { } target)
        {
            // The handler followed the redirect (and dropped Authorization, as .NET does): this is the content.
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        response.Dispose();
        using var download = new HttpRequestMessage(HttpMethod.Get, target);
        download.Headers.UserAgent.ParseAdd(Options.UserAgent);
        var content = await _httpClient.SendAsync(download, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!content.IsSuccessStatusCode)
        {
            using (content)
            {
                throw await ApiExceptionFactory.CreateAsync(content, request.OperationId, cancellationToken).ConfigureAwait(false);
            }
        }

        return await content.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Walks every page of a paginated operation, following <c>Link: rel="next"</c> until the last page, and yields
    /// the items of each page.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async IAsyncEnumerable<TItem> PaginateAsync<TPage, TItem>(
        ApiRequest request,
        Func<TPage, IReadOnlyList<TItem>> items,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : IJsonModel<TPage>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        Uri? next = Resolve(request);
        while (next is not null)
        {
            IReadOnlyList<TItem> page;
            using (var response = await SendCoreAsync(HttpMethod.Get, next, null, request, cancellationToken).ConfigureAwait(false))
            {
                page = items(await ReadAsync(response, request.OperationId, ActionsJson.Deserialize<TPage>, cancellationToken).ConfigureAwait(false));
                var link = LinkHeader.Next(response.Headers, next);
                if (link is not null && !SameOrigin(link, Options.BaseAddress))
                {
                    throw new InvalidOperationException("The next-page link of " + request.OperationId + " points to another origin (" + link.GetLeftPart(UriPartial.Authority) + "); it is not followed.");
                }

                next = link;
            }

            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    private Uri Resolve(ApiRequest request) => new(Options.BaseAddress, request.RelativeUri);

    // One call: the attempt, then the policies in order: conditional-request cache, transient-failure retries, the
    // opt-in rate-limit wait, and finally the typed error.
    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, ApiRequest request, CancellationToken cancellationToken)
    {
        var cache = method == HttpMethod.Get ? _cache : null;
        var waitedForRateLimit = false;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(method, uri, body, request.Headers, cache?.ETagFor(uri), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && Options.Retry.CanRetry(method, attempt))
            {
                await Task.Delay(Options.Retry.Delay(attempt, null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (RateLimit.FromHeaders(response.Headers) is { } rateLimit)
            {
                Volatile.Write(ref _lastRateLimit, rateLimit);
            }

            var status = (int)response.StatusCode;
            if (status == 304 && cache?.Replay(uri, response) is { } replay)
            {
                response.Dispose();
                return replay;
            }

            if (status is >= 200 and < 300 || (status is >= 300 and < 400 && response.Headers.Location is not null))
            {
                if (cache is not null && status == 200 && response.Headers.ETag is { } etag)
                {
                    await response.Content.LoadIntoBufferAsync(Options.MaxResponseBytes).ConfigureAwait(false);
                    var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null;
                    cache.Store(uri, etag.ToString(), await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), link);
                }

                return response;
            }

            if (RetryOptions.IsTransient(response.StatusCode) && Options.Retry.CanRetry(method, attempt))
            {
                var retryAfter = RateLimit.RetryAfter(response.Headers);
                response.Dispose();
                await Task.Delay(Options.Retry.Delay(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
                continue;
            }

            // A rate-limited request was refused, not run: waiting and sending it again is safe for any method.
            if (!waitedForRateLimit && RateLimit.WaitBeforeRetry(response) is { } wait && wait <= Options.MaxRateLimitWait)
            {
                waitedForRateLimit = true;
                response.Dispose();
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                attempt--;
                continue;
            }

            using (response)
            {
                throw await ApiExceptionFactory.CreateAsync(response, request.OperationId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders, string? etag, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, uri);
        var headers = message.Headers;
        headers.Accept.Add(GitHubJson);
        headers.UserAgent.ParseAdd(Options.UserAgent);
        headers.TryAddWithoutValidation("X-GitHub-Api-Version", Options.ApiVersion);
        if (SameOrigin(uri, Options.BaseAddress) && await Options.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", ActionsClientOptions.HeaderValue(token, "token"));
        }

        foreach (var header in extraHeaders ?? Array.Empty<KeyValuePair<string, string>>())
        {
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (etag is not null)
        {
            headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (body is { } bytes)
        {
            message.Content = new ReadOnlyMemoryContent(bytes) { Headers = { ContentType = JsonContentType } };
        }

        return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    // A connection failure, or HttpClient.Timeout (a cancellation the caller did not ask for).
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private delegate T JsonParser<T>(ReadOnlySpan<byte> utf8Json);

    private static JsonElement ParseElement(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    private static T? NullOr<T>(ReadOnlySpan<byte> utf8Json) where T : class, IJsonModel<T>
    {
        var reader = new Utf8JsonReader(utf8Json);
        return reader.Read() && reader.TokenType == JsonTokenType.Null && !reader.Read() ? null : ActionsJson.Deserialize<T>(utf8Json);
    }

    // Every JSON body is read the same way: whole, bounded, then parsed; a parse failure names the operation.
    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string operationId, JsonParser<T> parse, CancellationToken cancellationToken)
    {
        using var body = await ReadBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
        try
        {
            return parse(body.Span);
        }
        catch (JsonException error)
        {
            throw ApiExceptionFactory.InvalidResponse(response, operationId, error);
        }
    }

    // HttpClient.Timeout stops at the headers (the body is read after SendAsync returns): the body gets the same limit,
    // so a server that stalls mid-body cannot hang the call.
    private async Task<ResponseBuffer> ReadBodyAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_httpClient.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_httpClient.Timeout);
        }

        ResponseBuffer? body;
        try
        {
            body = await ResponseBuffer.ReadAsync(response.Content, Options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiExceptionFactory.InvalidResponse(response, operationId, "the body did not arrive within the HttpClient's Timeout (" + _httpClient.Timeout + ")");
        }

        return body ?? throw ApiExceptionFactory.InvalidResponse(response, operationId, "the body is larger than MaxResponseBytes (" + Options.MaxResponseBytes + " bytes)");
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri requestUri) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(requestUri, location))
            : null;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
