using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ActionsGen.Runtime.Webhooks;
using GitHub.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>
/// A Kestrel app on 127.0.0.1 as a user writes it: <c>AddActionsWebhookHandler&lt;RecordingHandler&gt;()</c> and
/// <c>MapActionsWebhooks("/hooks", …)</c>, with the handler recording every call and the logs kept.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    public const string Secret = "It's a Secret to Everybody";

    private WebhookServer(WebApplication app, Uri root, Dispatches dispatches, LogRecorder logs)
    {
        App = app;
        Url = new Uri(root, "hooks");
        Dispatches = dispatches;
        Logs = logs;
        Http = new HttpClient { BaseAddress = root };
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public Dispatches Dispatches { get; }

    public LogRecorder Logs { get; }

    /// <summary>Starts the app; <paramref name="map"/> replaces the default mapping (the secret <see cref="Secret"/>, then <paramref name="configure"/>).</summary>
    public static async Task<WebhookServer> StartAsync(Action<WebhookReceiverOptions>? configure = null, Action<WebApplication>? map = null, Action<WebhookReceiverOptions>? registered = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new LogRecorder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var dispatches = new Dispatches();
        builder.Services.AddSingleton(dispatches);
        builder.Services.AddActionsWebhookHandler<RecordingHandler>(registered);
        var app = builder.Build();
        if (map is not null)
        {
            map(app);
        }
        else
        {
            app.MapActionsWebhooks("/hooks", options =>
            {
                options.Secrets = new List<string> { Secret };
                configure?.Invoke(options);
            });
        }

        var root = await KestrelLoopback.StartAsync(app);
        return new WebhookServer(app, root, dispatches, logs);
    }

    /// <summary>A delivery as GitHub sends it: signed with <paramref name="secret"/> (none: unsigned), with GitHub's headers.</summary>
    public static HttpRequestMessage Delivery(string @event, string body, string? deliveryId = null, string? secret = Secret, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-ID", "12312312");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "repository");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-ID", "123123");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/044aadd");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret));
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request);

    public Task<HttpResponseMessage> PostAsync(string @event, string body, string? deliveryId = null, string? secret = Secret, string contentType = "application/json") =>
        Http.SendAsync(Delivery(@event, body, deliveryId, secret, contentType));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Every handler call: the method, the delivery and the payload it got.</summary>
public sealed class Dispatches
{
    public ConcurrentQueue<(string Method, WebhookDelivery Delivery, object? Payload)> Calls { get; } = new();

    /// <summary>Runs in every handler method before it records: throw to fail a delivery, delay to slow it.</summary>
    public Func<WebhookDelivery, Task>? OnDispatch { get; set; }

    public async Task RecordAsync(string method, WebhookDelivery delivery, object? payload)
    {
        if (OnDispatch is { } hook)
        {
            await hook(delivery);
        }

        Calls.Enqueue((method, delivery, payload));
    }
}

/// <summary>A handler that overrides every method and records each call.</summary>
public sealed class RecordingHandler(Dispatches dispatches) : ActionsWebhookHandler
{
    public override Task OnPingAsync(WebhookPing payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnPingAsync), delivery, payload);

    public override Task OnWorkflowDispatchAsync(WebhookWorkflowDispatch payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowDispatchAsync), delivery, payload);

    public override Task OnWorkflowJobQueuedAsync(WebhookWorkflowJobQueued payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowJobQueuedAsync), delivery, payload);

    public override Task OnWorkflowJobInProgressAsync(WebhookWorkflowJobInProgress payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowJobInProgressAsync), delivery, payload);

    public override Task OnWorkflowJobCompletedAsync(WebhookWorkflowJobCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowJobCompletedAsync), delivery, payload);

    public override Task OnWorkflowJobWaitingAsync(WebhookWorkflowJobWaiting payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowJobWaitingAsync), delivery, payload);

    public override Task OnWorkflowRunRequestedAsync(WebhookWorkflowRunRequested payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowRunRequestedAsync), delivery, payload);

    public override Task OnWorkflowRunInProgressAsync(WebhookWorkflowRunInProgress payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowRunInProgressAsync), delivery, payload);

    public override Task OnWorkflowRunCompletedAsync(WebhookWorkflowRunCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnWorkflowRunCompletedAsync), delivery, payload);

    public override Task OnUnknownAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => dispatches.RecordAsync(nameof(OnUnknownAsync), delivery, null);
}

/// <summary>The app's log entries.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                recorder.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
