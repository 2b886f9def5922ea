using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ActionsGen.Runtime.Simulation;

/// <summary>
/// The engine of a generated simulator (<c>Simulator="true"</c> gives <c>{Prefix}Simulator</c>): an
/// <see cref="HttpMessageHandler"/> that answers every operation of the spec in process, without sockets. A request
/// is routed by method and path template, its parameters and JSON body are checked against the spec (presence, type,
/// enum, range, length, pattern, format; a body's required members, types and enums), and it is answered with GitHub's
/// refusal when it breaks them (422 naming the parameter or member, 400 for a body that is not JSON, 404 for an unknown
/// route or method), otherwise with its script or the spec's example and first success status. Every request is
/// recorded in <see cref="Requests"/>. Thread-safe.
/// </summary>
public abstract class ApiSimulator : HttpMessageHandler
{
    private const string JsonMediaType = "application/json";
    private const string DownloadHost = "https://simulated-downloads.githubusercontent.com";

    private readonly SimulatedApi _api;
    private readonly JsonSerializerOptions _json;
    private readonly object _gate = new();
    private readonly List<SimulatedRequest> _requests = new();
    private readonly Dictionary<string, List<SimulatedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _downloads = new(StringComparer.Ordinal);
    private long _requestCount;

    /// <summary>Creates the engine over a generated table.</summary>
    protected ApiSimulator(SimulatedApi api)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _json = new JsonSerializerOptions { TypeInfoResolver = api.Resolver };
    }

    /// <summary>Every request received so far, in the order they were answered (a copy).</summary>
    public IReadOnlyList<SimulatedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The operations the simulator answers, as the spec lists them.</summary>
    public IReadOnlyList<SimulatedOperation> Operations => _api.Operations;

    /// <summary>An <see cref="HttpClient"/> over this simulator (disposing it leaves the simulator usable).</summary>
    public HttpClient CreateHttpClient() => new(this, disposeHandler: false);

    /// <summary>
    /// Answers <paramref name="operationId"/> with <paramref name="status"/> and <paramref name="body"/> from now on
    /// (or for <see cref="SimulatedResponse.Times"/> calls). The body is a generated model (written with its JSON
    /// writer), a list of them, a <see cref="JsonElement"/>, a JSON string (any other string is sent as text/plain), or
    /// null: nothing for a success, GitHub's <c>{"message", "documentation_url"}</c> for a failure. A scripted answer is
    /// given only to a request the spec allows; one that breaks it still gets its 422.
    /// </summary>
    /// <exception cref="ArgumentException">The spec has no such operation, or the body is a type of another spec.</exception>
    public SimulatedResponse Respond(string operationId, HttpStatusCode status, object? body = null)
    {
        var operation = Operation(operationId);
        var (bytes, mediaType) = body is null && (int)status >= 400
            ? (GitHubAnswers.Error(status, GitHubAnswers.MessageFor(status), operation.Row.DocumentationUrl), JsonMediaType)
            : Serialize(body);
        return Script(new SimulatedResponse(_gate, operationId, status, bytes, mediaType, usualAnswer: false));
    }

    /// <summary>Answers 404 as GitHub does for a resource that does not exist or that the token cannot see.</summary>
    public SimulatedResponse RespondNotFound(string operationId) => Respond(operationId, HttpStatusCode.NotFound);

    /// <summary>
    /// Answers 403 with the primary rate limit used up (<c>x-ratelimit-remaining: 0</c>, reset at
    /// <paramref name="reset"/>, a minute from now by default): the client throws <c>RateLimitExceededException</c>, or
    /// waits for the reset and sends again when <c>MaxRateLimitWait</c> allows.
    /// </summary>
    public SimulatedResponse RespondRateLimited(string operationId, DateTimeOffset? reset = null)
    {
        var operation = Operation(operationId);
        var at = (reset ?? DateTimeOffset.UtcNow.AddMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = GitHubAnswers.Error(HttpStatusCode.Forbidden, "API rate limit exceeded for installation ID 1.", GitHubAnswers.RateLimitDocumentation);
        return Script(new SimulatedResponse(_gate, operation.OperationId, HttpStatusCode.Forbidden, body, JsonMediaType, usualAnswer: false))
            .WithHeader("x-ratelimit-limit", "5000")
            .WithHeader("x-ratelimit-remaining", "0")
            .WithHeader("x-ratelimit-used", "5000")
            .WithHeader("x-ratelimit-reset", at)
            .WithHeader("x-ratelimit-resource", "core");
    }

    /// <summary>
    /// Answers 403 for a secondary rate limit with <c>Retry-After</c> (whole seconds, at least one): the client throws
    /// <c>RateLimitExceededException</c> with <c>RetryAfter</c>, or waits and sends again when <c>MaxRateLimitWait</c> allows.
    /// </summary>
    public SimulatedResponse RespondSecondaryRateLimit(string operationId, TimeSpan retryAfter)
    {
        var operation = Operation(operationId);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var body = GitHubAnswers.Error(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", GitHubAnswers.RateLimitDocumentation + "#about-secondary-rate-limits");
        return Script(new SimulatedResponse(_gate, operation.OperationId, HttpStatusCode.Forbidden, body, JsonMediaType, usualAnswer: false))
            .WithHeader("Retry-After", seconds);
    }

    /// <summary>Answers a server error (500 by default; 502, 503 and 504 are the other statuses the client retries).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a 5xx.</exception>
    public SimulatedResponse RespondServerError(string operationId, HttpStatusCode status = HttpStatusCode.InternalServerError)
    {
        if ((int)status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is a 5xx status.");
        }

        return Respond(operationId, status);
    }

    /// <summary>Answers as usual (the spec's example), but only after <paramref name="delay"/>: to test cancellation and timeouts.</summary>
    public SimulatedResponse Delay(string operationId, TimeSpan delay)
    {
        var operation = Operation(operationId);
        return Script(new SimulatedResponse(_gate, operation.OperationId, (HttpStatusCode)operation.Row.Status, null, null, usualAnswer: true)).After(delay);
    }

    /// <summary>
    /// Makes a paged operation (one that takes <c>page</c>) have <paramref name="pages"/> pages: each page up to the
    /// last answers with the example and a <c>Link</c> header (<c>next</c> and <c>last</c>, <c>first</c> and <c>prev</c>
    /// after the first), so a page walk reads every page; a page after the last has an empty list, as GitHub's does.
    /// </summary>
    /// <exception cref="ArgumentException">The operation is not paged.</exception>
    public void SetPageCount(string operationId, int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        var operation = Operation(operationId);
        if (!operation.IsPaged)
        {
            throw new ArgumentException("The operation '" + operationId + "' is not paged (it takes no 'page' parameter or returns no list).", nameof(operationId));
        }

        _pages[operationId] = pages;
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Forgets the recorded requests, every script and every page count: back to the spec's examples.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _scripts.Clear();
        }

        _pages.Clear();
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (response, delay) = Answer(request, body);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Nothing to release: IHttpClientFactory disposes primary handlers as it rotates them, and the simulator stays usable.</summary>
    protected override void Dispose(bool disposing)
    {
    }

    // Routes, checks and answers one request, and records it; the delay is the caller's to wait.
    private (HttpResponseMessage Response, TimeSpan Delay) Answer(HttpRequestMessage request, byte[]? body)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri.");
        var query = RequestQuery.Parse(uri.Query);
        var bodyText = body is { Length: > 0 } ? Encoding.UTF8.GetString(body) : null;

        if (request.Method == HttpMethod.Get && _downloads.TryGetValue(uri.AbsoluteUri, out var redirectedBy))
        {
            var download = Reply(request, HttpStatusCode.OK, Encoding.UTF8.GetBytes("Simulated download for " + redirectedBy + "\n"), "text/plain");
            Record(new SimulatedRequest(redirectedBy, request.Method, uri, Empty, query.Joined(), HeadersOf(request), bodyText, download.StatusCode, IsDownload: true));
            return (download, TimeSpan.Zero);
        }

        var segments = Array.ConvertAll(Router.Segments(uri.AbsolutePath), Uri.UnescapeDataString);
        var match = _api.Router.Find(request.Method, segments);
        if (match?.Operation is not { } operation)
        {
            var message = match is null
                ? "Not Found"
                : "Not Found (the spec has " + string.Join(", ", match.Methods) + " for this path, not " + request.Method + ")";
            var notFound = Reply(request, HttpStatusCode.NotFound, GitHubAnswers.Error(HttpStatusCode.NotFound, message, null), JsonMediaType);
            Record(new SimulatedRequest(null, request.Method, uri, Empty, query.Joined(), HeadersOf(request), bodyText, notFound.StatusCode));
            return (notFound, TimeSpan.Zero);
        }

        var (response, delay) = Check(operation, match.Values, query, request, body) is { } refusal
            ? (refusal, TimeSpan.Zero)
            : ScriptedOrUsual(operation, request, uri, query);
        Record(new SimulatedRequest(operation.OperationId, request.Method, uri, match.Values, query.Joined(), HeadersOf(request), bodyText, response.StatusCode));
        return (response, delay);
    }

    // GitHub's refusal of a request that breaks the spec, or null when it follows it.
    private HttpResponseMessage? Check(OperationRules operation, IReadOnlyDictionary<string, string> pathValues, RequestQuery query, HttpRequestMessage request, byte[]? body)
    {
        var errors = new ValidationErrors("path");
        foreach (var parameter in operation.Parameters)
        {
            errors.Resource = parameter.Location;
            IReadOnlyList<string>? values = parameter.Location switch
            {
                "path" => pathValues.TryGetValue(parameter.Name, out var value) ? new[] { value } : null,
                "query" => query.Values(parameter.Name),
                _ => HeaderValues(request, parameter.Name),
            };
            if (values is null || values.Count == 0)
            {
                if (parameter.Required)
                {
                    errors.Add(parameter.Name, ValidationErrors.MissingField, parameter.Name + " is required (a " + parameter.Location + " parameter)");
                }

                continue;
            }

            parameter.Schema.CheckText(values, parameter.Name, errors);
        }

        errors.Resource = "body";
        if (operation.Body is { } rule)
        {
            if (body is not { Length: > 0 })
            {
                if (operation.BodyRequired)
                {
                    errors.Add(string.Empty, ValidationErrors.MissingField, "the request body is required");
                }
            }
            else
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(body);
                }
                catch (JsonException)
                {
                    return Reply(request, HttpStatusCode.BadRequest, GitHubAnswers.Error(HttpStatusCode.BadRequest, "Problems parsing JSON", operation.Row.DocumentationUrl), JsonMediaType);
                }

                using (document)
                {
                    rule.Check(document.RootElement, string.Empty, errors);
                }
            }
        }

        return errors.Count == 0
            ? null
            : Reply(request, HttpStatusCode.UnprocessableEntity, GitHubAnswers.ValidationFailed(errors, operation.Row.DocumentationUrl), JsonMediaType);
    }

    // The script's answer, or the spec's: its first success status with its example (a page of it), or its redirect.
    private (HttpResponseMessage Response, TimeSpan Delay) ScriptedOrUsual(OperationRules operation, HttpRequestMessage request, Uri uri, RequestQuery query)
    {
        SimulatedResponse.Answer? scripted;
        lock (_gate)
        {
            scripted = Take(operation.OperationId);
        }

        if (scripted is { Script.UsualAnswer: false } answer)
        {
            var script = answer.Script;
            var response = Reply(request, script.StatusCode, script.Body, script.MediaType, answer.Headers);
            if ((int)script.StatusCode is >= 300 and < 400 && response.Headers.Location is null)
            {
                response.Headers.Location = Redirect(operation, uri);
            }

            return (response, answer.Delay);
        }

        var delay = scripted?.Delay ?? TimeSpan.Zero;
        var status = (HttpStatusCode)operation.Row.Status;
        if (operation.IsRedirect)
        {
            var redirect = Reply(request, status, null, null);
            redirect.Headers.Location = Redirect(operation, uri);
            return (redirect, delay);
        }

        var example = operation.Row.Example;
        if (example is null || !operation.IsPaged)
        {
            return (Reply(request, status, example, example is null ? null : JsonMediaType), delay);
        }

        var pages = _pages.TryGetValue(operation.OperationId, out var count) ? count : 1;
        var page = int.TryParse(query.Values("page")?[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 1;
        var body = page > pages ? Pages.Empty(example, operation.Row.Items!) : example;
        var reply = Reply(request, status, body, JsonMediaType);
        if (Pages.Link(uri, page, pages) is { } link)
        {
            reply.Headers.TryAddWithoutValidation("Link", link);
        }

        return (reply, delay);
    }

    // Counted answers first (in the order scripted), then the latest standing one.
    private SimulatedResponse.Answer? Take(string operationId)
    {
        if (!_scripts.TryGetValue(operationId, out var scripts))
        {
            return null;
        }

        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Remaining is { } remaining)
            {
                var answer = scripts[i].Take();
                if (remaining <= 1)
                {
                    scripts.RemoveAt(i);
                }
                else
                {
                    scripts[i].Remaining = remaining - 1;
                }

                return answer;
            }
        }

        for (var i = scripts.Count - 1; i >= 0; i--)
        {
            if (scripts[i].Remaining is null)
            {
                return scripts[i].Take();
            }
        }

        return null;
    }

    private SimulatedResponse Script(SimulatedResponse response)
    {
        lock (_gate)
        {
            if (!_scripts.TryGetValue(response.OperationId, out var scripts))
            {
                _scripts[response.OperationId] = scripts = new List<SimulatedResponse>();
            }

            scripts.Add(response);
        }

        return response;
    }

    // Where a redirect points: the spec's example, else an address of the simulator's own; either is then answered as a download.
    private Uri Redirect(OperationRules operation, Uri request)
    {
        var target = operation.Row.Location ?? DownloadHost + request.AbsolutePath;
        _downloads[new Uri(target).AbsoluteUri] = operation.OperationId;
        return new Uri(target);
    }

    private HttpResponseMessage Reply(HttpRequestMessage request, HttpStatusCode status, byte[]? body, string? mediaType, KeyValuePair<string, string>[]? headers = null)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (body is not null)
        {
            response.Content = new ByteArrayContent(body);
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? JsonMediaType) { CharSet = "utf-8" };
        }

        var number = Interlocked.Increment(ref _requestCount);
        var own = response.Headers;
        own.TryAddWithoutValidation("x-github-request-id", "SIMULATED:" + number.ToString("X8", CultureInfo.InvariantCulture));
        own.TryAddWithoutValidation("x-github-api-version-selected", request.Headers.TryGetValues("X-GitHub-Api-Version", out var version) ? string.Join(",", version) : "2022-11-28");
        own.TryAddWithoutValidation("x-ratelimit-limit", "5000");
        own.TryAddWithoutValidation("x-ratelimit-remaining", "4999");
        own.TryAddWithoutValidation("x-ratelimit-used", "1");
        own.TryAddWithoutValidation("x-ratelimit-reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        own.TryAddWithoutValidation("x-ratelimit-resource", "core");
        foreach (var (name, value) in headers ?? Array.Empty<KeyValuePair<string, string>>())
        {
            if (ContentHeaders.Contains(name))
            {
                response.Content ??= new ByteArrayContent(Array.Empty<byte>());
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                own.Remove(name);
                own.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private (byte[]? Body, string? MediaType) Serialize(object? body)
    {
        switch (body)
        {
            case null:
                return (null, null);
            case string text:
                return (Encoding.UTF8.GetBytes(text), GitHubAnswers.IsJson(text) ? JsonMediaType : "text/plain");
            case JsonElement element:
                return (Encoding.UTF8.GetBytes(element.GetRawText()), JsonMediaType);
            case JsonDocument document:
                return (Encoding.UTF8.GetBytes(document.RootElement.GetRawText()), JsonMediaType);
            case byte[] bytes:
                return (bytes, "application/octet-stream");
            case IEnumerable items when TypeInfo(body.GetType(), throwIfUnknown: false) is null:
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            JsonSerializer.Serialize(writer, item, TypeInfo(item.GetType(), throwIfUnknown: true)!);
                        }
                    }

                    writer.WriteEndArray();
                }

                return (buffer.WrittenSpan.ToArray(), JsonMediaType);
            default:
                return (JsonSerializer.SerializeToUtf8Bytes(body, TypeInfo(body.GetType(), throwIfUnknown: true)!), JsonMediaType);
        }
    }

    private System.Text.Json.Serialization.Metadata.JsonTypeInfo? TypeInfo(Type type, bool throwIfUnknown)
    {
        var info = _api.Resolver.GetTypeInfo(type, _json);
        return info is not null || !throwIfUnknown
            ? info
            : throw new ArgumentException(type.FullName + " is not a model of this simulator's spec; give a model of its namespace, a JSON string or a JsonElement.", "body");
    }

    private OperationRules Operation(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        return _api.Find(operationId)
            ?? throw new ArgumentException("The spec has no operation '" + operationId + "'. Its operations: " + string.Join(", ", OperationIds()) + ".", nameof(operationId));
    }

    private IEnumerable<string> OperationIds()
    {
        foreach (var operation in _api.Operations)
        {
            yield return operation.OperationId;
        }
    }

    private void Record(SimulatedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    private static IReadOnlyList<string>? HeaderValues(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) || (request.Content?.Headers.TryGetValues(name, out values) ?? false)
            ? new List<string>(values!)
            : null;

    private static Dictionary<string, string> HeadersOf(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return headers;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    // The headers .NET keeps on the content rather than the response.
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };
}
