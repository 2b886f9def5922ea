using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>
/// The last step: builds the HTTP request (GitHub's headers, the operation's own, the token for the configured origin
/// only, the validators) and sends it; records the rate limit the response reports.
/// </summary>
internal sealed class TransportPolicy(HttpClient httpClient, ActionsClientOptions options) : SendPolicy
{
    private static readonly MediaTypeWithQualityHeaderValue GitHubJson = new("application/vnd.github+json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private RateLimit? _lastRateLimit;

    public RateLimit? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        using var request = await CreateAsync(message).ConfigureAwait(false);
        message.Sends++;
        var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, message.CancellationToken).ConfigureAwait(false);
        var rateLimit = RateLimit.FromHeaders(response.Headers);
        if (rateLimit is not null)
        {
            Volatile.Write(ref _lastRateLimit, rateLimit);
        }

        ActionsTelemetry.Response(message.Activity, response, rateLimit);
        return response;
    }

    private async ValueTask<HttpRequestMessage> CreateAsync(SendMessage message)
    {
        var request = new HttpRequestMessage(message.Request.Method, message.Uri);
        var headers = request.Headers;
        headers.Accept.Add(GitHubJson);
        headers.UserAgent.ParseAdd(options.UserAgent);
        headers.TryAddWithoutValidation("X-GitHub-Api-Version", options.ApiVersion);
        foreach (var (name, value) in message.Request.Headers)
        {
            // The operation's own value wins over a default (e.g. Accept); Authorization and Host never come from here.
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }

        if (Origin.Same(message.Uri, options.BaseAddress) && await options.GetTokenAsync(httpClient, message.CancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", ActionsClientOptions.HeaderValue(token, "token"));
        }

        if (message.Validators.ETag is { } etag)
        {
            headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        else if (message.Validators.LastModified is { } lastModified)
        {
            headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        if (message.Request.Body is { } bytes)
        {
            request.Content = new ReadOnlyMemoryContent(bytes) { Headers = { ContentType = JsonContentType } };
        }

        return request;
    }
}
