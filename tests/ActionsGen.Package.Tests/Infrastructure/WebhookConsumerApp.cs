namespace ActionsGen.Package.Tests.Infrastructure;

/// <summary>
/// A <c>dotnet new web</c> app that adds the package (the built-in spec: no spec named) and receives webhooks with
/// the two generated lines, <c>AddActionsWebhookHandler&lt;RecordingHandler&gt;()</c> and
/// <c>MapActionsWebhooks("/github/webhooks", secret)</c>; built once and run as its own process for every test of the
/// class. Its handler overrides every method, records which method got which <c>X-GitHub-Delivery</c> (served as text
/// at <c>GET /seen</c>), and throws for <see cref="FailingDelivery"/>.
/// </summary>
public sealed class WebhookConsumerApp : IAsyncLifetime
{
    /// <summary>The secret of the example in GitHub's documentation on validating deliveries.</summary>
    public const string Secret = "It's a Secret to Everybody";

    public const string Route = "github/webhooks";

    /// <summary>Mapped with the options overload: the same secret, a 64 KB body limit.</summary>
    public const string SmallRoute = "github/small";

    public const long SmallLimit = 64 * 1024;

    /// <summary>The delivery id the handler throws for, after recording it.</summary>
    public const string FailingDelivery = "failing-delivery";

    /// <summary>What the handler's exception says: none of it may reach the response.</summary>
    public const string FailureMessage = "database is down: password=hunter2";

    private static readonly string Program = $$"""
        using System.Collections.Concurrent;
        using ActionsGen.Runtime.Webhooks;
        using GitHub.Actions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<Seen>();
        builder.Services.AddActionsWebhookHandler<RecordingHandler>();

        var app = builder.Build();
        app.MapActionsWebhooks("/{{Route}}", "{{Secret}}");
        app.MapActionsWebhooks("/{{SmallRoute}}", options =>
        {
            options.Secrets.Add("{{Secret}}");
            options.MaxBodyBytes = {{SmallLimit}};
        });
        app.MapGet("/seen", (Seen seen) => seen.Text());
        app.Run();

        /// <summary>Every handler call, one line each: method, delivery id, the payload's sender.</summary>
        sealed class Seen
        {
            private readonly ConcurrentQueue<string> _calls = new();

            public void Add(string method, WebhookDelivery delivery, string? sender) => _calls.Enqueue($"{method} {delivery.DeliveryId} {sender ?? "-"}");

            public string Text() => string.Join('\n', _calls);
        }

        sealed class RecordingHandler(Seen seen) : ActionsWebhookHandler
        {
            public override Task OnPingAsync(WebhookPing payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnPingAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowDispatchAsync(WebhookWorkflowDispatch payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowDispatchAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowJobQueuedAsync(WebhookWorkflowJobQueued payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobQueuedAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowJobInProgressAsync(WebhookWorkflowJobInProgress payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobInProgressAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowJobCompletedAsync(WebhookWorkflowJobCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobCompletedAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowJobWaitingAsync(WebhookWorkflowJobWaiting payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobWaitingAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowRunRequestedAsync(WebhookWorkflowRunRequested payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunRequestedAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowRunInProgressAsync(WebhookWorkflowRunInProgress payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunInProgressAsync), delivery, payload.Sender?.Login);

            public override Task OnWorkflowRunCompletedAsync(WebhookWorkflowRunCompleted payload, WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunCompletedAsync), delivery, payload.Sender?.Login);

            public override Task OnUnknownAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => Record(nameof(OnUnknownAsync), delivery, null);

            private Task Record(string method, WebhookDelivery delivery, string? sender)
            {
                seen.Add(method, delivery, sender);
                return delivery.DeliveryId == "{{FailingDelivery}}" ? throw new InvalidOperationException("{{FailureMessage}}") : Task.CompletedTask;
            }
        }
        """;

    private readonly object _gate = new();
    private Task<AppProcess>? _started;
    private ConsumerProject? _project;

    /// <summary>What <c>dotnet build</c> printed.</summary>
    public string BuildOutput { get; private set; } = string.Empty;

    /// <summary>
    /// The running app: created, built and started on the first call, with the package from <paramref name="feed"/>
    /// (a failure is kept, not retried by every test).
    /// </summary>
    public Task<AppProcess> StartAsync(PackageFeed feed)
    {
        lock (_gate)
        {
            return _started ??= BuildAndStartAsync(feed);
        }
    }

    private async Task<AppProcess> BuildAndStartAsync(PackageFeed feed)
    {
        _project = await ConsumerProject.CreateAsync(feed, "WebhookApp", template: "web");
        _project.WriteFile("Program.cs", Program);
        var build = await _project.BuildAsync();
        BuildOutput = build.Output;
        ConsumerProject.Require(build, "the web app's build");
        // Development: an exception that escaped the receiver would come back as the developer exception page, detail and all.
        return await AppProcess.StartAsync(
            Path.Combine(_project.Directory, "bin", "Release", "net10.0", "WebhookApp.dll"),
            "seen",
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true } started)
        {
            await started.Result.DisposeAsync();
        }

        _project?.Dispose();
    }
}
