using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ActionsGen.Runtime.Telemetry;
using ActionsGen.Runtime.Tests.Infrastructure;
using ActionsGen.Runtime.Webhooks;
using GitHub.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace ActionsGen.Runtime.Tests;

/// <summary>
/// The generated receiver (AddActionsWebhookHandler + MapActionsWebhooks) over real HTTP on loopback: what GitHub
/// sends reaches its method once, and what an attacker or a broken sender sends does not.
/// </summary>
[Collection(Isolated.Name)]
public sealed class WebhookReceiverTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public WebhookReceiverTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        _output = output;
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActionsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ActionsTelemetry.Name && instrument.Name is WebhookTelemetry.Deliveries or ActionsTelemetry.ResponseDeviations)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    public static TheoryData<string> Webhooks() => new(WebhookExamples.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public async Task Every_payload_example_in_the_spec_is_dispatched_to_its_method_with_its_payload_read_without_drift(string name)
    {
        var example = WebhookExamples.Get(name);
        await using var server = await WebhookServer.StartAsync();
        var id = Guid.NewGuid().ToString();

        using var response = await server.PostAsync(example.Event, example.Json, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, delivery, payload) = Assert.Single(server.Dispatches.Calls);
        Assert.Equal("On" + Pascal(example.OperationId) + "Async", method);
        Assert.Equal(example.Event, delivery.Event);
        Assert.Equal(example.Action, delivery.Action);
        Assert.Equal(id, delivery.DeliveryId);
        Assert.Equal(12312312, delivery.HookId);
        Assert.Equal("repository", delivery.InstallationTargetType);
        Assert.Equal(123123, delivery.InstallationTargetId);
        Assert.Equal("GitHub-Hookshot/044aadd", delivery.Headers["user-agent"]);
        Assert.NotNull(payload);

        // The payload's members are read as the spec describes them (the recorded deliveries fit the spec: no drift).
        var json = JsonNode.Parse(example.Json)!;
        var sender = (SimpleUser)payload!.GetType().GetProperty("Sender")!.GetValue(payload)!;
        Assert.Equal(json["sender"]!["login"]!.GetValue<string>(), sender.Login);
        if (json["workflow_job"] is { } job)
        {
            Assert.Equal(job["id"]!.GetValue<long>(), ((Job)payload.GetType().GetProperty("WorkflowJob")!.GetValue(payload)!).Id);
        }

        if (json["workflow_run"] is { } run)
        {
            var read = (WorkflowRun)payload.GetType().GetProperty("WorkflowRun")!.GetValue(payload)!;
            Assert.Equal(run["id"]!.GetValue<long>(), read.Id);
            Assert.Equal(run["head_sha"]!.GetValue<string>(), read.HeadSha);
        }

        Assert.DoesNotContain(_measurements, m => m.Instrument == ActionsTelemetry.ResponseDeviations);
        var activity = Assert.Single(_activities, a => a.OperationName == WebhookTelemetry.ActivityName);
        Assert.Equal(example.Event, activity.GetTagItem("github.event"));
        Assert.Equal(example.Action, activity.GetTagItem("github.action"));
        Assert.Equal(id, activity.GetTagItem("github.delivery_id"));
        Assert.Equal("dispatched", activity.GetTagItem("actionsgen.webhook.outcome"));
        Assert.Contains(_measurements, m => m.Instrument == WebhookTelemetry.Deliveries && Equals(m.Tags["actionsgen.webhook.outcome"], "dispatched") && Equals(m.Tags["github.event"], example.Event));
    }

    [Fact]
    public async Task A_form_encoded_delivery_is_verified_over_the_form_and_dispatched_with_its_payload_field()
    {
        var example = WebhookExamples.Get("workflow-job-completed");
        await using var server = await WebhookServer.StartAsync();
        var form = "payload=" + Uri.EscapeDataString(example.Json);

        using var response = await server.PostAsync("workflow_job", form, contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, delivery, payload) = Assert.Single(server.Dispatches.Calls);
        Assert.Equal("OnWorkflowJobCompletedAsync", method);
        Assert.Equal("completed", delivery.Action);
        Assert.Equal(example.Json, Encoding.UTF8.GetString(delivery.Body.Span));
        Assert.Equal(JsonNode.Parse(example.Json)!["workflow_job"]!["name"]!.GetValue<string>(), ((WebhookWorkflowJobCompleted)payload!).WorkflowJob.Name);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong")]
    [InlineData("other secret")]
    [InlineData("sha1 only")]
    [InlineData("not hex")]
    [InlineData("signed other body")]
    public async Task A_delivery_without_a_valid_signature_is_401_and_never_dispatched(string signature)
    {
        var example = WebhookExamples.Get("workflow-job-queued");
        await using var server = await WebhookServer.StartAsync();
        var request = WebhookServer.Delivery(example.Event, example.Json, secret: signature == "other secret" ? "another secret" : null);
        switch (signature)
        {
            case "wrong":
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
                break;
            case "sha1 only":
                request.Headers.Add("X-Hub-Signature", "sha1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(WebhookServer.Secret), Encoding.UTF8.GetBytes(example.Json))));
                break;
            case "not hex":
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('z', 64));
                break;
            case "signed other body":
                request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(Encoding.UTF8.GetBytes(example.Json + " "), WebhookServer.Secret));
                break;
        }

        using var response = await server.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(server.Dispatches.Calls);
        var activity = Assert.Single(_activities, a => a.OperationName == WebhookTelemetry.ActivityName);
        Assert.Equal("unauthorized", activity.GetTagItem("actionsgen.webhook.outcome"));
        Assert.Null(activity.GetTagItem("github.event"));
    }

    [Fact]
    public async Task During_a_rotation_deliveries_signed_with_either_secret_are_accepted()
    {
        var example = WebhookExamples.Get("ping");
        await using var server = await WebhookServer.StartAsync(o => o.Secrets = new List<string> { "old secret", "new secret" });

        using var old = await server.PostAsync("ping", example.Json, secret: "old secret");
        using var @new = await server.PostAsync("ping", example.Json, secret: "new secret");
        using var neither = await server.PostAsync("ping", example.Json, secret: WebhookServer.Secret);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (old.StatusCode, @new.StatusCode, neither.StatusCode));
        Assert.Equal(2, server.Dispatches.Calls.Count);
    }

    [Fact]
    public async Task A_secret_rotated_in_the_options_applies_to_the_next_delivery_without_a_restart()
    {
        var example = WebhookExamples.Get("ping");
        var secrets = new List<string> { "first" };
        await using var server = await WebhookServer.StartAsync(map: app => app.MapActionsWebhooks("/hooks"), registered: o => o.Secrets = secrets);

        using var before = await server.PostAsync("ping", example.Json, secret: "first");
        secrets[0] = "second";
        using var stale = await server.PostAsync("ping", example.Json, secret: "first");
        using var after = await server.PostAsync("ping", example.Json, secret: "second");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (before.StatusCode, stale.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task A_receiver_without_a_secret_refuses_to_start_unless_unsigned_deliveries_are_allowed()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookServer.StartAsync(o => o.Secrets.Clear()));
        Assert.Contains("AllowUnsignedDeliveries", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookServer.StartAsync(map: app => app.MapActionsWebhooks("/hooks")));

        await using var server = await WebhookServer.StartAsync(o => { o.Secrets.Clear(); o.AllowUnsignedDeliveries = true; });
        using var response = await server.PostAsync("ping", WebhookExamples.Get("ping").Json, secret: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Dispatches.Calls);
    }

    [Fact]
    public async Task A_redelivery_is_acknowledged_and_not_dispatched_again()
    {
        var example = WebhookExamples.Get("workflow-run-completed");
        await using var server = await WebhookServer.StartAsync();
        var id = Guid.NewGuid().ToString();

        using var first = await server.PostAsync(example.Event, example.Json, id);
        using var again = await server.PostAsync(example.Event, example.Json, id);
        using var other = await server.PostAsync(example.Event, example.Json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, other.StatusCode));
        Assert.Equal(2, server.Dispatches.Calls.Count);
        Assert.Single(server.Dispatches.Calls, c => c.Delivery.DeliveryId == id);
        Assert.Contains(_activities, a => Equals(a.GetTagItem("actionsgen.webhook.outcome"), "redelivery") && Equals(a.GetTagItem("github.delivery_id"), id));
    }

    [Theory]
    [InlineData("issues", "opened")]
    [InlineData("workflow_job", "finished")]
    [InlineData("workflow_run", null)]
    public async Task An_event_or_action_the_spec_does_not_list_is_acknowledged_and_goes_to_OnUnknownAsync(string @event, string? action)
    {
        await using var server = await WebhookServer.StartAsync();
        var body = action is null ? """{"zen":"x"}""" : "{\"action\":\"" + action + "\",\"sender\":{\"login\":\"octocat\"}}";

        using var response = await server.PostAsync(@event, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, delivery, _) = Assert.Single(server.Dispatches.Calls);
        Assert.Equal("OnUnknownAsync", method);
        Assert.Equal((@event, action), (delivery.Event, delivery.Action));
        Assert.Contains(_activities, a => Equals(a.GetTagItem("actionsgen.webhook.outcome"), "unknown"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_never_dispatched_whether_its_length_is_declared_or_not()
    {
        await using var server = await WebhookServer.StartAsync(o => o.MaxBodyBytes = 64 * 1024);
        var big = """{"action":"completed","padding":""" + "\"" + new string('x', 200_000) + "\"}";

        using var declared = await server.PostAsync("workflow_job", big);
        var chunked = WebhookServer.Delivery("workflow_job", big);
        chunked.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await server.SendAsync(chunked);
        using var fits = await server.PostAsync("ping", WebhookExamples.Get("ping").Json);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.OK), (declared.StatusCode, streamed.StatusCode, fits.StatusCode));
        Assert.Equal("OnPingAsync", Assert.Single(server.Dispatches.Calls).Method);
    }

    [Fact]
    public async Task The_default_limit_is_GitHubs_25_MB()
    {
        await using var server = await WebhookServer.StartAsync();
        var request = WebhookServer.Delivery("ping", "{}");
        request.Content = new ByteArrayContent(new byte[(25 * 1024 * 1024) + 1]);

        using var response = await server.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(WebhookReceiverOptions.DefaultMaxBodyBytes, new WebhookReceiverOptions().MaxBodyBytes);
        Assert.Empty(server.Dispatches.Calls);
    }

    [Theory]
    [InlineData("{\"action\": \"completed\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData("{} {}")]
    [InlineData("not json")]
    public async Task Malformed_JSON_is_400_and_never_dispatched(string body)
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.PostAsync("workflow_job", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Dispatches.Calls);
        Assert.Contains(_activities, a => Equals(a.GetTagItem("actionsgen.webhook.outcome"), "malformed"));
    }

    [Fact]
    public async Task A_delivery_without_an_event_header_or_a_form_without_a_payload_is_400()
    {
        await using var server = await WebhookServer.StartAsync();
        var noEvent = WebhookServer.Delivery("ping", WebhookExamples.Get("ping").Json);
        noEvent.Headers.Remove("X-GitHub-Event");

        using var first = await server.SendAsync(noEvent);
        using var second = await server.PostAsync("ping", "zen=hello", contentType: "application/x-www-form-urlencoded");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode));
        Assert.Empty(server.Dispatches.Calls);
    }

    [Fact]
    public async Task Only_POST_is_received()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Http.GetAsync("hooks");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_handler_that_throws_gives_500_with_no_detail_is_logged_and_the_next_delivery_and_its_redelivery_are_fine()
    {
        var example = WebhookExamples.Get("workflow-job-completed");
        await using var server = await WebhookServer.StartAsync();
        var failing = Guid.NewGuid().ToString();
        var failures = 0;
        server.Dispatches.OnDispatch = delivery =>
            delivery.DeliveryId == failing && Interlocked.Increment(ref failures) == 1 ? throw new InvalidOperationException("database is down: password=hunter2") : Task.CompletedTask;

        using var failed = await server.PostAsync(example.Event, example.Json, failing);
        using var next = await server.PostAsync(example.Event, example.Json);
        using var redelivered = await server.PostAsync(example.Event, example.Json, failing);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(await failed.Content.ReadAsByteArrayAsync());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (next.StatusCode, redelivered.StatusCode));
        Assert.Equal(2, server.Dispatches.Calls.Count);
        var log = Assert.Single(server.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(log.Exception);
        Assert.Contains(failing, log.Message);
        var activity = Assert.Single(_activities, a => Equals(a.GetTagItem("actionsgen.webhook.outcome"), "failed"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Contains(_measurements, m => m.Instrument == WebhookTelemetry.Deliveries && Equals(m.Tags["actionsgen.webhook.outcome"], "failed"));
    }

    [Fact]
    public async Task A_drifted_payload_is_read_past_and_each_deviation_reported_and_strict_payloads_refuse_it()
    {
        var example = JsonNode.Parse(WebhookExamples.Get("workflow-job-completed").Json)!;
        example["workflow_job"]!["run_attempt"] = "two";
        example["workflow_job"]!.AsObject().Remove("head_sha");
        var drifted = example.ToJsonString();
        var reported = new ConcurrentQueue<JsonDeviationReportSummary>();
        await using var lenient = await WebhookServer.StartAsync(o => o.OnPayloadDeviations = (d, r) => reported.Enqueue(new(d.DeliveryId, r.Count)));

        using var response = await lenient.PostAsync("workflow_job", drifted, "drifted");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = (WebhookWorkflowJobCompleted)Assert.Single(lenient.Dispatches.Calls).Payload!;
        Assert.Null(payload.WorkflowJob.RunAttempt);
        Assert.Equal(example["workflow_job"]!["id"]!.GetValue<long>(), payload.WorkflowJob.Id);
        var activity = Assert.Single(_activities, a => a.OperationName == WebhookTelemetry.ActivityName);
        var paths = activity.Events.Where(e => e.Name == ActionsTelemetry.DeviationEvent).Select(e => e.Tags.First(t => t.Key == "actionsgen.json_path").Value).ToArray();
        Assert.Equal(new object[] { "$.workflow_job.run_attempt", "$.workflow_job.head_sha" }, paths);
        Assert.Contains(_measurements, m => m.Instrument == ActionsTelemetry.ResponseDeviations && Equals(m.Tags["github.operation_id"], "workflow-job/completed"));
        Assert.Equal(new JsonDeviationReportSummary("drifted", 2), Assert.Single(reported));

        await using var strict = await WebhookServer.StartAsync(o => o.StrictPayloads = true);
        using var refused = await strict.PostAsync("workflow_job", drifted, "drifted");
        using var redelivered = await strict.PostAsync("workflow_job", WebhookExamples.Get("workflow-job-completed").Json, "drifted");
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (refused.StatusCode, redelivered.StatusCode));
        Assert.Single(strict.Dispatches.Calls);
    }

    [Fact]
    public async Task Two_thousand_deliveries_32_at_a_time_are_each_dispatched_exactly_once_in_bounded_memory()
    {
        var examples = WebhookExamples.All;
        await using var server = await WebhookServer.StartAsync();
        server.Dispatches.OnDispatch = async _ => await Task.Yield();
        var peak = 0L;

        async Task<Dictionary<string, int>> SendAsync(string prefix, int count)
        {
            var deliveries = Enumerable.Range(0, count).Select(i => (Id: prefix + i, Example: examples[i % examples.Count])).ToArray();
            // A tenth of them sent twice, the second time while the first may still be in flight.
            var sends = deliveries.Concat(deliveries.Where((_, i) => i % 10 == 0)).OrderBy(d => d.Id.GetHashCode()).ToArray();
            var statuses = new ConcurrentBag<HttpStatusCode>();
            await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (d, _) =>
            {
                using var response = await server.PostAsync(d.Example.Event, d.Example.Json, d.Id);
                statuses.Add(response.StatusCode);
                InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: false));
            });

            Assert.Equal(sends.Length, statuses.Count);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            // Counted by hand and dequeued: a LINQ grouping over the calls kept the last round's deliveries reachable.
            var byId = new Dictionary<string, int>();
            while (server.Dispatches.Calls.TryDequeue(out var call))
            {
                byId[call.Delivery.DeliveryId!] = byId.GetValueOrDefault(call.Delivery.DeliveryId!) + 1;
            }

            server.Logs.Entries.Clear();
            _activities.Clear();
            _measurements.Clear();
            return byId;
        }

        // The first round fills what the server and the client keep for the next requests (connections, pooled
        // buffers, per-thread reading state); the second must leave nothing behind: memory flat, not growing per delivery.
        var first = await SendAsync("first-", 2000);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var second = await SendAsync("second-", 2000);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine($"heap after the first 2,000: {before:N0} bytes; growth over the next 2,000: {after - before:N0} bytes; peak {peak:N0} bytes");
        foreach (var dispatched in new[] { first, second })
        {
            Assert.Equal(2000, dispatched.Count);
            Assert.All(dispatched.Values, count => Assert.Equal(1, count));
        }

        Assert.InRange(after - before, long.MinValue, 4L * 1024 * 1024);
        Assert.InRange(peak, 0, 400L * 1024 * 1024);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-', '/', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private sealed record JsonDeviationReportSummary(string? DeliveryId, int Count);
}
