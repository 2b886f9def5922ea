using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Serialization;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// Sends the requests generated clients build: adds GitHub's headers and the token, maps failures to typed
/// exceptions, reads JSON bodies with generated code, follows pagination links and log redirects.
/// </summary>
/// <remarks>
/// It sends through the <see cref="HttpClient"/> it is given and owns no connections. The token goes only to the
/// configured base address' origin: log downloads and links to another origin never carry it. Each call is one
/// <see cref="System.Diagnostics.Activity"/> of <see cref="ActionsTelemetry.Name"/> (each page, in a page walk).
/// </remarks>
public sealed class ApiConnection
{
    private readonly HttpClient _httpClient;
    private readonly SendPipeline _pipeline;

    /// <summary>Creates a connection over <paramref name="httpClient"/>.</summary>
    public ApiConnection(HttpClient httpClient, ActionsClientOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _pipeline = new SendPipeline(httpClient, options);
    }

    /// <summary>The options requests are sent with.</summary>
    public ActionsClientOptions Options { get; }

    /// <summary>The rate-limit state reported by the most recent response that carried one.</summary>
    public RateLimit? LastRateLimit => _pipeline.LastRateLimit;

    /// <summary>Sends <paramref name="request"/> and reads its JSON body as <typeparamref name="T"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : IJsonModel<T> =>
        RunAsync(request, null, (response, ct) => ReadAsync(response, request.OperationId, ActionsJson.Read<T, ModelCodec<T>>, ct), cancellationToken);

    /// <summary>Sends <paramref name="request"/> and reads its JSON body as <typeparamref name="T"/>, or null when the body is JSON <c>null</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T?> SendForNullableAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : class, IJsonModel<T> =>
        RunAsync(request, null, (response, ct) => ReadAsync(response, request.OperationId, JsonNull.Or<T>(ActionsJson.Read<T, ModelCodec<T>>), ct), cancellationToken);

    /// <summary>Sends <paramref name="request"/> and reads its JSON array body.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<IReadOnlyList<T>> SendForListAsync<T>(ApiRequest request, CancellationToken cancellationToken) where T : IJsonModel<T> =>
        RunAsync(request, null, (response, ct) => ReadAsync(response, request.OperationId, ActionsJson.Read<IReadOnlyList<T>, ListCodec<T, ModelCodec<T>>>, ct), cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns its body as raw JSON (for bodies the spec gives no model).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<JsonElement> SendForElementAsync(ApiRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, (response, ct) => ReadAsync(response, request.OperationId, ParseElement, ct), cancellationToken);

    /// <summary>Sends <paramref name="request"/> for its status only (201/202/204); any body is ignored.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, (response, _) =>
        {
            response.Dispose();
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns where its 3xx points (a short-lived signed URL).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<Uri> SendForRedirectAsync(ApiRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, (response, _) =>
        {
            using (response)
            {
                // No Location: the handler followed the redirect itself, and the request URI is where it went.
                return Task.FromResult(RedirectTarget(response) ?? response.RequestMessage?.RequestUri
                    ?? throw ApiExceptionFactory.InvalidResponse(response, request.OperationId, "expected a redirect with a Location header"));
            }
        }, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/>, then downloads what its 3xx points to with a fresh request that carries no
    /// <c>Authorization</c> header. The caller disposes the stream.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<Stream> DownloadAsync(ApiRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, (response, ct) => DownloadTargetAsync(response, request.OperationId, ct), cancellationToken);

    /// <summary>
    /// Walks every page of a paginated operation, following <c>Link: rel="next"</c> until the last page, and yields
    /// the items of each page. A next link on another origin continues at the base address (see <see cref="LinkHeader.NextUnder"/>).
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
            var uri = next;
            var (page, link) = await RunAsync(request, uri, async (response, ct) =>
            {
                var link = LinkHeader.NextUnder(response.Headers, uri, Options.BaseAddress);
                return (items(await ReadAsync(response, request.OperationId, ActionsJson.Read<TPage, ModelCodec<TPage>>, ct).ConfigureAwait(false)), link);
            }, cancellationToken).ConfigureAwait(false);
            next = link;
            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    /// <summary>The base address and how the connection authenticates; never the token or key.</summary>
    public override string ToString() => "ApiConnection: " + Options;

    private Uri Resolve(ApiRequest request) => new(Options.BaseAddress, request.RelativeUri);

    // One operation call (or one page): its activity, the pipeline, then `handle`, which owns the response.
    private async Task<T> RunAsync<T>(ApiRequest request, Uri? uri, Func<HttpResponseMessage, CancellationToken, Task<T>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        uri ??= Resolve(request);
        using var activity = ActionsTelemetry.Start(request, uri);
        try
        {
            var response = await _pipeline.SendAsync(request, uri, activity, cancellationToken).ConfigureAwait(false);
            return await handle(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ActionsTelemetry.Fail(activity, e))
        {
            throw;
        }
    }

    private async Task<Stream> DownloadTargetAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        if (RedirectTarget(response) is not { } target)
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
                throw await ApiExceptionFactory.CreateAsync(content, operationId, cancellationToken).ConfigureAwait(false);
            }
        }

        return await content.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement ParseElement(ReadOnlySpan<byte> utf8Json, JsonDeviationKinds refused, string operationId, out JsonDeviationReport? deviations)
    {
        deviations = null;
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    // Every JSON body is read the same way: whole, bounded, cancellable, then parsed; a parse failure names the
    // operation, and what drifted is reported. Only a body that parsed goes into the ETag cache.
    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string operationId, JsonParser<T> parse, CancellationToken cancellationToken)
    {
        using (response)
        {
            using var body = await ReadBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
            T value;
            JsonDeviationReport? deviations;
            try
            {
                value = parse(body.Span, Options.StrictResponses ? JsonDeviationKinds.All : JsonDeviationKinds.None, operationId, out deviations);
            }
            catch (JsonException error)
            {
                throw ApiExceptionFactory.InvalidResponse(response, operationId, error);
            }

            if (deviations is not null)
            {
                ActionsTelemetry.Deviations(deviations);
                Options.OnResponseDeviations?.Invoke(deviations);
            }

            await _pipeline.BodyReadAsync(response, body.Span).ConfigureAwait(false);
            return value;
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

    private static Uri? RedirectTarget(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri || response.RequestMessage?.RequestUri is not { } from ? location : new Uri(from, location))
            : null;
}
