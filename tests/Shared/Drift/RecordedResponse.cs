using System.Net;
using System.Net.Http.Headers;

namespace ActionsGen.Testing.Drift;

/// <summary>One response as it came over the wire: status, headers and body bytes, replayable any number of times.</summary>
public sealed class RecordedResponse
{
    private readonly KeyValuePair<string, string[]>[] _headers;
    private readonly KeyValuePair<string, string[]>[] _contentHeaders;

    private RecordedResponse(HttpStatusCode status, KeyValuePair<string, string[]>[] headers, KeyValuePair<string, string[]>[] contentHeaders, byte[] body)
    {
        Status = status;
        _headers = headers;
        _contentHeaders = contentHeaders;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    public static async Task<RecordedResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) => new(
        response.StatusCode,
        Copy(response.Headers),
        Copy(response.Content.Headers),
        await response.Content.ReadAsByteArrayAsync(cancellationToken));

    /// <summary>A fresh message with the recorded status, headers and body, answering <paramref name="request"/>.</summary>
    public HttpResponseMessage ToMessage(HttpRequestMessage request)
    {
        var message = new HttpResponseMessage(Status) { RequestMessage = request, Content = new ByteArrayContent(Body) };
        foreach (var (name, values) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in _contentHeaders.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            message.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return message;
    }

    private static KeyValuePair<string, string[]>[] Copy(HttpHeaders headers) =>
        headers.NonValidated.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToArray();
}

/// <summary>
/// Between the lenient client and the mock server: keeps each response so a strict client can read the same bytes,
/// refuses any address off this machine, and adds <c>application/json</c> to GitHub's <c>Accept</c>.
/// </summary>
public sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The last response, or null when the last request got none.</summary>
    public RecordedResponse? Last { get; private set; }

    public void Forget() => Last = null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsLoopback: true })
        {
            throw new InvalidOperationException("The drift check only calls this machine; refused " + request.RequestUri);
        }

        // GitHub serves application/vnd.github+json as JSON; its descriptions name application/json only, and Prism
        // answers 406 to an Accept that names none of a description's media types.
        if (request.Headers.Accept.Any(a => a.MediaType == "application/vnd.github+json"))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        using var response = await base.SendAsync(request, cancellationToken);
        Last = await RecordedResponse.ReadAsync(response, cancellationToken);
        return Last.ToMessage(request);
    }
}

/// <summary>Answers every request with the response a <see cref="RecordingHandler"/> kept last; sends nothing.</summary>
public sealed class ReplayHandler(RecordingHandler recorder) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(recorder.Last?.ToMessage(request) ?? throw new HttpRequestException("no response was recorded to replay"));
}
