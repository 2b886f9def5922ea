using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Errors;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Http;

/// <summary>
/// One call from request to a response the caller can read, through small policies in order: the write gate
/// (<see cref="WriteGate"/>), the shared rate-limit window (<see cref="RateGovernor"/>), the ETag cache
/// (<see cref="ConditionalRequestCache"/>), transient retries (<see cref="RetryOptions"/>), the rate-limit wait
/// (<see cref="RateLimitResponse"/>), and finally the typed error.
/// </summary>
internal sealed class SendPipeline
{
    private static readonly MediaTypeWithQualityHeaderValue GitHubJson = new("application/vnd.github+json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly ActionsClientOptions _options;
    private readonly ConditionalRequestCache? _cache;
    private RateLimit? _lastRateLimit;

    public SendPipeline(HttpClient httpClient, ActionsClientOptions options, ConditionalRequestCache? cache)
    {
        _httpClient = httpClient;
        _options = options;
        _cache = cache;
    }

    public RateLimit? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    /// <summary>Sends <paramref name="request"/> to <paramref name="uri"/>; returns a 2xx, or a 3xx with a <c>Location</c>.</summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, Uri uri, Activity? activity, CancellationToken cancellationToken)
    {
        using var writeSlot = await _options.WriteGate.EnterAsync(request.Method, _options.SerializeWrites, cancellationToken).ConfigureAwait(false);
        var cache = request.Method == HttpMethod.Get ? _cache : null;
        var waitedForRateLimit = false;
        for (int attempt = 0, sends = 0; ; attempt++, sends++)
        {
            await BeforeSendAsync(request.OperationId, activity, sends, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, uri, cache?.ETagFor(uri), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && _options.Retry.CanRetry(request.Method, attempt))
            {
                ActionsTelemetry.Retry(request.OperationId, ActionsTelemetry.ErrorType(e));
                await Task.Delay(_options.Retry.Delay(attempt, null), cancellationToken).ConfigureAwait(false);
                continue;
            }

            Observe(response, activity);
            if (Accepted(response, uri, cache, request.OperationId) is { } accepted)
            {
                return accepted;
            }

            if (RetryOptions.IsTransient(response.StatusCode) && _options.Retry.CanRetry(request.Method, attempt))
            {
                ActionsTelemetry.Retry(request.OperationId, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                var retryAfter = RateLimit.RetryAfter(response.Headers);
                response.Dispose();
                await Task.Delay(_options.Retry.Delay(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
                continue;
            }

            // A rate-limited request was refused, not run: waiting and sending it again is safe for any method. The
            // window closes for every call sharing these options; this one waits (once) in BeforeSendAsync.
            if (await RateLimitResponse.WaitAsync(response, cancellationToken).ConfigureAwait(false) is { } wait)
            {
                _options.RateGovernor.Close(wait);
                if (!waitedForRateLimit && wait <= _options.MaxRateLimitWait)
                {
                    waitedForRateLimit = true;
                    response.Dispose();
                    attempt--;
                    continue;
                }
            }

            using (response)
            {
                throw await ApiExceptionFactory.CreateAsync(response, request.OperationId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The shared rate-limit window first; a request that goes out again says so on its activity.
    private async Task BeforeSendAsync(string operationId, Activity? activity, int sends, CancellationToken cancellationToken)
    {
        if (await _options.RateGovernor.WaitAsync(_options.MaxRateLimitWait, cancellationToken).ConfigureAwait(false))
        {
            ActionsTelemetry.RateLimitWait(operationId);
        }

        if (sends > 0)
        {
            ActionsTelemetry.Resend(activity, sends);
        }
    }

    private void Observe(HttpResponseMessage response, Activity? activity)
    {
        var rateLimit = RateLimit.FromHeaders(response.Headers);
        if (rateLimit is not null)
        {
            Volatile.Write(ref _lastRateLimit, rateLimit);
        }

        ActionsTelemetry.Response(activity, response, rateLimit);
    }

    // A success for the caller: a 304 replayed from the cache, a 2xx, or a 3xx with somewhere to go. Null: not a success.
    private static HttpResponseMessage? Accepted(HttpResponseMessage response, Uri uri, ConditionalRequestCache? cache, string operationId)
    {
        var status = (int)response.StatusCode;
        if (status == 304 && cache?.Replay(uri, response) is { } replay)
        {
            response.Dispose();
            return replay;
        }

        return status switch
        {
            >= 200 and < 300 => response,
            >= 300 and < 400 => response.Headers.Location is not null ? response : throw NoLocation(response, operationId),
            _ => null,
        };
    }

    private static InvalidResponseException NoLocation(HttpResponseMessage response, string operationId)
    {
        using (response)
        {
            return ApiExceptionFactory.InvalidResponse(response, operationId, "a " + (int)response.StatusCode + " response without a Location header");
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, Uri uri, string? etag, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);
        var headers = message.Headers;
        headers.Accept.Add(GitHubJson);
        headers.UserAgent.ParseAdd(_options.UserAgent);
        headers.TryAddWithoutValidation("X-GitHub-Api-Version", _options.ApiVersion);
        foreach (var (name, value) in request.Headers)
        {
            // The operation's own value wins over a default (e.g. Accept); Authorization and Host never come from here.
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }

        if (Origin.Same(uri, _options.BaseAddress) && await _options.GetTokenAsync(_httpClient, cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", ActionsClientOptions.HeaderValue(token, "token"));
        }

        if (etag is not null)
        {
            headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.Body is { } bytes)
        {
            message.Content = new ReadOnlyMemoryContent(bytes) { Headers = { ContentType = JsonContentType } };
        }

        return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    // A connection failure, or HttpClient.Timeout (a cancellation the caller did not ask for).
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
