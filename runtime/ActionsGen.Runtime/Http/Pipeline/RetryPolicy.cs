using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Http.Pipeline;

/// <summary>Transient failures (connection errors, timeouts, 500/502/503/504) go again with back-off, as <see cref="RetryOptions"/> allows.</summary>
internal sealed class RetryPolicy(RetryOptions retry) : SendPolicy
{
    public override async ValueTask<HttpResponseMessage> SendAsync(SendMessage message, SendNext next)
    {
        var method = message.Request.Method;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await next.SendAsync(message).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, message.CancellationToken) && retry.CanRetry(method, attempt))
            {
                ActionsTelemetry.Retry(message.Request.OperationId, ActionsTelemetry.ErrorType(e));
                await Task.Delay(retry.Delay(attempt, null), message.CancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!RetryOptions.IsTransient(response.StatusCode) || !retry.CanRetry(method, attempt))
            {
                return response;
            }

            ActionsTelemetry.Retry(message.Request.OperationId, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            var retryAfter = RateLimit.RetryAfter(response.Headers);
            response.Dispose();
            await Task.Delay(retry.Delay(attempt, retryAfter), message.CancellationToken).ConfigureAwait(false);
        }
    }

    // A connection failure, or HttpClient.Timeout (a cancellation the caller did not ask for).
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
